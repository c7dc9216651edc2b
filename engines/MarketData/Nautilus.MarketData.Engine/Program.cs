using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Engine.Extensions;
using Nautilus.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.MarketDataEngine);
builder.AddMarketData();

var app = builder.Build();
app.MapEngine();
app.MapMarketData();
app.Run();
