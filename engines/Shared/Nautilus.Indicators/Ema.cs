namespace Nautilus.Indicators;

/// <summary>
/// Exponential moving average with k = 2 / (period + 1), seeded — as TA-Lib's default does — with the simple mean
/// of the first <c>period</c> inputs; then <c>ema = ema + k (x − ema)</c>.
/// </summary>
public sealed class Ema : Indicator
{
    private readonly double _k;
    private double _seedSum;
    private double _ema;

    public Ema(int period) : base($"EMA({period})", period)
    {
        Period = period;
        _k = 2.0 / (period + 1);
    }

    public int Period { get; }

    protected override double ComputeNextValue(double input)
    {
        if (Samples <= Period)
        {
            _seedSum += input;
            _ema = _seedSum / Samples;
            return _ema;
        }

        _ema += _k * (input - _ema);
        return _ema;
    }

    public override void Reset()
    {
        base.Reset();
        _seedSum = 0;
        _ema = 0;
    }
}
