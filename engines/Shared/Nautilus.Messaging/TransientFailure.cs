using System.Net.Sockets;
using StackExchange.Redis;

namespace Nautilus.Messaging;

internal static class TransientFailure
{
    /// <summary>Failures of a bus that goes away and comes back: retried, never fatal to a loop.</summary>
    public static bool IsTransient(Exception ex) =>
        ex is RedisException or TimeoutException or IOException or SocketException;
}
