using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>STRATEGY_SIGNAL: a strategy's view, -1 (short) to +1 (long).</summary>
[MemoryPackable]
public sealed partial record StrategySignal(
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    double Strength,
    string Reason,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.StrategySignal;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId.Symbol;
}
