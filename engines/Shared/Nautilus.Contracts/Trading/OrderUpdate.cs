using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ORDER_UPDATE: an order's new state.</summary>
[MemoryPackable]
public sealed partial record OrderUpdate(
    string ClientOrderId,
    string? VenueOrderId,
    string InstrumentId,
    OrderStatus Status,
    decimal FilledQuantity,
    decimal? AveragePrice,
    string? Reason,
    long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.OrderUpdate;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;
}
