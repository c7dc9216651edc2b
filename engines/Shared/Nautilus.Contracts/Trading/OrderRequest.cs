using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ORDER_REQUEST: an order intent, before the risk pre-trade check.</summary>
[MessagePackObject]
public sealed record OrderRequest(
    [property: Key(0)] string ClientOrderId,
    [property: Key(1)] string StrategyId,
    [property: Key(2)] string InstrumentId,
    [property: Key(3)] OrderSide Side,
    [property: Key(4)] OrderType OrderType,
    [property: Key(5)] decimal Quantity,
    [property: Key(6)] decimal? LimitPrice,
    [property: Key(7)] TimeInForce TimeInForce,
    [property: Key(8)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.OrderRequest;

    [IgnoreMember]
    public string PartitionKey => InstrumentId;
}
