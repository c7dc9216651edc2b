namespace Nautilus.Indicators;

/// <summary>One-period return of a price series: simple <c>p/p₋₁ − 1</c>, or log <c>ln(p/p₋₁)</c>.</summary>
public sealed class Returns(bool log = false) : Indicator(log ? "LOGRET" : "RET", 2)
{
    private double _previous = double.NaN;

    public bool IsLog { get; } = log;

    protected override double ComputeNextValue(double input)
    {
        var previous = _previous;
        _previous = input;
        return double.IsNaN(previous) ? double.NaN : IsLog ? Math.Log(input / previous) : input / previous - 1;
    }

    public override void Reset()
    {
        base.Reset();
        _previous = double.NaN;
    }
}
