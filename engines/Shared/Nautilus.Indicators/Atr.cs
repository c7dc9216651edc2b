using Nautilus.Model;

namespace Nautilus.Indicators;

/// <summary>
/// Average true range, Wilder (TA-Lib ATR): true range = max(high − low, |high − prev close|, |low − prev close|),
/// defined from the second bar; the first ATR is the mean of the first <c>period</c> true ranges, then
/// <c>atr = (atr (period − 1) + tr) / period</c>. First value at bar period + 1.
/// </summary>
public sealed class Atr(int period = 14) : Indicator<Bar>($"ATR({period})", period + 1)
{
    private double _previousClose = double.NaN;
    private double _atr;

    public int Period { get; } = period;

    protected override double ComputeNextValue(Bar bar)
    {
        if (double.IsNaN(_previousClose))
        {
            _previousClose = bar.Close.AsDouble();
            return double.NaN;
        }

        var (high, low) = (bar.High.AsDouble(), bar.Low.AsDouble());
        var tr = Math.Max(high - low, Math.Max(Math.Abs(high - _previousClose), Math.Abs(low - _previousClose)));
        _previousClose = bar.Close.AsDouble();
        var ranges = Samples - 1;
        if (ranges <= Period)
        {
            _atr += tr;
            if (ranges < Period)
            {
                return double.NaN;
            }

            _atr /= Period;
            return _atr;
        }

        _atr = (_atr * (Period - 1) + tr) / Period;
        return _atr;
    }

    public override void Reset()
    {
        base.Reset();
        _previousClose = double.NaN;
        _atr = 0;
    }
}
