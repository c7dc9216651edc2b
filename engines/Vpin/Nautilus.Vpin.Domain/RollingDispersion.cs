namespace Nautilus.Vpin.Domain;

/// <summary>The sample standard deviation of the last <c>window</c> values (live BVC's σ of bar-to-bar price changes).</summary>
public sealed class RollingDispersion(int window)
{
    private readonly double[] _values = new double[Math.Max(2, window)];
    private int _next, _count;
    private double _sum, _sumSquares;

    public int Count => _count;

    public void Add(double value)
    {
        if (_count == _values.Length)
        {
            var old = _values[_next];
            _sum -= old;
            _sumSquares -= old * old;
        }
        else
        {
            _count++;
        }

        _values[_next] = value;
        _sum += value;
        _sumSquares += value * value;
        _next = (_next + 1) % _values.Length;
        if (_next == 0)
        {
            (_sum, _sumSquares) = (0, 0);
            foreach (var v in _values)
            {
                (_sum, _sumSquares) = (_sum + v, _sumSquares + v * v); // re-summed once a window: no drift
            }
        }
    }

    /// <summary>0 until two values are in.</summary>
    public double StandardDeviation => _count < 2 ? 0
        : Math.Sqrt(Math.Max(0, (_sumSquares - _sum * _sum / _count) / (_count - 1)));
}
