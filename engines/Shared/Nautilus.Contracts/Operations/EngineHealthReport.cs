using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ENGINE_HEALTH: an engine's health and that of each of its dependencies.</summary>
[MessagePackObject]
public sealed record EngineHealthReport(
    [property: Key(0)] string Engine,
    [property: Key(1)] string Status,
    [property: Key(2)] IReadOnlyDictionary<string, string> Dependencies,
    [property: Key(3)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.EngineHealth;

    [IgnoreMember]
    public string PartitionKey => Engine;
}
