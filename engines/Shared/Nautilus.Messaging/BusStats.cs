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
    private readonly KeyValuePair<string, object?>[] _tags = Enum.GetValues<MessageType>().Select(t => new KeyValuePair<string, object?>("type", MessageRouting.WireName(t))).ToArray();
    private readonly Meter _meter;
    private readonly Histogram<double> _latency;

    public BusStats()
    {
        // The scope tells this instance's instruments from another's of the same name (tests run several in one process).
        _meter = new Meter(new MeterOptions(MeterName) { Scope = this });
        // Counts are observed from the fields below when metrics are collected: a counter's Add per message (tag lookup
        // and aggregation in the exporter) cost more than the bus's own work on a market-data stream.
        Observe("nautilus.bus.published", "Messages handed to the publisher", t => Volatile.Read(ref t.Published));
        Observe("nautilus.bus.conflated", "Messages replaced by a newer one of the same key while the queue was full", t => Volatile.Read(ref t.Conflated));
        Observe("nautilus.bus.delayed", "Publishes that waited for room (back-pressure)", t => Volatile.Read(ref t.Delayed));
        Observe("nautilus.bus.written", "Messages written to Redis", t => Volatile.Read(ref t.Written));
        Observe("nautilus.bus.consumed", "Messages handled successfully", t => Volatile.Read(ref t.Consumed));
        Observe("nautilus.bus.retried", "Handler attempts that failed and were retried", t => Volatile.Read(ref t.Retried), "{attempt}");
        Observe("nautilus.bus.dead_lettered", "Messages moved to a dead-letter stream", t => Volatile.Read(ref t.DeadLettered));
        Observe("nautilus.bus.duplicates", "Redelivered messages skipped as already handled", t => Volatile.Read(ref t.Duplicates));
        Observe("nautilus.bus.passed_over", "Messages read and acknowledged that the subscription's filter did not want", t => Volatile.Read(ref t.PassedOver));
        Observe("nautilus.bus.trimmed", "Stream entries removed for their age", t => Volatile.Read(ref t.TrimmedEntries), "{entry}");
        Observe("nautilus.bus.acked", "Stream entries this service's consumer group acknowledged", t => Volatile.Read(ref t.AckedEntries), "{entry}");
        ObserveGroup("nautilus.bus.consumer_lag", "Stream entries not yet delivered to this service's consumer group", t => Volatile.Read(ref t.ConsumerLag));
        ObserveGroup("nautilus.bus.pending", "Stream entries delivered to this service's consumer group and not yet acknowledged", t => Volatile.Read(ref t.PendingEntries));
        _latency = _meter.CreateHistogram<double>("nautilus.bus.latency", "ms", "Publish to handler completion");
    }

    private void Observe(string name, string description, Func<TypeStats, long> value, string unit = "{message}") =>
        _meter.CreateObservableCounter(name, () => Active.Select(t => new Measurement<long>(value(t), _tags[(int)t.Type])), unit, description);

    /// <summary>A gauge of the consumer group, for the types whose group state has been read (see <see cref="GroupState"/>).</summary>
    private void ObserveGroup(string name, string description, Func<TypeStats, long> value) =>
        _meter.CreateObservableGauge(name, () => _types.Where(t => value(t) >= 0).Select(t => new Measurement<long>(value(t), _tags[(int)t.Type])),
            "{entry}", description);

    public TypeStats this[MessageType type] => _types[(int)type];

    public IEnumerable<TypeStats> Active => _types.Where(t => t.Published + t.Consumed + t.PassedOver + t.DeadLettered + t.Written > 0);

    public void Published(MessageType type) => Interlocked.Increment(ref this[type].Published);
    public void Conflated(MessageType type) => Interlocked.Increment(ref this[type].Conflated);
    public void Delayed(MessageType type) => Interlocked.Increment(ref this[type].Delayed);
    public void Written(MessageType type, int count) => Interlocked.Add(ref this[type].Written, count);
    public void WriteRetried(MessageType type) => Interlocked.Increment(ref this[type].WriteRetries);
    public void Retried(MessageType type) => Interlocked.Increment(ref this[type].Retried);
    public void DeadLettered(MessageType type) => Interlocked.Increment(ref this[type].DeadLettered);
    public void Duplicate(MessageType type) => Interlocked.Increment(ref this[type].Duplicates);
    public void PassedOver(MessageType type) => Interlocked.Increment(ref this[type].PassedOver);
    public void Trimmed(MessageType type, long entries) => Interlocked.Add(ref this[type].TrimmedEntries, entries);
    public void Acknowledged(MessageType type) => Interlocked.Increment(ref this[type].AckedEntries);

    /// <summary>The consumer group's state as Redis last reported it (lag unknown, -1, after entries were trimmed unread).</summary>
    public void GroupState(MessageType type, long? lag, long pending)
    {
        Volatile.Write(ref this[type].ConsumerLag, lag ?? -1);
        Volatile.Write(ref this[type].PendingEntries, pending);
    }

    public void Consumed(MessageType type, double latencyMicroseconds)
    {
        var stats = this[type];
        Interlocked.Increment(ref stats.Consumed);
        stats.Latency.Record(latencyMicroseconds);
        _latency.Record(latencyMicroseconds / 1000.0, _tags[(int)type]);
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>Counters of one message type; fields so they can be incremented atomically.</summary>
    public sealed class TypeStats(MessageType type)
    {
        public MessageType Type { get; } = type;
        public long Published, Conflated, Delayed, Written, WriteRetries, Consumed, Retried, DeadLettered, Duplicates, PassedOver, TrimmedEntries,
            AckedEntries;

        /// <summary>Of this service's consumer group on the type's stream; -1 until read (and lag while Redis cannot tell).</summary>
        public long ConsumerLag = -1, PendingEntries = -1;
        public LatencyHistogram Latency { get; } = new();
    }
}
