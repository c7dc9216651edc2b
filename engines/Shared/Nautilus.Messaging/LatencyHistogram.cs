namespace Nautilus.Messaging;

/// <summary>
/// Lock-free latency histogram with logarithmic buckets (8 per power of two, ~9% wide) from 1 µs to ~70 s: enough
/// precision for p50/p99/p99.9 at a few nanoseconds per record, with no allocation.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBuckets = 8;
    private const int Octaves = 27; // 2^26 µs ≈ 67 s
    private readonly long[] _counts = new long[Octaves * SubBuckets];
    private long _total;

    public long Count => Interlocked.Read(ref _total);

    public void Record(double microseconds)
    {
        Interlocked.Increment(ref _counts[BucketOf(microseconds)]);
        Interlocked.Increment(ref _total);
    }

    /// <summary>The upper edge of the bucket holding the q-quantile, in microseconds; NaN when empty.</summary>
    public double Quantile(double q)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(q, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(q, 1.0);
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }
        var rank = (long)Math.Ceiling(q * total);
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += Interlocked.Read(ref _counts[i]);
            if (seen >= Math.Max(rank, 1))
            {
                return UpperEdge(i);
            }
        }
        return UpperEdge(_counts.Length - 1);
    }

    public void Reset()
    {
        Array.Clear(_counts);
        Interlocked.Exchange(ref _total, 0);
    }

    private static int BucketOf(double microseconds)
    {
        if (!(microseconds > 1.0))
        {
            return 0;
        }
        var log = Math.Log2(microseconds);
        var index = (int)(log * SubBuckets) + 1;
        return Math.Min(index, Octaves * SubBuckets - 1);
    }

    private static double UpperEdge(int bucket) => bucket == 0 ? 1.0 : Math.Pow(2, (double)bucket / SubBuckets);
}
