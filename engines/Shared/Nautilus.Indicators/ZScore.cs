namespace Nautilus.Indicators;

/// <summary>
/// How many standard deviations the latest input is from the mean of the last <c>period</c> inputs (itself included;
/// population σ, as Bollinger bands). 0 when the window is flat.
/// </summary>
public sealed class ZScore(int period = 20) : Indicator($"Z({period})", period)
{
    private readonly RollingMoments _moments = new(period);

    protected override double ComputeNextValue(double input)
    {
        _moments.Add(input);
        var sd = _moments.PopulationStdDev;
        return sd > 0 ? (input - _moments.Mean) / sd : 0;
    }

    public override void Reset()
    {
        base.Reset();
        _moments.Clear();
    }
}
