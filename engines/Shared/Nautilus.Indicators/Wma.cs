namespace Nautilus.Indicators;

/// <summary>
/// Linearly weighted moving average: weights 1 … period, the newest heaviest (TA-Lib WMA). O(1) per input by
/// keeping the plain sum and the weighted sum of the window.
/// </summary>
public sealed class Wma(int period) : Indicator($"WMA({period})", period)
{
    private readonly RollingWindow _window = new(period);
    private readonly double _weights = period * (period + 1) / 2.0;
    private double _sum;
    private double _weighted;

    public int Period { get; } = period;

    protected override double ComputeNextValue(double input)
    {
        if (!_window.IsFull)
        {
            _window.Add(input);
            _sum += input;
            _weighted += _window.Count * input;
            return _weighted / (_window.Count * (_window.Count + 1) / 2.0);
        }

        // Every weight drops by one (minus the plain sum), the oldest leaves, the newest enters at weight period.
        _weighted -= _sum;
        var removed = _window.Add(input);
        _sum += input - removed;
        _weighted += Period * input;
        return _weighted / _weights;
    }

    public override void Reset()
    {
        base.Reset();
        _window.Clear();
        _sum = 0;
        _weighted = 0;
    }
}
