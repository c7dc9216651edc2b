using Nautilus.Engine.Hosting;
using Nautilus.Platform;
using Nautilus.WebSocket.Engine.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddEngine(EngineCatalog.WebSocket);
builder.AddGateway();

var app = builder.Build();
app.MapEngine();
app.MapGateway();
app.Run();
