namespace Nautilus.Indicators;

/// <summary>
/// Mean and variance of a sliding window in O(1) per value (Welford's update with removal), which stays accurate
/// where the naive sum-of-squares formula cancels catastrophically on prices far from zero.
/// </summary>
public sealed class RollingMoments(int size)
{
    private readonly RollingWindow _window = new(size);
    private double _mean;
    private double _m2;

    public int Count => _window.Count;
    public bool IsFull => _window.IsFull;
    public double Mean => _mean;

    /// <summary>Divides by N (TA-Lib STDDEV, Bollinger bands).</summary>
    public double PopulationVariance => Count > 0 ? Math.Max(_m2, 0) / Count : double.NaN;

    /// <summary>Divides by N − 1 (sample; realised volatility).</summary>
    public double SampleVariance => Count > 1 ? Math.Max(_m2, 0) / (Count - 1) : double.NaN;

    public double PopulationStdDev => Math.Sqrt(PopulationVariance);
    public double SampleStdDev => Math.Sqrt(SampleVariance);

    public void Add(double value)
    {
        if (!_window.IsFull)
        {
            _window.Add(value);
            var delta = value - _mean;
            _mean += delta / _window.Count;
            _m2 += delta * (value - _mean);
            return;
        }

        var removed = _window.Add(value);
        var oldMean = _mean;
        _mean += (value - removed) / _window.Count;
        _m2 += (value - removed) * (value - _mean + removed - oldMean);
    }

    public void Clear()
    {
        _window.Clear();
        _mean = 0;
        _m2 = 0;
    }
}
