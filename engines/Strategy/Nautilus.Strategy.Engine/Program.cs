using Nautilus.Engine.Hosting;
using Nautilus.Platform;
using Nautilus.Strategy.Engine.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Strategy);
builder.AddStrategies();

var app = builder.Build();
app.MapEngine();
app.MapStrategies();
app.Run();
