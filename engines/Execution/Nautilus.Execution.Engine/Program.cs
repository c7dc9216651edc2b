using Nautilus.Engine.Hosting;
using Nautilus.Execution.Engine.Extensions;
using Nautilus.Platform;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.Execution);
builder.AddExecution();

var app = builder.Build();
app.MapEngine();
app.MapExecution();
app.Run();
