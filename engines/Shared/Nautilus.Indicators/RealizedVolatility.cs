namespace Nautilus.Indicators;

/// <summary>
/// Realised volatility of a price series: the sample standard deviation (divide by N − 1) of the last
/// <c>period</c> log returns, annualised by √<c>periodsPerYear</c> (252 for daily bars; pass 1 for per-bar).
/// </summary>
public sealed class RealizedVolatility(int period = 20, double periodsPerYear = 252)
    : Indicator($"RVOL({period})", period + 1)
{
    private readonly Returns _returns = new(log: true);
    private readonly RollingMoments _moments = new(period);
    private readonly double _annualise = Math.Sqrt(periodsPerYear);

    protected override double ComputeNextValue(double input)
    {
        if (!_returns.Update(input))
        {
            return double.NaN;
        }

        _moments.Add(_returns.Current);
        return _moments.Count > 1 ? _moments.SampleStdDev * _annualise : double.NaN;
    }

    public override void Reset()
    {
        base.Reset();
        _returns.Reset();
        _moments.Clear();
    }
}
