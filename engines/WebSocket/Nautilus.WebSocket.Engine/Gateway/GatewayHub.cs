using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// The connected clients of this replica and the latest message of every topic (what a new subscriber gets first).
/// Clients are spread over one shard per core; a message is handed to every shard, and each shard's worker gives it
/// to those of its clients subscribed to the topic (<see cref="TopicSubscribers"/>), sending at once to those keeping
/// up, so fan-out uses every core and one slow client's socket never holds up a shard.
/// </summary>
public sealed class GatewayHub : IDisposable
{
    private readonly ConcurrentDictionary<string, GatewayMessage> _latest = new();
    private readonly Shard[] _shards;
    private long _sequence;

    public GatewayHub()
    {
        _shards = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount)).Select(_ => new Shard()).ToArray();
    }

    public IReadOnlyList<ClientSession> Clients => [.. _shards.SelectMany(s => s.Clients)];

    public int Topics => _latest.Count;

    public void Add(ClientSession client) => ShardOf(client).Add(client);

    public void Remove(ClientSession client) => ShardOf(client).Remove(client);

    /// <summary>Remembers the message as its topic's latest and hands it to every client subscribed to it.</summary>
    public void Dispatch(GatewayMessage message)
    {
        message.Sequence = Interlocked.Increment(ref _sequence);
        // The bus and the backplane dispatch at once: a topic's latest is the one that arrived last, never an older one.
        _latest.AddOrUpdate(message.Topic, static (_, m) => m, static (_, old, m) => old.Sequence > m.Sequence ? old : m, message);
        foreach (var shard in _shards)
        {
            shard.Inbox.Writer.TryWrite(message);
        }
    }

    /// <summary>The latest message of each topic asked for (a wildcard <c>TYPE:*</c> matches every key of the type).</summary>
    public IEnumerable<GatewayMessage> Snapshot(IEnumerable<string> topics)
    {
        foreach (var topic in topics.Distinct())
        {
            if (topic.EndsWith(":*", StringComparison.Ordinal))
            {
                var type = topic[..^2];
                foreach (var message in _latest.Values.Where(m => m.Type == type))
                {
                    yield return message;
                }
            }
            else if (_latest.TryGetValue(topic, out var message))
            {
                yield return message;
            }
        }
    }

    private Shard ShardOf(ClientSession client) => _shards[(int)((uint)client.Id.GetHashCode() % (uint)_shards.Length)];

    public void Dispose()
    {
        foreach (var shard in _shards)
        {
            shard.Inbox.Writer.TryComplete();
        }
    }

    /// <summary>Some of the clients, their topic index and the worker that gives them each message, in order.</summary>
    private sealed class Shard
    {
        private readonly Lock _membership = new();
        private volatile ClientSession[] _clients = [];
        private readonly TopicSubscribers _subscribers = new();

        public Shard()
        {
            // Unbounded: each client's own outbox bounds what a slow client can hold; the shard only passes messages on.
            Inbox = Channel.CreateUnbounded<GatewayMessage>(new UnboundedChannelOptions { SingleReader = true });
            _ = Task.Run(RunAsync);
        }

        /// <summary>Replaced on every connect and disconnect, never changed.</summary>
        public ClientSession[] Clients => _clients;

        public void Add(ClientSession client)
        {
            lock (_membership)
            {
                _clients = [.. _clients, client];
            }

            client.Join(_subscribers);
        }

        public void Remove(ClientSession client)
        {
            client.Leave();
            lock (_membership)
            {
                _clients = Array.FindAll(_clients, c => c != client);
            }
        }

        public Channel<GatewayMessage> Inbox { get; }

        private async Task RunAsync()
        {
            var reader = Inbox.Reader;
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var message))
                {
                    _subscribers.Deliver(message);
                }
            }
        }
    }
}
