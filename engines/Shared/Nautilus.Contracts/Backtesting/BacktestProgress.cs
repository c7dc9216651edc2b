using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>BACKTEST_PROGRESS.</summary>
[MessagePackObject]
public sealed record BacktestProgress(
    [property: Key(0)] string RunId,
    [property: Key(1)] long Processed,
    [property: Key(2)] long Total,
    [property: Key(3)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.BacktestProgress;

    [IgnoreMember]
    public string PartitionKey => RunId;
}
