using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>PERFORMANCE_METRIC: one measured figure of an engine.</summary>
[MemoryPackable]
public sealed partial record PerformanceMetric(
    string Engine,
    string Name,
    double Value,
    string Unit,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.PerformanceMetric;

    [MemoryPackIgnore]
    public string PartitionKey => Engine;
}
