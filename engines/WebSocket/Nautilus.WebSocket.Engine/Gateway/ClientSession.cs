using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.InteropServices;
using System.Text;
using Nautilus.WebSocket.Domain;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>What a client has been sent and what its slowness has cost it.</summary>
public sealed record ClientStatus(Guid Id, string Remote, DateTimeOffset ConnectedAt, IReadOnlyList<string> Topics,
    int ThrottleMs, long Sent, long Sampled, long Conflated, long Dropped, int Pending);

/// <summary>
/// One connected client: its subscriptions and an outbox. Whoever queues a frame while nothing is being sent sends it
/// at once, on its own thread (no hand-off to another thread for the common case of a client keeping up); a send the
/// socket cannot take at once goes on asynchronously and drains the outbox, so a slow client never slows the others. Policy when the client falls behind: a conflatable message (prices, quotes, books, features)
/// replaces the pending one of its kind and instrument (counted as conflated); others (trades, bars) queue up to
/// <see cref="MaxQueued"/>, beyond which the oldest are dropped (counted). Topics: <c>TYPE:KEY</c> or <c>TYPE:*</c>.
/// A client may ask for a throttled view (<see cref="ThrottleMs"/>): then the newest message of each kind and instrument
/// (quotes, books, trade prints, prices, features) is sent at most once per interval — replaced ones counted as
/// sampled — while bars and business messages still go out at once, every one of them.
/// </summary>
public sealed class ClientSession(System.Net.WebSockets.WebSocket socket, string remote, GatewayMetrics metrics, TimeProvider? clock = null)
{
    public const int MaxQueued = ClientOutbox<object>.DefaultMaxQueued;

    private readonly Lock _gate = new();
    private volatile HashSet<string> _topics = []; // replaced, never changed: the shard reads it without the lock
    private TopicSubscribers? _index;              // the shard's topic index this client is listed in, once added
    // The rules of what is kept, replaced, dropped and held back; used under _gate.
    private readonly ClientOutbox<Outgoing> _outbox = new(clock ?? TimeProvider.System);
    private readonly List<Outgoing> _batch = [];
    private int _sending;
    private volatile bool _closed;
    private long _sent;
    private volatile int _throttleMs; // the outbox's, read without the lock on every message
    private int _timerArmed;
    private Timer? _timer;

    public Guid Id { get; } = Guid.NewGuid();
    public DateTimeOffset ConnectedAt { get; } = DateTimeOffset.UtcNow;

    public ClientStatus Status
    {
        get
        {
            lock (_gate)
            {
                return new ClientStatus(Id, remote, ConnectedAt, [.. _topics], _throttleMs,
                    Interlocked.Read(ref _sent), _outbox.Sampled, _outbox.Conflated, _outbox.Dropped, _outbox.Pending);
            }
        }
    }

    /// <summary>The interval of a throttled view in milliseconds; zero (the default) sends every message as it comes.</summary>
    public int ThrottleMs
    {
        get => _throttleMs;
        set
        {
            lock (_gate)
            {
                _outbox.ThrottleMs = value;
                _throttleMs = _outbox.ThrottleMs;
            }
        }
    }

    /// <summary>
    /// Adds topics and queues the acknowledgement and the topics' snapshots in one step, so no update of a new topic
    /// can reach the client before its acknowledgement and snapshot.
    /// </summary>
    /// <remarks>
    /// The shard's index learns the topics before the snapshots are read: a message the shard handed out before that
    /// is already in them, and one handed out after waits for this lock, so it lands behind the snapshot. One the shard
    /// hands out after but the hub numbered before the snapshot's (it was still on its way) is not sent at all: the
    /// client already has newer.
    /// </remarks>
    public void Subscribe(IReadOnlyList<string> topics, Func<IReadOnlyList<string>, string> acknowledgement, IEnumerable<GatewayMessage> snapshots)
    {
        lock (_gate)
        {
            _index?.Add(this, topics); // the index lists a client once per topic however often it is named
            _topics = [.. _topics, .. topics];
            _outbox.Offer(Outgoing.Control(acknowledgement([.. _topics])), slot: null);
            foreach (var snapshot in snapshots)
            {
                if (snapshot.SnapshotFrame is { } frame)
                {
                    _outbox.Offer(Outgoing.Control(frame), slot: null);
                    _outbox.MarkSnapshot(snapshot.Topic, snapshot.Sequence);
                }
            }
        }

        TrySend();
    }

    public IReadOnlyList<string> Unsubscribe(IEnumerable<string> topics)
    {
        lock (_gate)
        {
            var remaining = new HashSet<string>(_topics);
            remaining.ExceptWith(topics);
            var removed = _topics.Where(t => !remaining.Contains(t)).ToArray();
            _index?.Remove(this, removed);
            foreach (var topic in removed)
            {
                _outbox.Forget(topic);
            }

            _topics = remaining;
            return [.. remaining];
        }
    }

    /// <summary>Whether the client subscribes to exactly this topic (read without the lock: the set is replaced, never changed).</summary>
    public bool Subscribes(string topic) => _topics.Contains(topic);

    /// <summary>Lists the client in a shard's topic index under every topic it has (and every one it adds later).</summary>
    internal void Join(TopicSubscribers index)
    {
        lock (_gate)
        {
            _index = index;
            index.Add(this, _topics);
        }
    }

    /// <summary>Takes the client out of its shard's topic index (it is leaving the hub).</summary>
    internal void Leave()
    {
        lock (_gate)
        {
            _index?.Remove(this, _topics);
            _index = null;
        }
    }

    public void Enqueue(GatewayMessage message)
    {
        if (message.Readable)
        {
            // The frame is written when it is sent: a sample replaced before then is never turned into JSON.
            Enqueue(new Outgoing(message, default), _throttleMs > 0 ? message.SampleSlot : message.Slot);
        }
    }

    /// <summary>Sends a frame (snapshots, acknowledgements, errors) in order with the rest; never conflated.</summary>
    public void EnqueueControl(string frame) => Enqueue(Outgoing.Control(frame), null);

    private void Enqueue(Outgoing outgoing, string? slot)
    {
        lock (_gate)
        {
            switch (_outbox.Offer(outgoing, slot, outgoing.Message?.Topic, outgoing.Message?.Sequence ?? 0))
            {
                case Offered.Stale:
                    return; // the shard held an update from before the snapshot the client just got: it has newer
                case Offered.Conflated:
                    metrics.Conflated();
                    break;
                case Offered.DroppedOldest:
                    metrics.Dropped();
                    break;
            }
        }

        // A throttled client's samples wait for its timer while it is armed (the timer sends them): no attempt per message.
        if (slot is null || _throttleMs == 0 || Volatile.Read(ref _timerArmed) == 0)
        {
            TrySend();
        }
    }

    /// <summary>Stops sending (the connection is gone).</summary>
    public void Close()
    {
        _closed = true;
        _timer?.Dispose();
    }

    /// <summary>Becomes the sender unless a send is already under way (that one will see the new frames).</summary>
    private void TrySend()
    {
        if (!_closed && Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
        {
            _ = DrainAsync();
        }
    }

    /// <summary>Sends what is pending until the outbox is empty; runs synchronously while the socket takes frames at once.</summary>
    private async Task DrainAsync()
    {
        try
        {
            while (!_closed && socket.State == WebSocketState.Open)
            {
                TimeSpan sampleWait;
                lock (_gate)
                {
                    sampleWait = _outbox.TakeDue(_batch);
                }

                if (_batch.Count == 0)
                {
                    Volatile.Write(ref _sending, 0);
                    // A frame queued after the outbox was found empty but before the flag was cleared found a sender
                    // still running: take the role back for it.
                    bool more;
                    lock (_gate)
                    {
                        more = _outbox.HasDue;
                    }

                    if (more && Interlocked.CompareExchange(ref _sending, 1, 0) == 0)
                    {
                        continue;
                    }

                    if (sampleWait > TimeSpan.Zero)
                    {
                        WakeAfter(sampleWait);
                    }

                    return;
                }

                foreach (var outgoing in _batch)
                {
                    if (outgoing.Frame.IsEmpty)
                    {
                        continue; // a payload found unreadable as it was written: sent to nobody
                    }

                    var send = socket.SendAsync(outgoing.Frame, WebSocketMessageType.Text, true, CancellationToken.None);
                    if (!send.IsCompletedSuccessfully)
                    {
                        await send;
                    }

                    Interlocked.Increment(ref _sent);
                    metrics.Sent(outgoing.PublishedNs);
                }

                _batch.Clear();
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            _closed = true; // the receive loop sees the connection end and removes the client
        }
    }

    /// <summary>Tries to send again once a throttled client's interval has passed (one timer per client, armed once).</summary>
    private void WakeAfter(TimeSpan wait)
    {
        if (Interlocked.CompareExchange(ref _timerArmed, 1, 0) != 0 || _closed)
        {
            return;
        }

        _timer ??= new Timer(_ =>
        {
            Volatile.Write(ref _timerArmed, 0);
            TrySend();
        });
        _timer.Change(wait + TimeSpan.FromMilliseconds(1), Timeout.InfiniteTimeSpan);
    }

    /// <summary>A bus message (its frame written on first send, shared by every client) or a control frame of this client.</summary>
    private readonly record struct Outgoing(GatewayMessage? Message, ReadOnlyMemory<byte> ControlFrame)
    {
        public static Outgoing Control(string frame) => new(null, Encoding.UTF8.GetBytes(frame));

        public static Outgoing Control(byte[] frame) => new(null, frame);

        public ReadOnlyMemory<byte> Frame => Message?.Frame ?? ControlFrame;

        public long PublishedNs => Message?.PublishedNs ?? 0;
    }
}
