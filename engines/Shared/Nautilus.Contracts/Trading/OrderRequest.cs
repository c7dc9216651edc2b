using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>ORDER_REQUEST: an order intent of a strategy trading for a portfolio, before the risk pre-trade check.</summary>
[MemoryPackable]
public sealed partial record OrderRequest(
    ClientOrderId ClientOrderId,
    StrategyId StrategyId,
    PortfolioId PortfolioId,
    InstrumentId InstrumentId,
    OrderSide Side,
    OrderType OrderType,
    Quantity Quantity,
    Price? LimitPrice,
    TimeInForce TimeInForce,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.OrderRequest;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId.Symbol;
}
