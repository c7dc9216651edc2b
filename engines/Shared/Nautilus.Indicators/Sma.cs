namespace Nautilus.Indicators;

/// <summary>Simple moving average: the mean of the last <c>period</c> inputs (TA-Lib SMA; first value at input period).</summary>
public sealed class Sma(int period) : Indicator($"SMA({period})", period)
{
    private readonly RollingWindow _window = new(period);
    private double _sum;

    public int Period { get; } = period;

    protected override double ComputeNextValue(double input)
    {
        var removed = _window.Add(input);
        _sum += input - (double.IsNaN(removed) ? 0 : removed);
        return _sum / _window.Count;
    }

    public override void Reset()
    {
        base.Reset();
        _window.Clear();
        _sum = 0;
    }
}
