using Nautilus.Engine.Hosting;
using Nautilus.Platform;
using Nautilus.Risk.Engine.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Risk);
builder.AddRisk();

var app = builder.Build();
app.MapEngine();
app.MapRisk();
app.Run();
