using Nautilus.Model;

namespace Nautilus.Vpin.Domain;

/// <summary>How the volume of a series is split into buys and sells before bucketing.</summary>
public enum VolumeClassification
{
    /// <summary>Bulk volume classification over time bars of the trades.</summary>
    Bvc,

    /// <summary>Each trade by the tick rule (a trade before the first price change counts half each way).</summary>
    Tick,

    /// <summary>Each trade's own aggressor side, as the tape reports it.</summary>
    Given,
}

/// <summary>A trade of a series: time (Unix ns), price, size and, for <see cref="VolumeClassification.Given"/>, its side.</summary>
public readonly record struct SeriesTrade(long TsNanos, double Price, double Size, AggressorSide Side = AggressorSide.None);

/// <summary>Full buckets of a series and the VPIN after each one once n are full.</summary>
public sealed record VpinComputation(IReadOnlyList<double> Vpin, int BucketCount, IReadOnlyList<double> BuyVolume,
    IReadOnlyList<double> SellVolume, IReadOnlyList<long> BucketEnds);

/// <summary>VPIN over a whole series of trades, oldest first: classify, bucket, then the rolling VPIN.</summary>
public static class VpinSeries
{
    public static VpinComputation Compute(IReadOnlyList<SeriesTrade> trades, double bucketVolume, int buckets,
        VolumeClassification classification, long barNanos = 60_000_000_000)
    {
        var sink = new Collected(new VpinCalculator(buckets, bucketVolume));
        var bucketer = new VolumeBucketer(bucketVolume);
        switch (classification)
        {
            case VolumeClassification.Given:
                foreach (var t in trades)
                {
                    bucketer.Add(t.Size, VolumeBucketer.BuyShareOf(t.Side), t.TsNanos, t.Price, ref sink);
                }

                break;
            case VolumeClassification.Tick:
                var tick = new TradeClassifier(ClassificationMethod.Tick);
                foreach (var t in trades)
                {
                    bucketer.Add(t.Size, VolumeBucketer.BuyShareOf(tick.Classify(t.Price)), t.TsNanos, t.Price, ref sink);
                }

                break;
            default:
                var bars = TimeBars(trades, barNanos);
                var shares = BulkVolumeClassifier.BuyShares([.. bars.Select(b => b.Close)]);
                for (var i = 0; i < bars.Count; i++)
                {
                    bucketer.Add(bars[i].Volume, shares[i], bars[i].EndNanos, bars[i].Close, ref sink);
                }

                break;
        }

        return new VpinComputation(sink.Vpin, sink.Buy.Count, sink.Buy, sink.Sell, sink.Ends);
    }

    /// <summary>Trades gathered into bars of <paramref name="barNanos"/> (by the time each starts in); 0: every trade a bar.</summary>
    private static List<(long EndNanos, double Close, double Volume)> TimeBars(IReadOnlyList<SeriesTrade> trades, long barNanos)
    {
        var bars = new List<(long, double, double)>();
        long? open = null;
        (long End, double Close, double Volume) bar = default;
        foreach (var t in trades)
        {
            var slot = barNanos > 0 ? BulkVolumeClassifier.BarStart(t.TsNanos, barNanos) : t.TsNanos;
            if (open != slot || barNanos <= 0)
            {
                if (open is not null)
                {
                    bars.Add(bar);
                }

                open = slot;
                bar = (t.TsNanos, t.Price, 0);
            }

            bar = (t.TsNanos, t.Price, bar.Volume + t.Size);
        }

        if (open is not null)
        {
            bars.Add(bar);
        }

        return bars;
    }

    private struct Collected(VpinCalculator calculator) : IBucketSink
    {
        public List<double> Vpin { get; } = [];

        public List<double> Buy { get; } = [];

        public List<double> Sell { get; } = [];

        public List<long> Ends { get; } = [];

        public readonly void Completed(VolumeBucket bucket)
        {
            Buy.Add(bucket.BuyVolume);
            Sell.Add(bucket.SellVolume);
            Ends.Add(bucket.EndNanos);
            if (calculator.Add(bucket) is var vpin && double.IsFinite(vpin))
            {
                Vpin.Add(vpin);
            }
        }
    }
}
