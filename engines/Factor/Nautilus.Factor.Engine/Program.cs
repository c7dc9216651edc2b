using Nautilus.Engine.Hosting;
using Nautilus.Factor.Engine.Extensions;
using Nautilus.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Factor);
builder.AddFactor();

var app = builder.Build();
app.MapEngine();
app.MapFactor();
app.Run();
