using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>
/// BACKTEST_WORK: one slice of a stored sweep, combinations [<see cref="From"/>, <see cref="To"/>), for whichever
/// Backtesting engine replica reads it first (one consumer group shares the stream).
/// </summary>
[MemoryPackable]
public sealed partial record BacktestWork(string SweepId, int Item, int From, int To, UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.BacktestWork;

    [MemoryPackIgnore]
    public string PartitionKey => SweepId;
}
