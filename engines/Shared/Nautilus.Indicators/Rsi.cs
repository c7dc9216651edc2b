namespace Nautilus.Indicators;

/// <summary>
/// Relative strength index, Wilder's smoothing (TA-Lib RSI): the first average gain and loss are the simple means of
/// the first <c>period</c> changes, then <c>avg = (avg (period − 1) + x) / period</c>;
/// RSI = 100 · gain / (gain + loss), 0 … 100 (0 when nothing moved, as TA-Lib). First value at input period + 1.
/// </summary>
public sealed class Rsi(int period) : Indicator($"RSI({period})", period + 1)
{
    private double _previous = double.NaN;
    private double _gain;
    private double _loss;

    public int Period { get; } = period;

    protected override double ComputeNextValue(double input)
    {
        if (double.IsNaN(_previous))
        {
            _previous = input;
            return double.NaN;
        }

        var change = input - _previous;
        _previous = input;
        var gain = Math.Max(change, 0);
        var loss = Math.Max(-change, 0);
        var changes = Samples - 1;
        if (changes <= Period)
        {
            _gain += gain;
            _loss += loss;
            if (changes < Period)
            {
                return double.NaN;
            }

            _gain /= Period;
            _loss /= Period;
        }
        else
        {
            _gain = (_gain * (Period - 1) + gain) / Period;
            _loss = (_loss * (Period - 1) + loss) / Period;
        }

        var total = _gain + _loss;
        return total == 0 ? 0 : 100 * _gain / total;
    }

    public override void Reset()
    {
        base.Reset();
        _previous = double.NaN;
        _gain = 0;
        _loss = 0;
    }
}
