using Nautilus.Execution.Domain.Orders;
using Nautilus.Indicators;
using Nautilus.Model;
using Nautilus.Strategy.Domain.Catalog;

namespace Nautilus.Strategy.Domain.Builtins;

/// <summary>
/// <c>mean-reversion</c>: Bollinger-band entries by z-score. With z the distance of the close from its <c>window</c>-bar
/// mean in standard deviations (the bands are mean ± <c>entryZ</c> σ): buy when z falls below −<c>entryZ</c>, sell short
/// above +<c>entryZ</c> when <c>allowShort</c> is 1; exit a long once z is back above −<c>exitZ</c>, a short once below
/// +<c>exitZ</c>. Filters that block new entries (never exits): <c>maxVolatility</c>, the realised annualised volatility
/// over the window; <c>maxVpin</c>, the latest VPIN of the instrument (a "vpin" feature) — toxic flow is not mean-reverting;
/// and always the VPIN engine's flash-crash warning (the "toxicity" feature at 2).
/// Sized like sma-cross: the cash available, split across its instruments, in whole units at the deciding close.
/// </summary>
public sealed class MeanReversionStrategy(StrategyParameters parameters) : TradingStrategy
{
    public static StrategyDefinition Definition { get; } = new("mean-reversion",
        "Bollinger/z-score mean reversion with optional volatility and VPIN filters.", 0,
        [
            new("window", 20, 2, 5000, true, "bars in the mean and standard deviation"),
            new("entryZ", 2, 0.1, 10, false, "enter beyond this many standard deviations"),
            new("exitZ", 0.5, 0, 10, false, "exit once back within this many standard deviations"),
            new("allowShort", 0, 0, 1, true, "1 to sell short above +entryZ"),
            new("maxVolatility", 0, 0, 10, false, "no entries while annualised realised volatility is above this; 0 = off"),
            new("maxVpin", 0, 0, 1, false, "no entries while the instrument's VPIN is above this; 0 = off"),
        ],
        p => new MeanReversionStrategy(p),
        p => p["exitZ"] >= p["entryZ"] ? ("parameters.exitZ", $"exitZ ({p["exitZ"]}) must be below entryZ ({p["entryZ"]})") : null);

    private readonly double _entry = parameters["entryZ"];
    private readonly double _exit = parameters["exitZ"];
    private readonly bool _short = parameters.Int("allowShort") == 1;
    private readonly double _maxVolatility = parameters["maxVolatility"];
    private readonly double _maxVpin = parameters["maxVpin"];
    private InstrumentSlots<Slot> _slots = null!;

    public override void OnStart() =>
        _slots = new InstrumentSlots<Slot>(Instruments, _ => new Slot(parameters.Int("window")));

    public override void OnFeature(FeatureValues features)
    {
        if (!_slots.TryGet(features.InstrumentId, out var s))
        {
            return;
        }

        if (features.Values.TryGetValue("vpin", out var vpin))
        {
            s.Vpin = vpin;
        }

        if (features.Values.TryGetValue("toxicity", out var toxicity))
        {
            s.FlashCrashWarning = toxicity >= (double)ToxicityLevel.FlashCrash;
        }
    }

    public override void OnBar(Bar bar)
    {
        if (!_slots.TryGet(bar.InstrumentId, out var s))
        {
            return;
        }

        var close = bar.Close.AsDouble();
        s.Z.Update(close);
        s.Volatility.Update(close);
        if (!s.Z.IsReady || s.Pending is not null)
        {
            return;
        }

        var z = s.Z.Current;
        var held = Context.PositionOf(bar.InstrumentId);
        if (held > 0 && z > -_exit || held < 0 && z < _exit)
        {
            Context.Signal(bar.InstrumentId, 0, $"z {z:F2} back within ±{_exit}");
            s.Pending = SubmitMarket(bar.InstrumentId, -held);
            return;
        }

        if (held != 0 || !(z < -_entry || (_short && z > _entry)) || Filtered(s))
        {
            return;
        }

        var direction = z < -_entry ? 1 : -1;
        Context.Signal(bar.InstrumentId, direction, $"z {z:F2} beyond ±{_entry}");
        var budget = Math.Min((double)Context.Cash, Context.Equity / _slots.Count);
        s.Pending = budget > 0 ? SubmitMarket(bar.InstrumentId, direction * Math.Floor((decimal)(budget / close))) : null;
    }

    public override void OnOrderUpdate(Order order)
    {
        if (order.IsFinal && _slots.TryGet(order.InstrumentId, out var s) && order.Id == s.Pending)
        {
            s.Pending = null;
        }
    }

    private bool Filtered(Slot s) =>
        (_maxVolatility > 0 && (!s.Volatility.IsReady || s.Volatility.Current > _maxVolatility))
        || (_maxVpin > 0 && (double.IsNaN(s.Vpin) || s.Vpin > _maxVpin))
        || s.FlashCrashWarning;

    private sealed class Slot(int window)
    {
        public ZScore Z { get; } = new(window);

        public RealizedVolatility Volatility { get; } = new(window);

        public double Vpin { get; set; } = double.NaN;

        /// <summary>The VPIN engine's flash-crash warning: no entries against a one-sided market, whatever maxVpin says.</summary>
        public bool FlashCrashWarning { get; set; }

        public ClientOrderId? Pending { get; set; }
    }
}
