using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>
/// ORDER_REQUEST: an order intent of a strategy (or an operator) trading for a portfolio, before the risk pre-trade check.
/// <see cref="TriggerPrice"/> for stop orders, <see cref="ExpireTime"/> for GTD; orders of one <see cref="ListId"/> form a
/// bracket: <see cref="Contingency"/> 1 one-cancels-other, 2 one-triggers-other; a child names its <see cref="Parent"/>.
/// <see cref="DecidedAt"/> is the market time of the data a strategy decided on (a bar's close, a tick's time): no venue may
/// fill the order with data from before it, however far behind the venue's own feed is. Orders from an operator or an
/// algorithm have none (their <see cref="TsEvent"/> is the wall clock, not the instrument's market clock).
/// </summary>
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
    UnixNanos TsEvent,
    Price? TriggerPrice = null,
    UnixNanos? ExpireTime = null,
    OrderListId? ListId = null,
    byte Contingency = 0,
    ClientOrderId? Parent = null,
    UnixNanos? DecidedAt = null) : IMessage
{
    public static MessageType Type => MessageType.OrderRequest;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId.Symbol;
}
