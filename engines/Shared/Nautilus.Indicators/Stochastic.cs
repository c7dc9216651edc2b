using Nautilus.Model;

namespace Nautilus.Indicators;

/// <summary>
/// Stochastic oscillator (TA-Lib STOCH, SMA smoothing; defaults 5/3/3): fast %K = 100 (close − lowest low) /
/// (highest high − lowest low) over <c>kPeriod</c> bars (0 when the range is empty, as TA-Lib); slow %K = SMA of fast %K
/// over <c>slowing</c>; %D = SMA of slow %K over <c>dPeriod</c>. <see cref="Indicator{TInput}.Current"/> is slow %K.
/// </summary>
public sealed class Stochastic : Indicator<Bar>
{
    private readonly RollingExtremum _high;
    private readonly RollingExtremum _low;
    private readonly Sma _slowK;
    private readonly Sma _d;
    private readonly int _kPeriod;

    public Stochastic(int kPeriod = 5, int slowing = 3, int dPeriod = 3)
        : base($"STOCH({kPeriod},{slowing},{dPeriod})", kPeriod + slowing + dPeriod - 2)
    {
        _kPeriod = kPeriod;
        _high = new RollingExtremum(kPeriod, maximum: true);
        _low = new RollingExtremum(kPeriod, maximum: false);
        _slowK = new Sma(slowing);
        _d = new Sma(dPeriod);
    }

    public double FastK { get; private set; } = double.NaN;
    public double D { get; private set; } = double.NaN;

    protected override double ComputeNextValue(Bar bar)
    {
        _high.Add(bar.High.AsDouble());
        _low.Add(bar.Low.AsDouble());
        if (Samples < _kPeriod)
        {
            return double.NaN;
        }

        var range = _high.Value - _low.Value;
        FastK = range > 0 ? 100 * (bar.Close.AsDouble() - _low.Value) / range : 0;
        if (!_slowK.Update(FastK))
        {
            return double.NaN;
        }

        if (_d.Update(_slowK.Current))
        {
            D = _d.Current;
        }

        return _slowK.Current;
    }

    public override void Reset()
    {
        base.Reset();
        _high.Clear();
        _low.Clear();
        _slowK.Reset();
        _d.Reset();
        FastK = D = double.NaN;
    }
}
