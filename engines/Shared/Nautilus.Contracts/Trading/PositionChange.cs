using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>POSITION_CHANGE: a position after a fill.</summary>
[MemoryPackable]
public sealed partial record PositionChange(
    string AccountId,
    string InstrumentId,
    decimal Quantity,
    decimal AveragePrice,
    decimal RealizedPnl,
    long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.PositionChange;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;
}
