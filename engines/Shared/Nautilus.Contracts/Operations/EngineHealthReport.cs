using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ENGINE_HEALTH: an engine's health and that of each of its dependencies.</summary>
[MemoryPackable]
public sealed partial record EngineHealthReport(
    string Engine,
    string Status,
    IReadOnlyDictionary<string, string> Dependencies,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.EngineHealth;

    [MemoryPackIgnore]
    public string PartitionKey => Engine;
}
