using Nautilus.Engine.Hosting;
using Nautilus.Platform;
using Nautilus.Portfolio.Engine.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Portfolio);
builder.AddPortfolio();

var app = builder.Build();
app.MapEngine();
app.MapPortfolio();
app.Run();
