using Nautilus.Model;

namespace Nautilus.Vpin.Domain;

/// <summary>
/// Fills buckets of equal volume with classified volume. A trade (or bar) that straddles a bucket boundary is split by volume:
/// the part that fills the bucket closes it, the rest starts the next, each part keeping the trade's buy share.
/// </summary>
public sealed class VolumeBucketer
{
    private double _buy, _sell;

    public VolumeBucketer(double bucketVolume)
    {
        if (!(bucketVolume > 0) || !double.IsFinite(bucketVolume))
        {
            throw new ArgumentOutOfRangeException(nameof(bucketVolume), bucketVolume, "a bucket holds a positive volume");
        }

        BucketVolume = bucketVolume;
    }

    public double BucketVolume { get; }

    /// <summary>The buy share of a trade whose side is named: all of a buy, none of a sell, half of one left unknown.</summary>
    public static double BuyShareOf(AggressorSide side) => side switch
    {
        AggressorSide.Buyer => 1.0,
        AggressorSide.Seller => 0.0,
        _ => 0.5,
    };

    /// <summary>Volume in the bucket being filled.</summary>
    public double Filling => _buy + _sell;

    /// <summary>
    /// Adds <paramref name="volume"/> of which <paramref name="buyShare"/> (0–1) was buyer-initiated; each bucket it completes is
    /// passed to <paramref name="completed"/>. Returns how many buckets it completed.
    /// </summary>
    public int Add<TSink>(double volume, double buyShare, long tsNanos, double price, ref TSink completed)
        where TSink : IBucketSink, allows ref struct
    {
        var count = 0;
        while (volume > 0)
        {
            var room = BucketVolume - (_buy + _sell);
            var part = Math.Min(room, volume);
            _buy += part * buyShare;
            _sell += part * (1 - buyShare);
            volume -= part;
            // A bucket is full when what is left to fill is below a part in a billion of its size (rounding of the splits).
            if (part >= room || BucketVolume - (_buy + _sell) <= BucketVolume * 1e-9)
            {
                completed.Completed(new VolumeBucket(_buy, _sell, tsNanos, price));
                (_buy, _sell) = (0, 0);
                count++;
            }
        }

        return count;
    }
}

/// <summary>Where full buckets go (a struct sink keeps the hot path free of delegates and allocations).</summary>
public interface IBucketSink
{
    void Completed(VolumeBucket bucket);
}
