using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Indicators;
using Nautilus.Model;
using Nautilus.Strategy.Domain.Catalog;

namespace Nautilus.Strategy.Domain.Builtins;

/// <summary>
/// <c>sma-cross</c>: long-only moving-average crossover. Long while SMA(<c>fast</c>) of closes is above SMA(<c>slow</c>),
/// flat otherwise (above: by more than one part in 10^9). Entries buy whole units with all the cash available (split equally across its
/// instruments), sized on
/// the close of the bar that decided, by market order (which fills at the next bar's open). Optional: <c>atrStop</c>
/// places a protective stop that many ATR(<c>atrPeriod</c>) below the entry fill (after it triggers, the strategy
/// waits for a fresh crossing before it buys again); <c>volTarget</c> sizes a position so its annualised volatility
/// (realised over <c>volWindow</c> bars) is that fraction of the equity, never more than the cash.
/// </summary>
public sealed class SmaCrossStrategy(StrategyParameters parameters) : TradingStrategy
{
    public static StrategyDefinition Definition { get; } = new("sma-cross",
        "Long-only moving-average crossover: long while SMA(fast) > SMA(slow), flat otherwise.", 0,
        [
            new("fast", 10, 1, 5000, true, "bars in the fast moving average"),
            new("slow", 50, 2, 5000, true, "bars in the slow moving average; above fast"),
            new("atrStop", 0, 0, 100, false, "protective stop this many ATRs below the entry; 0 = off"),
            new("atrPeriod", 14, 1, 1000, true, "bars in the ATR of the stop"),
            new("volTarget", 0, 0, 10, false, "annualised volatility of each position as a fraction of equity; 0 = off"),
            new("volWindow", 20, 2, 1000, true, "bars in the realised volatility of volTarget"),
        ],
        p => new SmaCrossStrategy(p),
        p => p["fast"] >= p["slow"] ? ("parameters.fast", $"fast ({p["fast"]}) must be below slow ({p["slow"]})") : null);

    private readonly int _fast = parameters.Int("fast");
    private readonly int _slow = parameters.Int("slow");
    private readonly double _atrStop = parameters["atrStop"];
    private readonly double _volTarget = parameters["volTarget"];
    private InstrumentSlots<Slot> _slots = null!;

    public override void OnStart() =>
        _slots = new InstrumentSlots<Slot>(Instruments, _ => new Slot(_fast, _slow, parameters.Int("atrPeriod"),
            parameters.Int("volWindow")));

    public override void OnBar(Bar bar)
    {
        if (!_slots.TryGet(bar.InstrumentId, out var s))
        {
            return;
        }

        var close = bar.Close.AsDouble();
        s.Fast.Update(close);
        s.Slow.Update(close);
        if (_atrStop > 0)
        {
            s.Atr.Update(bar);
        }

        if (_volTarget > 0)
        {
            s.Volatility.Update(close);
        }

        if (!s.Slow.IsReady)
        {
            return;
        }

        // Above by more than one part in 10^9: running sums of equal closes must not flip it on rounding.
        var above = s.Fast.Current - s.Slow.Current > 1e-9 * Math.Abs(s.Slow.Current);
        if (above != s.Above)
        {
            s.Above = above;
            Context.Signal(bar.InstrumentId, above ? 1 : 0,
                above ? $"SMA({_fast}) crossed above SMA({_slow})" : $"SMA({_fast}) at or below SMA({_slow})");
        }

        if (!above)
        {
            s.Armed = true;
        }

        if (s.Pending is not null)
        {
            return;
        }

        var held = Context.PositionOf(bar.InstrumentId);
        if (above && held == 0 && s.Armed)
        {
            var budget = Math.Min((double)Context.Cash, Context.Equity / _slots.Count);
            if (_volTarget > 0)
            {
                if (!s.Volatility.IsReady || !(s.Volatility.Current > 0))
                {
                    return;
                }

                budget = Math.Min(budget, _volTarget / s.Volatility.Current * Context.Equity / _slots.Count);
            }

            s.Pending = budget > 0 ? SubmitMarket(bar.InstrumentId, Math.Floor((decimal)(budget / close))) : null;
        }
        else if (!above && held > 0)
        {
            if (s.Stop is { } stop)
            {
                Context.Cancel(stop);
                s.Stop = null;
            }

            s.Pending = SubmitMarket(bar.InstrumentId, -held);
        }
    }

    public override void OnFill(Fill fill)
    {
        if (!_slots.TryGet(fill.InstrumentId, out var s))
        {
            return;
        }

        if (fill.OrderId == s.Stop)
        {
            // Stopped out: no new entry until the averages cross again.
            s.Armed = false;
            return;
        }

        if (_atrStop > 0 && fill.Side == OrderSide.Buy && s.Atr.IsReady)
        {
            var instrument = Context.Instrument(fill.InstrumentId);
            var trigger = instrument.PriceOf(fill.Price - (decimal)(_atrStop * s.Atr.Current));
            if (trigger.Raw > 0)
            {
                if (s.Stop is { } previous)
                {
                    Context.Cancel(previous);
                }

                var held = Context.PositionOf(fill.InstrumentId);
                s.Stop = Context.Submit(new StrategyOrder(fill.InstrumentId, OrderSide.Sell, instrument.LotsOf(held),
                    OrderType.StopMarket, TriggerPrice: trigger));
            }
        }
    }

    public override void OnOrderUpdate(Order order)
    {
        if (order.IsFinal && _slots.TryGet(order.InstrumentId, out var s))
        {
            if (order.Id == s.Pending)
            {
                s.Pending = null;
            }
            else if (order.Id == s.Stop)
            {
                s.Stop = null;
            }
        }
    }

    private sealed class Slot(int fast, int slow, int atrPeriod, int volWindow)
    {
        public Sma Fast { get; } = new(fast);

        public Sma Slow { get; } = new(slow);

        public Atr Atr { get; } = new(atrPeriod);

        public RealizedVolatility Volatility { get; } = new(volWindow);

        public bool Above { get; set; }

        /// <summary>May enter: false after a stop-out until the averages have been at or below each other again.</summary>
        public bool Armed { get; set; } = true;

        public ClientOrderId? Pending { get; set; }

        public ClientOrderId? Stop { get; set; }
    }
}
