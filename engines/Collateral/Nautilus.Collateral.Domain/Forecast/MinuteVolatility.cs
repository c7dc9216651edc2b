namespace Nautilus.Collateral.Domain.Forecast;

/// <summary>
/// An instrument's current volatility per √minute: an exponentially weighted mean of squared one-minute log returns of its last
/// price (RiskMetrics style, decay λ per minute), a return over a gap of k minutes counted as k minutes of variance. Until
/// <paramref name="minReturns"/> returns are seen it answers <paramref name="fallback"/> (per √minute). Not thread-safe.
/// </summary>
public sealed class MinuteVolatility(double fallback, double lambda = 0.97, int minReturns = 5)
{
    private const long NanosPerMinute = 60_000_000_000;

    private long _minute = long.MinValue;
    private double _lastPrice = double.NaN, _closedPrice = double.NaN, _variance;
    private int _returns;

    /// <summary>An annual volatility per √minute: a year of 252 days of 390 trading minutes.</summary>
    public static double PerSqrtMinute(double annual) => annual / Math.Sqrt(252 * 390);

    public double Value => _returns >= minReturns ? Math.Sqrt(_variance) : fallback;

    public int Returns => _returns;

    public void Add(long tsNanos, double price)
    {
        if (!(price > 0))
        {
            return;
        }

        var minute = tsNanos / NanosPerMinute;
        if (minute > _minute && double.IsFinite(_lastPrice))
        {
            if (double.IsFinite(_closedPrice))
            {
                var gap = Math.Max(1, minute - _minute);
                var r = Math.Log(_lastPrice / _closedPrice);
                var perMinute = r * r / gap;
                _variance = _returns == 0 ? perMinute : lambda * _variance + (1 - lambda) * perMinute;
                _returns++;
            }

            _closedPrice = _lastPrice;
        }

        _minute = Math.Max(_minute, minute);
        _lastPrice = price;
    }
}
