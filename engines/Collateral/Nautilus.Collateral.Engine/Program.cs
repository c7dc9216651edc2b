using Nautilus.Engine.Hosting;
using Nautilus.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Collateral);

var app = builder.Build();
app.MapEngine();
app.Run();
