using Nautilus.Model;

namespace Nautilus.Execution.Domain.Orders;

/// <summary>How an order depends on others of its list: one-cancels-other, or one-triggers-other (its children wait for it).</summary>
public enum Contingency : byte { None = 0, Oco = 1, Oto = 2 }

/// <summary>
/// An order as its strategy (or an operator) asks for it. <see cref="LimitPrice"/> for limit and stop-limit orders,
/// <see cref="TriggerPrice"/> for stop and stop-limit orders, <see cref="ExpireTime"/> for GTD. Orders of one
/// <see cref="ListId"/> form a bracket: OCO orders cancel each other when one fills; orders naming a
/// <see cref="Parent"/> are held until the parent has filled (OTO).
/// </summary>
public sealed record OrderSpec(
    ClientOrderId ClientOrderId,
    StrategyId StrategyId,
    PortfolioId PortfolioId,
    InstrumentId InstrumentId,
    OrderSide Side,
    OrderType Type,
    Quantity Quantity,
    Price? LimitPrice = null,
    Price? TriggerPrice = null,
    TimeInForce TimeInForce = TimeInForce.Gtc,
    UnixNanos? ExpireTime = null,
    OrderListId? ListId = null,
    Contingency Contingency = Contingency.None,
    ClientOrderId? Parent = null,
    bool ReduceOnly = false)
{
    /// <summary>What is wrong with this order for <paramref name="instrument"/>, as (field, problem); empty when it is valid.</summary>
    public IReadOnlyList<(string Field, string Problem)> Validate(TradableInstrument instrument)
    {
        var problems = new List<(string, string)>();
        if (InstrumentId != instrument.Id)
        {
            problems.Add(("instrumentId", $"the order is for {InstrumentId}, the instrument given is {instrument.Id}"));
        }

        if (!Enum.IsDefined(Side))
        {
            problems.Add(("side", "Buy or Sell"));
        }

        if (!Enum.IsDefined(Type))
        {
            problems.Add(("type", "Market, Limit, StopMarket or StopLimit"));
        }

        if (!Enum.IsDefined(TimeInForce))
        {
            problems.Add(("timeInForce", "Day, Gtc, Ioc, Fok or Gtd"));
        }

        if (Quantity.IsZero)
        {
            problems.Add(("quantity", "must be positive"));
        }
        else if (!instrument.IsOnLotGrid(Quantity))
        {
            problems.Add(("quantity", $"{Quantity} is not a multiple of the lot size {instrument.LotSize}"));
        }

        var needsLimit = Type is OrderType.Limit or OrderType.StopLimit;
        var needsTrigger = Type is OrderType.StopMarket or OrderType.StopLimit;
        CheckPrice("limitPrice", LimitPrice, needsLimit, instrument, problems);
        CheckPrice("triggerPrice", TriggerPrice, needsTrigger, instrument, problems);
        if (TimeInForce == TimeInForce.Gtd && ExpireTime is null)
        {
            problems.Add(("expireTime", "a GTD order needs an expiry time"));
        }

        if (TimeInForce != TimeInForce.Gtd && ExpireTime is not null)
        {
            problems.Add(("expireTime", "only a GTD order has an expiry time"));
        }

        if (Contingency != Contingency.None && ListId is null)
        {
            problems.Add(("listId", $"an {Contingency} order belongs to an order list"));
        }

        return problems;
    }

    private static void CheckPrice(string field, Price? price, bool needed, TradableInstrument instrument, List<(string, string)> problems)
    {
        if (price is null)
        {
            if (needed)
            {
                problems.Add((field, "required for this order type"));
            }

            return;
        }

        if (!needed)
        {
            problems.Add((field, "not used by this order type"));
        }
        else if (price.Value.Raw <= 0)
        {
            problems.Add((field, "must be positive"));
        }
        else if (!instrument.IsOnTickGrid(price.Value))
        {
            problems.Add((field, $"{price} is not a multiple of the tick size {instrument.TickSize}"));
        }
    }
}

/// <summary>An order that fails <see cref="OrderSpec.Validate"/>: the first problem, with its field.</summary>
public sealed class OrderValidationException(string field, string problem) : ArgumentException($"{field}: {problem}", field)
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
