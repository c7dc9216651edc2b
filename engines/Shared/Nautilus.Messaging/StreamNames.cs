using Nautilus.Platform;

namespace Nautilus.Messaging;

/// <summary>Redis keys of the buses: one stream per message type, its dead-letter stream, and consumers' progress.</summary>
public static class StreamNames
{
    private static readonly string[] Streams = Enum.GetValues<MessageType>().Select(t => $"nautilus:stream:{MessageRouting.WireName(t)}").ToArray();
    private static readonly string[] PublishSpans = Enum.GetValues<MessageType>().Select(t => $"publish {MessageRouting.WireName(t)}").ToArray();
    private static readonly string[] ConsumeSpans = Enum.GetValues<MessageType>().Select(t => $"consume {MessageRouting.WireName(t)}").ToArray();

    public const string EntryField = "b";

    // Names are built once: formatting them per message showed up on the publish path.
    public static string Of(MessageType type) => Streams[(int)type];

    public static string PublishSpan(MessageType type) => PublishSpans[(int)type];

    public static string ConsumeSpan(MessageType type) => ConsumeSpans[(int)type];

    public static string DeadLetterOf(MessageType type) => $"nautilus:dlq:{MessageRouting.WireName(type)}";

    /// <summary>How far a consumer group got inside each multi-envelope entry, so a redelivery is not applied twice.</summary>
    public static string ProgressOf(MessageType type, string group) => $"nautilus:progress:{group}:{MessageRouting.WireName(type)}";
}
