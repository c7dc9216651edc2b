using Nautilus.Backtesting.Engine.Extensions;
using Nautilus.Engine.Hosting;
using Nautilus.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Backtesting);
builder.AddBacktesting();

var app = builder.Build();
app.MapEngine();
app.MapBacktesting();
app.Run();
