using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Platform;

namespace Nautilus.WebSocket.Engine.Gateway;

public static class GatewayServiceExtensions
{
    /// <param name="Replicas">Gateway replicas on the backplane, this one included.</param>
    /// <param name="BackplanePublished">Batches this replica passed to the other replicas (none while it is alone).</param>
    public sealed record GatewayStats(int Clients, int Topics, long Sent, long Conflated, long Dropped, int Replicas, long BackplanePublished,
        IReadOnlyList<ClientStatus> Connections);

    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
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
        GatewayEndpoint.MapGateway(app);
        app.MapGet("/api/ws/stats", GetStats).WithName("GetGatewayStats").WithTags("Streaming")
            .WithSummary("Connected clients with their topics, frames sent, conflated and dropped, and what is pending for each.");
        return app;
    }

    public static Ok<GatewayStats> GetStats(GatewayHub hub, GatewayMetrics metrics) =>
        TypedResults.Ok(new GatewayStats(metrics.Clients, hub.Topics, metrics.SentTotal, metrics.ConflatedTotal, metrics.DroppedTotal,
            metrics.Replicas, metrics.BackplanePublished,
            hub.Clients.Select(c => c.Status).ToArray()));
}
