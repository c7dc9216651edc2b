using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>PERFORMANCE_METRIC: one measured figure of an engine.</summary>
[MessagePackObject]
public sealed record PerformanceMetric(
    [property: Key(0)] string Engine,
    [property: Key(1)] string Name,
    [property: Key(2)] double Value,
    [property: Key(3)] string Unit,
    [property: Key(4)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.PerformanceMetric;

    [IgnoreMember]
    public string PartitionKey => Engine;
}
