using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ANALYTICS_RESULT: named statistics of a subject (portfolio, strategy).</summary>
[MessagePackObject]
public sealed record AnalyticsResult(
    [property: Key(0)] string Subject,
    [property: Key(1)] IReadOnlyDictionary<string, double> Metrics,
    [property: Key(2)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.AnalyticsResult;

    [IgnoreMember]
    public string PartitionKey => Subject;
}
