namespace Nautilus.Indicators;

/// <summary>
/// MACD (TA-Lib MACD, default 12/26/9): fast EMA − slow EMA, its signal line an EMA of it, histogram the difference.
/// As TA-Lib does, the fast EMA starts (SMA-seeded) <c>slow − fast</c> inputs late, so both EMAs produce their first
/// value on the same input; the signal is seeded with the mean of the first <c>signal</c> MACD values.
/// <see cref="Indicator{TInput}.Current"/> is the MACD line; ready once the signal is.
/// </summary>
public sealed class Macd : Indicator
{
    private readonly Ema _fast;
    private readonly Ema _slow;
    private readonly Ema _signal;
    private readonly int _fastDelay;

    public Macd(int fast = 12, int slow = 26, int signal = 9) : base($"MACD({fast},{slow},{signal})", slow + signal - 1)
    {
        if (fast >= slow)
        {
            throw new ArgumentOutOfRangeException(nameof(fast), fast, "The fast period must be shorter than the slow one.");
        }

        _fast = new Ema(fast);
        _slow = new Ema(slow);
        _signal = new Ema(signal);
        _fastDelay = slow - fast;
    }

    public double Signal { get; private set; } = double.NaN;
    public double Histogram { get; private set; } = double.NaN;

    protected override double ComputeNextValue(double input)
    {
        if (Samples > _fastDelay)
        {
            _fast.Update(input);
        }

        if (!_slow.Update(input))
        {
            return double.NaN;
        }

        var macd = _fast.Current - _slow.Current;
        if (_signal.Update(macd))
        {
            Signal = _signal.Current;
            Histogram = macd - Signal;
        }

        return macd;
    }

    public override void Reset()
    {
        base.Reset();
        _fast.Reset();
        _slow.Reset();
        _signal.Reset();
        Signal = Histogram = double.NaN;
    }
}
