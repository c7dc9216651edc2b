using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>STRATEGY_SIGNAL: a strategy's view, -1 (short) to +1 (long).</summary>
[MessagePackObject]
public sealed record StrategySignal(
    [property: Key(0)] string StrategyId,
    [property: Key(1)] string InstrumentId,
    [property: Key(2)] double Strength,
    [property: Key(3)] string Reason,
    [property: Key(4)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.StrategySignal;

    [IgnoreMember]
    public string PartitionKey => InstrumentId;
}
