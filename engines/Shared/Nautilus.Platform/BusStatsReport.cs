namespace Nautilus.Platform;

/// <summary>
/// <c>GET /api/bus/stats</c> of every engine: what its buses did per message type since it started, and its consumer
/// groups' backlog. The engines write it (Nautilus.Engine.Hosting) and the UI reads it, both through these records.
/// </summary>
public sealed record BusStatsReport(string Group, IReadOnlyList<BusStatsReport.TypeReport> Types,
    IReadOnlyList<BusStatsReport.GroupReport> ConsumerGroups, long PublishQueue)
{
    /// <summary>Counters of one message type; latency percentiles in milliseconds, null before anything was handled.</summary>
    public sealed record TypeReport(
        string Type, string Bus, long Published, long Conflated, long Delayed, long Written, long WriteRetries,
        long Consumed, long Retried, long DeadLettered, long Duplicates, long PassedOver, long TrimmedEntries, long AckedEntries,
        double? LatencyP50Ms, double? LatencyP99Ms, double? LatencyP999Ms);

    /// <summary>The engine's consumer group on one stream: entries not yet read (null when Redis cannot say) and not yet acknowledged.</summary>
    public sealed record GroupReport(string Type, string Stream, long? Lag, long Pending);
}
