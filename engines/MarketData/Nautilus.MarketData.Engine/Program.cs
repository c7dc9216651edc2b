using Nautilus.Engine.Hosting;
using Nautilus.Platform;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.MarketData;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.MarketDataEngine);
builder.Services.AddNautilusStorage(MarketDataTables.Migrations);

var app = builder.Build();
app.MapEngine();
app.Run();
