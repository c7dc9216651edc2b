using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ORDER_UPDATE: an order's new state.</summary>
[MessagePackObject]
public sealed record OrderUpdate(
    [property: Key(0)] string ClientOrderId,
    [property: Key(1)] string? VenueOrderId,
    [property: Key(2)] string InstrumentId,
    [property: Key(3)] OrderStatus Status,
    [property: Key(4)] decimal FilledQuantity,
    [property: Key(5)] decimal? AveragePrice,
    [property: Key(6)] string? Reason,
    [property: Key(7)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.OrderUpdate;

    [IgnoreMember]
    public string PartitionKey => InstrumentId;
}
