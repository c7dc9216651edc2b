using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ORDER_UPDATE: an order's new state.</summary>
[MemoryPackable]
public sealed partial record OrderUpdate(
    ClientOrderId ClientOrderId,
    VenueOrderId? VenueOrderId,
    InstrumentId InstrumentId,
    OrderStatus Status,
    Quantity FilledQuantity,
    Price? AveragePrice,
    string? Reason,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.OrderUpdate;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId.Symbol;
}
