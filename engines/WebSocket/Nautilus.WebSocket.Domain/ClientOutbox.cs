using System.Runtime.InteropServices;

namespace Nautilus.WebSocket.Domain;

/// <summary>What <see cref="ClientOutbox{T}.Offer"/> did with an item.</summary>
public enum Offered
{
    /// <summary>Queued behind what is pending, or placed in an empty slot.</summary>
    Queued,

    /// <summary>Replaced the pending item of its slot because the client fell behind (a conflation).</summary>
    Conflated,

    /// <summary>Replaced the pending item of its slot within a throttled client's interval (asked for, not a backlog).</summary>
    Sampled,

    /// <summary>Queued, and the oldest queued item was dropped to make room.</summary>
    DroppedOldest,

    /// <summary>Not kept: the client's snapshot of the topic is newer.</summary>
    Stale,
}

/// <summary>
/// One client's outbox of the streaming gateway, as rules on values: items with a slot (a quote of an instrument, say)
/// keep only the newest per slot, everything else queues in order up to a bound past which the oldest goes; a
/// throttled client gets the slots' newest at most once per interval; an update older than the snapshot a client just
/// received is never sent. Not thread-safe: its owner holds a lock around it. Time is the <see cref="TimeProvider"/>'s.
/// </summary>
public sealed class ClientOutbox<T>(TimeProvider clock, int maxQueued = ClientOutbox<T>.DefaultMaxQueued)
{
    public const int DefaultMaxQueued = 10_000;

    private readonly Dictionary<string, T> _latest = [];
    private readonly Dictionary<string, long> _snapshotAt = []; // topic -> sequence of its snapshot, until a newer update passes
    private readonly Queue<T> _queue = new();
    private long _nextSampleAt; // timestamp before which a throttled client's slots wait
    private int _throttleMs;

    /// <summary>A throttled view's interval in milliseconds; zero sends every item as it comes.</summary>
    public int ThrottleMs
    {
        get => _throttleMs;
        set => _throttleMs = Math.Max(0, value);
    }

    public long Sampled { get; private set; }

    public long Conflated { get; private set; }

    public long Dropped { get; private set; }

    /// <summary>Items waiting: queued ones and the newest of each slot.</summary>
    public int Pending => _latest.Count + _queue.Count;

    /// <summary>
    /// Offers an item: with a <paramref name="slot"/> it replaces the slot's pending one, without it queues. An update of
    /// <paramref name="topic"/> numbered at or before that topic's snapshot (<see cref="MarkSnapshot"/>) is refused.
    /// </summary>
    public Offered Offer(T item, string? slot, string? topic = null, long sequence = 0)
    {
        if (topic is not null && _snapshotAt.Count > 0 && _snapshotAt.TryGetValue(topic, out var snapshotAt))
        {
            if (sequence <= snapshotAt)
            {
                return Offered.Stale;
            }

            _snapshotAt.Remove(topic);
        }

        if (slot is not null)
        {
            // One lookup: this runs for every message of every client of the gateway.
            ref var pending = ref CollectionsMarshal.GetValueRefOrAddDefault(_latest, slot, out var replaced);
            pending = item;
            if (!replaced)
            {
                return Offered.Queued;
            }

            if (_throttleMs > 0)
            {
                Sampled++;
                return Offered.Sampled;
            }

            Conflated++;
            return Offered.Conflated;
        }

        var dropped = false;
        if (_queue.Count >= maxQueued)
        {
            _queue.Dequeue();
            Dropped++;
            dropped = true;
        }

        _queue.Enqueue(item);
        return dropped ? Offered.DroppedOldest : Offered.Queued;
    }

    /// <summary>The client has the snapshot of <paramref name="topic"/> numbered <paramref name="sequence"/>.</summary>
    public void MarkSnapshot(string topic, long sequence) => _snapshotAt[topic] = sequence;

    /// <summary>The client left the topic: its snapshot mark goes too.</summary>
    public void Forget(string topic) => _snapshotAt.Remove(topic);

    /// <summary>
    /// Moves what may be sent now into <paramref name="batch"/>: every queued item, then the slots' newest unless a
    /// throttled client's interval has not passed. Returns how long until it has (zero when nothing waits).
    /// </summary>
    public TimeSpan TakeDue(List<T> batch)
    {
        while (_queue.TryDequeue(out var queued))
        {
            batch.Add(queued);
        }

        if (_latest.Count == 0)
        {
            return TimeSpan.Zero;
        }

        var now = clock.GetTimestamp();
        if (_throttleMs > 0 && now < _nextSampleAt)
        {
            return clock.GetElapsedTime(now, _nextSampleAt);
        }

        batch.AddRange(_latest.Values);
        _latest.Clear();
        _nextSampleAt = now + _throttleMs * clock.TimestampFrequency / 1000;
        return TimeSpan.Zero;
    }

    /// <summary>Whether <see cref="TakeDue"/> would give anything now.</summary>
    public bool HasDue => _queue.Count > 0 || (_latest.Count > 0 && clock.GetTimestamp() >= _nextSampleAt);
}
