using Nautilus.Platform;
using StackExchange.Redis;

namespace Nautilus.Messaging;

/// <summary>The connection to each bus, as the host wired them (Aspire's keyed Redis clients in the engines).</summary>
public sealed class BusConnections(IReadOnlyDictionary<Bus, IConnectionMultiplexer> connections)
{
    public IConnectionMultiplexer this[Bus bus] => connections.TryGetValue(bus, out var connection)
        ? connection
        : throw new InvalidOperationException($"This service has no connection to {BusNames.Of(bus)}; add the message type to its catalog entry.");

    public IEnumerable<Bus> Buses => connections.Keys;
}
