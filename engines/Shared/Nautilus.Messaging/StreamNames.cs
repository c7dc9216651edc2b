using Nautilus.Platform;

namespace Nautilus.Messaging;

/// <summary>Redis keys of the buses: one stream per message type, its dead-letter stream, and consumers' done-sets.</summary>
public static class StreamNames
{
    public const string EntryField = "b";

    public static string Of(MessageType type) => $"nautilus:stream:{MessageRouting.WireName(type)}";

    public static string DeadLetterOf(MessageType type) => $"nautilus:dlq:{MessageRouting.WireName(type)}";

    /// <summary>Ids a consumer group has handled, so a redelivered entry is not applied twice.</summary>
    public static string DoneSetOf(MessageType type, string group) => $"nautilus:done:{group}:{MessageRouting.WireName(type)}";
}
