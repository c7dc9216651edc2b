using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>POSITION_CHANGE: a position after a fill.</summary>
[MessagePackObject]
public sealed record PositionChange(
    [property: Key(0)] string AccountId,
    [property: Key(1)] string InstrumentId,
    [property: Key(2)] decimal Quantity,
    [property: Key(3)] decimal AveragePrice,
    [property: Key(4)] decimal RealizedPnl,
    [property: Key(5)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.PositionChange;

    [IgnoreMember]
    public string PartitionKey => InstrumentId;
}
