namespace Nautilus.Indicators;

/// <summary>
/// Pearson correlation of two series over the last <c>period</c> pairs, updated in O(1) with centred co-moments
/// (add the new pair, remove the one leaving) rather than raw sums, which lose all precision on price levels.
/// NaN while either series is flat over the window.
/// </summary>
public sealed class RollingCorrelation(int period = 20) : Indicator<(double X, double Y)>($"CORR({period})", period)
{
    private readonly RollingWindow _xs = new(period);
    private readonly RollingWindow _ys = new(period);
    private double _mx, _my, _cxx, _cyy, _cxy;

    protected override double ComputeNextValue((double X, double Y) pair)
    {
        if (_xs.IsFull)
        {
            Remove(_xs[_xs.Count - 1], _ys[_ys.Count - 1]);
        }

        _xs.Add(pair.X);
        _ys.Add(pair.Y);
        Add(pair.X, pair.Y, _xs.Count);
        var denominator = Math.Sqrt(_cxx * _cyy);
        return denominator > 0 ? Math.Clamp(_cxy / denominator, -1, 1) : double.NaN;
    }

    private void Add(double x, double y, int n)
    {
        var dx = x - _mx;
        var dy = y - _my;
        _mx += dx / n;
        _my += dy / n;
        _cxx += dx * (x - _mx);
        _cyy += dy * (y - _my);
        _cxy += dx * (y - _my);
    }

    // The inverse of Add for a window of n = period values going down to period − 1.
    private void Remove(double x, double y)
    {
        var n = _xs.Count;
        var mxBefore = _mx;
        var myBefore = _my;
        _mx = (n * _mx - x) / (n - 1);
        _my = (n * _my - y) / (n - 1);
        _cxx -= (x - _mx) * (x - mxBefore);
        _cyy -= (y - _my) * (y - myBefore);
        _cxy -= (x - _mx) * (y - myBefore);
    }

    public override void Reset()
    {
        base.Reset();
        _xs.Clear();
        _ys.Clear();
        _mx = _my = _cxx = _cyy = _cxy = 0;
    }
}
