using System.Diagnostics.Metrics;
using Nautilus.Platform;

namespace Nautilus.Messaging;

/// <summary>
/// What the buses did, per message type: counters served by <c>/api/bus/stats</c> and the same figures as
/// OpenTelemetry instruments (meter <c>Nautilus.Messaging</c>).
/// </summary>
public sealed class BusStats : IDisposable
{
    public const string MeterName = "Nautilus.Messaging";

    private readonly TypeStats[] _types = Enum.GetValues<MessageType>().Select(t => new TypeStats(t)).ToArray();
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _published, _conflated, _delayed, _written, _consumed, _retried, _deadLettered, _duplicates;
    private readonly Histogram<double> _latency;

    public BusStats()
    {
        _published = _meter.CreateCounter<long>("nautilus.bus.published", "{message}", "Messages handed to the publisher");
        _conflated = _meter.CreateCounter<long>("nautilus.bus.conflated", "{message}", "Messages replaced by a newer one of the same key while the queue was full");
        _delayed = _meter.CreateCounter<long>("nautilus.bus.delayed", "{message}", "Publishes that waited for room (back-pressure)");
        _written = _meter.CreateCounter<long>("nautilus.bus.written", "{message}", "Messages written to Redis");
        _consumed = _meter.CreateCounter<long>("nautilus.bus.consumed", "{message}", "Messages handled successfully");
        _retried = _meter.CreateCounter<long>("nautilus.bus.retried", "{attempt}", "Handler attempts that failed and were retried");
        _deadLettered = _meter.CreateCounter<long>("nautilus.bus.dead_lettered", "{message}", "Messages moved to a dead-letter stream");
        _duplicates = _meter.CreateCounter<long>("nautilus.bus.duplicates", "{message}", "Redelivered messages skipped as already handled");
        _latency = _meter.CreateHistogram<double>("nautilus.bus.latency", "ms", "Publish to handler completion");
    }

    public TypeStats this[MessageType type] => _types[(int)type];

    public IEnumerable<TypeStats> Active => _types.Where(t => t.Published + t.Consumed + t.DeadLettered + t.Written > 0);

    public void Published(MessageType type) { Interlocked.Increment(ref this[type].Published); _published.Add(1, Tag(type)); }
    public void Conflated(MessageType type) { Interlocked.Increment(ref this[type].Conflated); _conflated.Add(1, Tag(type)); }
    public void Delayed(MessageType type) { Interlocked.Increment(ref this[type].Delayed); _delayed.Add(1, Tag(type)); }
    public void Written(MessageType type, int count) { Interlocked.Add(ref this[type].Written, count); _written.Add(count, Tag(type)); }
    public void WriteRetried(MessageType type) => Interlocked.Increment(ref this[type].WriteRetries);
    public void Retried(MessageType type) { Interlocked.Increment(ref this[type].Retried); _retried.Add(1, Tag(type)); }
    public void DeadLettered(MessageType type) { Interlocked.Increment(ref this[type].DeadLettered); _deadLettered.Add(1, Tag(type)); }
    public void Duplicate(MessageType type) { Interlocked.Increment(ref this[type].Duplicates); _duplicates.Add(1, Tag(type)); }

    public void Consumed(MessageType type, double latencyMicroseconds)
    {
        var stats = this[type];
        Interlocked.Increment(ref stats.Consumed);
        stats.Latency.Record(latencyMicroseconds);
        _consumed.Add(1, Tag(type));
        _latency.Record(latencyMicroseconds / 1000.0, Tag(type));
    }

    private static KeyValuePair<string, object?> Tag(MessageType type) => new("type", MessageRouting.WireName(type));

    public void Dispose() => _meter.Dispose();

    /// <summary>Counters of one message type; fields so they can be incremented atomically.</summary>
    public sealed class TypeStats(MessageType type)
    {
        public MessageType Type { get; } = type;
        public long Published, Conflated, Delayed, Written, WriteRetries, Consumed, Retried, DeadLettered, Duplicates;
        public LatencyHistogram Latency { get; } = new();
    }
}
