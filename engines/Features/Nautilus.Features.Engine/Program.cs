using Nautilus.Engine.Hosting;
using Nautilus.Features.Engine.Extensions;
using Nautilus.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Features);
builder.AddFeatures();

var app = builder.Build();
app.MapEngine();
app.MapFeatures();
app.Run();
