using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>STRATEGY_SIGNAL: a strategy's view, -1 (short) to +1 (long).</summary>
[MemoryPackable]
public sealed partial record StrategySignal(
    string StrategyId,
    string InstrumentId,
    double Strength,
    string Reason,
    long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.StrategySignal;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;
}
