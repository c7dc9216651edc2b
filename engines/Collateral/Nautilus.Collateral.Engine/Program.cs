using Nautilus.Collateral.Engine.Extensions;
using Nautilus.Engine.Hosting;
using Nautilus.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Collateral);
builder.AddCollateral();

var app = builder.Build();
app.MapEngine();
app.MapCollateral();
app.Run();
