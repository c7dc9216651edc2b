using Nautilus.Platform;
using Nautilus.WebSocket.Engine.Apis;
using Nautilus.WebSocket.Engine.Gateway;

namespace Nautilus.WebSocket.Engine.Extensions;

public static class GatewayExtensions
{
    /// <summary>The hub of connected clients, the bus fan-out that feeds it, its settings and metrics.</summary>
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<GatewayOptions>(GatewayOptions.Section);
        builder.Services.AddSingleton<GatewayHub>();
        builder.Services.AddSingleton<GatewayMetrics>();
        builder.Services.AddSingleton<BusFanOut>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BusFanOut>());
        BusFanOut.AddSubscriptions(builder.Services, EngineCatalog.WebSocket);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddMeter(GatewayMetrics.MeterName));
        return builder;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.MapGatewayApi();
        return app;
    }
}
