namespace Nautilus.Indicators;

/// <summary>
/// Bollinger bands (TA-Lib BBANDS with an SMA): middle = SMA(period), bands = middle ± k·σ with σ the population
/// standard deviation (divide by N) of the window. <see cref="Indicator{TInput}.Current"/> is the middle band.
/// </summary>
public sealed class BollingerBands(int period = 20, double k = 2) : Indicator($"BB({period},{k})", period)
{
    private readonly RollingMoments _moments = new(period);

    public double Upper { get; private set; } = double.NaN;
    public double Lower { get; private set; } = double.NaN;

    /// <summary>(upper − lower) / middle.</summary>
    public double Bandwidth => (Upper - Lower) / Current;

    /// <summary>Where the last input sits between the bands: 0 at the lower, 1 at the upper.</summary>
    public double PercentB { get; private set; } = double.NaN;

    protected override double ComputeNextValue(double input)
    {
        _moments.Add(input);
        var mean = _moments.Mean;
        var sd = _moments.PopulationStdDev;
        Upper = mean + k * sd;
        Lower = mean - k * sd;
        PercentB = Upper == Lower ? 0.5 : (input - Lower) / (Upper - Lower);
        return mean;
    }

    public override void Reset()
    {
        base.Reset();
        _moments.Clear();
        Upper = Lower = PercentB = double.NaN;
    }
}
