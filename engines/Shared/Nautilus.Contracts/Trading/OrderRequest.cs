using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ORDER_REQUEST: an order intent, before the risk pre-trade check.</summary>
[MemoryPackable]
public sealed partial record OrderRequest(
    string ClientOrderId,
    string StrategyId,
    string InstrumentId,
    OrderSide Side,
    OrderType OrderType,
    decimal Quantity,
    decimal? LimitPrice,
    TimeInForce TimeInForce,
    long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.OrderRequest;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;
}
