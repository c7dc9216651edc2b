using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.WebSocket.Contracts;
using Nautilus.WebSocket.Engine.Gateway;

namespace Nautilus.WebSocket.Engine.Apis;

public static class GatewayApi
{
    /// <param name="Replicas">Gateway replicas on the backplane, this one included.</param>
    /// <param name="BackplanePublished">Batches this replica passed to the other replicas (none while it is alone).</param>
    public sealed record GatewayStats(
        int Clients, int Topics, long Sent, long Conflated, long Dropped, int Replicas, long BackplanePublished,
        IReadOnlyList<ClientStatus> Connections);

    public static IEndpointRouteBuilder MapGatewayApi(this IEndpointRouteBuilder app)
    {
        app.Map(GatewayAccess.Path, GatewayEndpoint.AcceptAsync).WithName("WebSocketGateway").WithTags("Streaming")
            .WithSummary($"WebSocket upgrade. Authenticate with {GatewayAccess.ApiKeyHeader} or ?{GatewayAccess.ApiKeyQuery}=; " +
                         "then subscribe to topics TYPE:SYMBOL or TYPE:*.");
        app.MapGet("/api/ws/stats", GetStats).WithName("GetGatewayStats").WithTags("Streaming")
            .WithSummary("Connected clients with their topics, frames sent, conflated and dropped, and what is pending for each.");
        return app;
    }

    public static Ok<GatewayStats> GetStats(GatewayHub hub, GatewayMetrics metrics) =>
        TypedResults.Ok(new GatewayStats(metrics.Clients, hub.Topics, metrics.SentTotal, metrics.ConflatedTotal, metrics.DroppedTotal,
            metrics.Replicas, metrics.BackplanePublished, hub.Clients.Select(c => c.Status).ToArray()));
}
