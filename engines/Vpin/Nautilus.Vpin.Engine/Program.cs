using Nautilus.Engine.Hosting;
using Nautilus.Platform;
using Nautilus.Vpin.Engine.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Vpin);
builder.AddVpin();

var app = builder.Build();
app.MapEngine();
app.MapVpin();
app.Run();
