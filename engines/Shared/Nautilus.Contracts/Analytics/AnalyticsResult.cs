using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ANALYTICS_RESULT: named statistics of a subject (portfolio, strategy).</summary>
[MemoryPackable]
public sealed partial record AnalyticsResult(
    string Subject,
    IReadOnlyDictionary<string, double> Metrics,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.AnalyticsResult;

    [MemoryPackIgnore]
    public string PartitionKey => Subject;
}
