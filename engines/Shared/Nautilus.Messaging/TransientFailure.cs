using System.Net.Sockets;
using StackExchange.Redis;

namespace Nautilus.Messaging;

internal static class TransientFailure
{
    /// <summary>Failures of a bus that goes away and comes back: retried, never fatal to a loop.</summary>
    public static bool IsTransient(Exception ex) =>
        ex is RedisException or TimeoutException or IOException or SocketException
        // A write caught on a connection torn down as Redis went away: its pipe is already completed. Not retrying it
        // ended the writer's loop, and publishers then waited for room for ever.
        || (ex is InvalidOperationException && ex.Source == "System.IO.Pipelines");
}
