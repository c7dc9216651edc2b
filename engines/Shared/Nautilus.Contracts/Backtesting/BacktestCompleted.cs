using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>BACKTEST_COMPLETED: final statistics, or the error that stopped it.</summary>
[MemoryPackable]
public sealed partial record BacktestCompleted(
    string RunId,
    bool Succeeded,
    IReadOnlyDictionary<string, double> Metrics,
    string? Error,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.BacktestCompleted;

    [MemoryPackIgnore]
    public string PartitionKey => RunId;
}
