using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>BACKTEST_PROGRESS.</summary>
[MemoryPackable]
public sealed partial record BacktestProgress(
    string RunId,
    long Processed,
    long Total,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.BacktestProgress;

    [MemoryPackIgnore]
    public string PartitionKey => RunId;
}
