using System.Collections.Concurrent;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>The connected clients of this replica and the latest message of every topic (what a new subscriber gets first).</summary>
public sealed class GatewayHub
{
    private readonly ConcurrentDictionary<Guid, ClientSession> _clients = new();
    private readonly ConcurrentDictionary<string, GatewayMessage> _latest = new();

    public IReadOnlyList<ClientSession> Clients => [.. _clients.Values];

    public int Topics => _latest.Count;

    public void Add(ClientSession client) => _clients[client.Id] = client;

    public void Remove(ClientSession client) => _clients.TryRemove(client.Id, out _);

    /// <summary>Remembers the message as its topic's latest and hands it to every client subscribed to it.</summary>
    public void Dispatch(GatewayMessage message)
    {
        _latest[message.Topic] = message;
        foreach (var client in _clients.Values)
        {
            if (client.Wants(message))
            {
                client.Enqueue(message);
            }
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
}
