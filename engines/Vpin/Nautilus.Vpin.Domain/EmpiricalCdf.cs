namespace Nautilus.Vpin.Domain;

/// <summary>
/// The empirical distribution of the last <c>capacity</c> values (VPIN history): CDF(x) is the share of them at or below x, what
/// toxicity alerts compare to a threshold (ELO 2012 flag VPIN above its 0.9 CDF).
/// </summary>
public sealed class EmpiricalCdf(int capacity)
{
    private readonly List<double> _sorted = new(capacity);
    private readonly Queue<double> _arrived = new(capacity);

    public int Count => _sorted.Count;

    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            return;
        }

        if (_arrived.Count == capacity)
        {
            var old = _arrived.Dequeue();
            var at = _sorted.BinarySearch(old);
            _sorted.RemoveAt(at >= 0 ? at : ~at);
        }

        _arrived.Enqueue(value);
        var slot = _sorted.BinarySearch(value);
        _sorted.Insert(slot >= 0 ? slot : ~slot, value);
    }

    /// <summary>The share of values at or below <paramref name="x"/>; NaN while empty.</summary>
    public double Cdf(double x)
    {
        if (_sorted.Count == 0)
        {
            return double.NaN;
        }

        // Past the last value equal to x: the count of values ≤ x.
        int lo = 0, hi = _sorted.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sorted[mid] <= x)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return (double)lo / _sorted.Count;
    }
}
