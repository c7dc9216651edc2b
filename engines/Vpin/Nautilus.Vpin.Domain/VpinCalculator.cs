namespace Nautilus.Vpin.Domain;

/// <summary>
/// VPIN as Easley, López de Prado and O'Hara (2012, "Flow Toxicity and Liquidity in a High-frequency World", eq. 5) define it:
/// over the last n buckets of volume V, VPIN = Σ |V<sup>S</sup><sub>τ</sub> − V<sup>B</sup><sub>τ</sub>| ÷ (n·V). A value exists
/// once n buckets are full and is updated with every bucket after (a rolling window, O(1) per bucket).
/// </summary>
public sealed class VpinCalculator
{
    private readonly double[] _imbalances;
    private int _next, _count;
    private double _sum;

    public VpinCalculator(int buckets, double bucketVolume)
    {
        if (buckets < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(buckets), buckets, "at least one bucket");
        }

        if (!(bucketVolume > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(bucketVolume), bucketVolume, "a bucket holds a positive volume");
        }

        _imbalances = new double[buckets];
        BucketVolume = bucketVolume;
    }

    public int Buckets => _imbalances.Length;

    public double BucketVolume { get; }

    public bool IsReady => _count == _imbalances.Length;

    /// <summary>The latest VPIN; NaN until n buckets are full.</summary>
    public double Current => IsReady ? Math.Clamp(_sum / (_imbalances.Length * BucketVolume), 0, 1) : double.NaN;

    /// <summary>Adds a full bucket; returns the VPIN over the last n buckets (NaN until there are n).</summary>
    public double Add(in VolumeBucket bucket)
    {
        var imbalance = bucket.Imbalance;
        if (_count == _imbalances.Length)
        {
            _sum -= _imbalances[_next];
        }
        else
        {
            _count++;
        }

        _imbalances[_next] = imbalance;
        _sum += imbalance;
        _next = (_next + 1) % _imbalances.Length;
        if (_next == 0)
        {
            _sum = 0;
            foreach (var x in _imbalances.AsSpan(0, _count))
            {
                _sum += x; // re-summed once a window: no drift from subtracting in floating point
            }
        }

        return Current;
    }
}
