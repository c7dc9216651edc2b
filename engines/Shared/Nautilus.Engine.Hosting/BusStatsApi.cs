using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Nautilus.Messaging;
using Nautilus.Platform;
using StackExchange.Redis;

namespace Nautilus.Engine.Hosting;

/// <summary>What this engine's buses did: per message type counters and latency, and its consumer group's lag.</summary>
public static class BusStatsApi
{
    public static IEndpointRouteBuilder MapBusStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/bus/stats", GetStatsAsync)
            .WithName("GetBusStats")
            .WithTags("Bus")
            .WithSummary("Messages published, conflated, delayed, written, consumed, retried and dead-lettered per type; stream entries trimmed for age; latency percentiles; consumer-group lag.");
        return app;
    }

    public static async Task<Ok<BusStatsReport>> GetStatsAsync(BusStats stats, BusWriters writers, BusConnections connections,
        EngineDescriptor engine, CancellationToken ct)
    {
        static double? Ms(LatencyHistogram h, double q) => h.Count == 0 ? null : Math.Round(h.Quantile(q) / 1000.0, 3);

        var types = stats.Active.Select(t => new BusStatsReport.TypeReport(
            MessageRouting.WireName(t.Type), BusNames.Of(MessageRouting.BusOf(t.Type)), t.Published, t.Conflated, t.Delayed,
            t.Written, t.WriteRetries, t.Consumed, t.Retried, t.DeadLettered, t.Duplicates, t.PassedOver, t.TrimmedEntries, t.AckedEntries,
            Ms(t.Latency, 0.5), Ms(t.Latency, 0.99), Ms(t.Latency, 0.999))).ToArray();

        var groups = new List<BusStatsReport.GroupReport>();
        foreach (var type in engine.Consumes)
        {
            var stream = StreamNames.Of(type);
            try
            {
                var info = await connections[MessageRouting.BusOf(type)].GetDatabase().StreamGroupInfoAsync(stream)
                    .WaitAsync(TimeSpan.FromSeconds(2), ct);
                var mine = info.FirstOrDefault(g => g.Name == engine.Name);
                if (mine.Name is not null)
                {
                    groups.Add(new BusStatsReport.GroupReport(MessageRouting.WireName(type), stream, mine.Lag, mine.PendingMessageCount));
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                // A stream nobody has written yet, or a bus that is down: /health says which; stats carry on.
            }
        }

        return TypedResults.Ok(new BusStatsReport(engine.Name, types, groups, writers.All.Sum(w => w.Pending)));
    }
}
