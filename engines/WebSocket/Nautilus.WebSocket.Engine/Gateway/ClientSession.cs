using System.Net.WebSockets;
using System.Text;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>What a client has been sent and what its slowness has cost it.</summary>
public sealed record ClientStatus(Guid Id, string Remote, DateTimeOffset ConnectedAt, IReadOnlyList<string> Topics,
    long Sent, long Conflated, long Dropped, int Pending);

/// <summary>
/// One connected client: its subscriptions and an outbox drained by its own sender, so a slow client never slows
/// the others. Policy when the client falls behind: a conflatable message (prices, quotes, books, features)
/// replaces the pending one of its kind and instrument (counted as conflated); others (trades, bars) queue up to
/// <see cref="MaxQueued"/>, beyond which the oldest are dropped (counted). Topics: <c>TYPE:KEY</c> or <c>TYPE:*</c>.
/// </summary>
public sealed class ClientSession(System.Net.WebSockets.WebSocket socket, string remote, GatewayMetrics metrics)
{
    public const int MaxQueued = 10_000;

    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = [];
    private readonly Dictionary<string, (string Frame, long PublishedNs)> _latest = [];
    private readonly Queue<(string Frame, long PublishedNs)> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private long _sent, _conflated, _dropped;

    public Guid Id { get; } = Guid.NewGuid();
    public DateTimeOffset ConnectedAt { get; } = DateTimeOffset.UtcNow;

    public ClientStatus Status
    {
        get
        {
            lock (_gate)
            {
                return new ClientStatus(Id, remote, ConnectedAt, [.. _topics], Interlocked.Read(ref _sent), Interlocked.Read(ref _conflated),
                    Interlocked.Read(ref _dropped), _latest.Count + _queue.Count);
            }
        }
    }

    /// <summary>
    /// Adds topics and queues the acknowledgement and the topics' snapshots in one step, so no update of a new topic
    /// can reach the client before its acknowledgement and snapshot.
    /// </summary>
    public void Subscribe(IReadOnlyList<string> topics, Func<IReadOnlyList<string>, string> acknowledgement, IEnumerable<string> snapshots)
    {
        lock (_gate)
        {
            _topics.UnionWith(topics);
            _queue.Enqueue((acknowledgement([.. _topics]), 0));
            foreach (var frame in snapshots)
            {
                _queue.Enqueue((frame, 0));
            }
        }

        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    public IReadOnlyList<string> Unsubscribe(IEnumerable<string> topics)
    {
        lock (_gate)
        {
            _topics.ExceptWith(topics);
            return [.. _topics];
        }
    }

    public bool Wants(GatewayMessage message)
    {
        lock (_gate)
        {
            return _topics.Contains(message.Topic) || _topics.Contains($"{message.Type}:*");
        }
    }

    public void Enqueue(GatewayMessage message) =>
        Enqueue(message.Frame, message.PublishedNs, message.Conflatable ? $"{message.Type}:{message.ConflationKey}" : null);

    /// <summary>Sends a frame (snapshots, acknowledgements, errors) in order with the rest; never conflated.</summary>
    public void EnqueueControl(string frame) => Enqueue(frame, 0, null);

    private void Enqueue(string frame, long publishedNs, string? slot)
    {
        lock (_gate)
        {
            if (slot is not null)
            {
                if (_latest.ContainsKey(slot))
                {
                    Interlocked.Increment(ref _conflated);
                    metrics.Conflated();
                }

                _latest[slot] = (frame, publishedNs);
            }
            else
            {
                if (_queue.Count >= MaxQueued)
                {
                    _queue.Dequeue();
                    Interlocked.Increment(ref _dropped);
                    metrics.Dropped();
                }

                _queue.Enqueue((frame, publishedNs));
            }
        }

        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    /// <summary>Runs until the socket closes: takes what is pending, sends it, waits for more.</summary>
    public async Task SendLoopAsync(CancellationToken ct)
    {
        var batch = new List<(string Frame, long PublishedNs)>();
        while (!ct.IsCancellationRequested && socket.State == WebSocketState.Open)
        {
            await _signal.WaitAsync(ct);
            lock (_gate)
            {
                batch.AddRange(_queue);
                _queue.Clear();
                batch.AddRange(_latest.Values);
                _latest.Clear();
            }

            foreach (var message in batch)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(message.Frame), WebSocketMessageType.Text, true, ct);
                Interlocked.Increment(ref _sent);
                metrics.Sent(message.PublishedNs);
            }

            batch.Clear();
        }
    }
}
