using Nautilus.Model;

namespace Nautilus.Risk.Domain.Limits;

/// <summary>An order as the check sees it: who sends it, what, which way, how much, at what price (a market order's reference
/// price).</summary>
public readonly record struct OrderIntent(
    PortfolioId Portfolio, StrategyId? Strategy, InstrumentId Instrument, OrderSide Side, double Quantity, double Price);

/// <summary>A limit an order would break: the limit, and the value the order would bring it to.</summary>
public sealed record LimitBreach(LimitScope Scope, string Key, LimitKind Kind, double Limit, double Value);

/// <summary>The check's answer: accepted, or refused with the reason and every limit breached.</summary>
public sealed record PreTradeDecision(bool Accepted, TradingState TradingState, bool ReducesPosition, string? Reason,
    IReadOnlyList<LimitBreach> Breaches)
{
    internal static readonly IReadOnlyList<LimitBreach> None = [];
}

/// <summary>
/// The pre-trade check on the order path: trading state first (HALTED refuses everything; REDUCING, globally or for the
/// portfolio, and a breached daily-loss or drawdown limit let through only orders that shrink a position without
/// flipping it), then every limit that applies to the order — global, its portfolio's, its strategy's, its
/// instrument's — each at the value the order would bring it to. An instrument can be REDUCING on its own (its VPIN's flash-crash
/// warning): then only orders that shrink a position in it pass. Pure: the caller owns the state and the clock.
/// </summary>
public static class PreTradeCheck
{
    private static readonly PreTradeDecision AcceptedReducing = new(true, TradingState.Active, true, null, PreTradeDecision.None);
    private static readonly PreTradeDecision AcceptedIncreasing = new(true, TradingState.Active, false, null, PreTradeDecision.None);

    /// <param name="ordersInLastSecond">Orders the portfolio sent in the second before this one (the caller's rate window).</param>
    /// <param name="instrumentState">The instrument's own state: REDUCING while its flow gives a flash-crash warning.</param>
    public static PreTradeDecision Check(in OrderIntent order, PortfolioExposure exposure, LimitBook limits, TradingState globalState,
        TradingState portfolioState, int ordersInLastSecond, TradingState instrumentState = TradingState.Active)
    {
        if (!(order.Quantity > 0) || !double.IsFinite(order.Quantity))
        {
            return Refused(TradingState.Active, false, "quantity must be a positive number", null);
        }

        if (!(order.Price > 0) || !double.IsFinite(order.Price))
        {
            return Refused(TradingState.Active, false, "price must be a positive number (a market order's reference price)", null);
        }

        var before = exposure.QuantityOf(order.Instrument);
        var signed = order.Side == OrderSide.Buy ? order.Quantity : -order.Quantity;
        var after = before + signed;
        var reduces = Math.Abs(after) < Math.Abs(before) && Math.Sign(after) * Math.Sign(before) >= 0;
        var state = (TradingState)Math.Max((byte)globalState, (byte)portfolioState);

        if (state == TradingState.Halted)
        {
            return Refused(state, reduces,
                globalState == TradingState.Halted ? "trading is halted (kill switch)" : "the portfolio is halted", null);
        }

        if (state == TradingState.Reducing && !reduces)
        {
            return Refused(state, reduces, "trading state is REDUCING: only orders that shrink a position without flipping it pass", null);
        }

        if (instrumentState != TradingState.Active && !reduces)
        {
            return Refused(TradingState.Reducing, reduces,
                $"{order.Instrument} is REDUCING (flash-crash warning from its VPIN): only orders that shrink a position in it pass", null);
        }

        List<LimitBreach>? breaches = null;
        var portfolioKey = order.Portfolio.Value;
        var price = order.Price;
        var notional = order.Quantity * price;
        var oldPrice = exposure.Positions.TryGetValue(order.Instrument, out var held) ? held.Price : price;
        // Exposure after the order, the instrument valued at the order's price.
        var gross = exposure.Gross - Math.Abs(before * oldPrice) + Math.Abs(after * price);
        var net = exposure.Net - before * oldPrice + after * price;
        var instrumentExposure = Math.Abs(after * price);

        // Loss limits turn the portfolio to reducing-only while breached.
        var lossBreached = false;
        foreach (var (scope, key) in Scopes(order))
        {
            lossBreached |= AddLossBreaches(exposure, limits, scope, key, ref breaches);
        }

        if (lossBreached && reduces)
        {
            // Reducing is exactly what a loss limit wants: let it through, the breach reported.
            return new PreTradeDecision(true, TradingState.Reducing, true, null, breaches!);
        }

        foreach (var (scope, key) in Scopes(order))
        {
            Bound(limits, scope, key, LimitKind.MaxNotional, notional, ref breaches);
            Bound(limits, scope, key, LimitKind.MaxOrderRate, ordersInLastSecond + 1, ref breaches);
            if (reduces)
            {
                // A position-reducing order can only lower exposure; position, exposure and leverage caps do not bind.
                continue;
            }

            Bound(limits, scope, key, LimitKind.MaxPosition, Math.Abs(after), ref breaches);
            Bound(limits, scope, key, LimitKind.MaxGrossExposure, gross, ref breaches);
            Bound(limits, scope, key, LimitKind.MaxNetExposure, Math.Abs(net), ref breaches);
            if (gross > 0)
            {
                Bound(limits, scope, key, LimitKind.MaxConcentration, instrumentExposure / gross, ref breaches);
            }

            if (limits.TryGet(scope, key, LimitKind.MaxLeverage, out var maxLeverage))
            {
                var leverage = exposure.Equity > 0 ? gross / exposure.Equity : double.PositiveInfinity;
                if (leverage > maxLeverage)
                {
                    Add(ref breaches, scope, key, LimitKind.MaxLeverage, maxLeverage, leverage);
                }
            }
        }

        if (breaches is null)
        {
            return reduces ? AcceptedReducing : AcceptedIncreasing;
        }

        var first = breaches[0];
        return Refused(lossBreached ? TradingState.Reducing : state, reduces,
            $"{first.Kind} {first.Scope}{(first.Key.Length > 0 ? $" '{first.Key}'" : "")}: {first.Value:G6} would exceed {first.Limit:G6}",
            breaches);

        static void Bound(LimitBook limits, LimitScope scope, string key, LimitKind kind, double value, ref List<LimitBreach>? breaches)
        {
            if (limits.TryGet(scope, key, kind, out var limit) && value > limit)
            {
                Add(ref breaches, scope, key, kind, limit, value);
            }
        }
    }

    /// <summary>
    /// Adds the daily-loss and drawdown limits of one scope that the portfolio is over; true when there was one. The check
    /// and the engine's valuation handler both judge losses by this one rule.
    /// </summary>
    public static bool AddLossBreaches(PortfolioExposure exposure, LimitBook limits, LimitScope scope, string key,
        ref List<LimitBreach>? breaches)
    {
        var breached = false;
        if (limits.TryGet(scope, key, LimitKind.MaxDailyLoss, out var maxLoss) && -exposure.DailyPnl > maxLoss)
        {
            Add(ref breaches, scope, key, LimitKind.MaxDailyLoss, maxLoss, -exposure.DailyPnl);
            breached = true;
        }

        if (limits.TryGet(scope, key, LimitKind.MaxDrawdown, out var maxDrawdown) && exposure.Drawdown > maxDrawdown)
        {
            Add(ref breaches, scope, key, LimitKind.MaxDrawdown, maxDrawdown, exposure.Drawdown);
            breached = true;
        }

        return breached;
    }

    /// <summary>The scopes an order falls under, broadest first.</summary>
    private static ScopeList Scopes(in OrderIntent order) => new(order);

    private static void Add(ref List<LimitBreach>? breaches, LimitScope scope, string key, LimitKind kind, double limit, double value) =>
        (breaches ??= []).Add(new LimitBreach(scope, key, kind, limit, value));

    private static PreTradeDecision Refused(TradingState state, bool reduces, string reason, List<LimitBreach>? breaches) =>
        new(false, state, reduces, reason, breaches ?? (IReadOnlyList<LimitBreach>)PreTradeDecision.None);

    /// <summary>Global, portfolio, strategy (when the order has one), instrument: enumerated without allocating.</summary>
    private readonly struct ScopeList(OrderIntent order)
    {
        public Enumerator GetEnumerator() => new(order);

        public struct Enumerator(OrderIntent order)
        {
            private int _i = -1;

            public (LimitScope Scope, string Key) Current => _i switch
            {
                0 => (LimitScope.Global, ""),
                1 => (LimitScope.Portfolio, order.Portfolio.Value),
                2 => (LimitScope.Strategy, order.Strategy!.Value.Value),
                _ => (LimitScope.Instrument, order.Instrument.Symbol),
            };

            public bool MoveNext()
            {
                _i++;
                if (_i == 2 && order.Strategy is null)
                {
                    _i++;
                }

                return _i <= 3;
            }
        }
    }
}
