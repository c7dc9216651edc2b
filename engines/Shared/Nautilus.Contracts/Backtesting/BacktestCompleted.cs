using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>BACKTEST_COMPLETED: final statistics, or the error that stopped it.</summary>
[MessagePackObject]
public sealed record BacktestCompleted(
    [property: Key(0)] string RunId,
    [property: Key(1)] bool Succeeded,
    [property: Key(2)] IReadOnlyDictionary<string, double> Metrics,
    [property: Key(3)] string? Error,
    [property: Key(4)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.BacktestCompleted;

    [IgnoreMember]
    public string PartitionKey => RunId;
}
