using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>POSITION_CHANGE: a position after a fill.</summary>
[MemoryPackable]
public sealed partial record PositionChange(
    AccountId AccountId,
    InstrumentId InstrumentId,
    PositionSide Side,
    Quantity Quantity,
    Price AveragePrice,
    Money RealizedPnl,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.PositionChange;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId.Symbol;
}
