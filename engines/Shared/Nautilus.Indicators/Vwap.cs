using Nautilus.Model;

namespace Nautilus.Indicators;

/// <summary>
/// Volume-weighted average price of bars, each weighed at its typical price (high + low + close) / 3: cumulative
/// since the session began (<see cref="StartSession"/>), or over the last <c>period</c> bars when one is given.
/// Until some volume has traded it is the typical price of the bar.
/// </summary>
public sealed class Vwap : Indicator<Bar>
{
    private readonly RollingWindow? _pv;
    private readonly RollingWindow? _volume;
    private double _sumPv;
    private double _sumVolume;

    public Vwap(int? period = null) : base(period is { } p ? $"VWAP({p})" : "VWAP", 1)
    {
        if (period is { } n)
        {
            _pv = new RollingWindow(n);
            _volume = new RollingWindow(n);
        }
    }

    protected override double ComputeNextValue(Bar bar)
    {
        // The typical price (high + low + close) / 3 is what VWAP weighs for bars.
        var typical = (bar.High.AsDouble() + bar.Low.AsDouble() + bar.Close.AsDouble()) / 3;
        var volume = bar.Volume.AsDouble();
        var pv = typical * volume;
        _sumPv += pv - (_pv?.Add(pv) is { } outPv && !double.IsNaN(outPv) ? outPv : 0);
        _sumVolume += volume - (_volume?.Add(volume) is { } outV && !double.IsNaN(outV) ? outV : 0);
        return _sumVolume > 0 ? _sumPv / _sumVolume : typical;
    }

    /// <summary>A new trading session: the cumulative VWAP starts again.</summary>
    public void StartSession() => Reset();

    public override void Reset()
    {
        base.Reset();
        _pv?.Clear();
        _volume?.Clear();
        _sumPv = 0;
        _sumVolume = 0;
    }
}
