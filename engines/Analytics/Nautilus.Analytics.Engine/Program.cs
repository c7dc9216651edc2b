using Nautilus.Analytics.Engine.Extensions;
using Nautilus.Engine.Hosting;
using Nautilus.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Analytics);
builder.AddAnalytics();

var app = builder.Build();
app.MapEngine();
app.MapAnalytics();
app.Run();
