using System.Collections.Concurrent;
using Nautilus.WebSocket.Contracts;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// The strings the gateway names things by — topics (<c>TYPE:KEY</c>, <c>TYPE:*</c>) and outbox slots
/// (<c>TYPE:KEY:KIND</c>) — made once and shared: at a hundred thousand messages a second, two or three strings per
/// message were a good part of the gateway's garbage, and one instance per topic lets a client recognise the topic it
/// matched last by reference. Keys are instruments and portfolios, a bounded set; past <see cref="MaxCached"/> names
/// (a client inventing keys) new ones are made per use instead of growing the cache.
/// </summary>
public static class TopicNames
{
    public const int MaxCached = 100_000;

    private static readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> Joined = new(StringComparer.Ordinal);
    private static int _cached;

    /// <summary><c>{prefix}:{suffix}</c>, the same instance every time.</summary>
    public static string Join(string prefix, string suffix)
    {
        var bySuffix = Joined.GetOrAdd(prefix, static _ => new ConcurrentDictionary<string, string>(StringComparer.Ordinal));
        if (bySuffix.TryGetValue(suffix, out var name))
        {
            return name;
        }

        name = GatewayTopics.Of(prefix, suffix);
        if (Volatile.Read(ref _cached) < MaxCached && bySuffix.TryAdd(suffix, name))
        {
            Interlocked.Increment(ref _cached);
        }

        return bySuffix.TryGetValue(suffix, out var shared) ? shared : name;
    }

    /// <summary><c>{type}:*</c>: the topic that takes every key of a type.</summary>
    public static string Wildcard(string type) => Join(type, GatewayTopics.AnyKey);
}
