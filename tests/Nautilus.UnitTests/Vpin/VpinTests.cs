using Nautilus.Model;
using Nautilus.Vpin.Domain;

namespace Nautilus.UnitTests.Vpin;

public sealed class VpinTests
{
    private static SeriesTrade Trade(int second, double price, double size, AggressorSide side = AggressorSide.None) =>
        new(second * 1_000_000_000L, price, size, side);

    [Fact]
    public void VPIN_by_hand_over_buckets_of_ten_with_a_trade_split_across_a_boundary()
    {
        // V = 10, n = 2. Buckets: (buy 6, sell 4); then a buy of 15 fills the second with 10 and starts the third with 5; a sale
        // of 5 closes it (5, 5). VPIN = Σ|S − B| ÷ (n V): (2 + 10) / 20 = 0.6, then (10 + 0) / 20 = 0.5.
        var result = VpinSeries.Compute([Trade(0, 10, 6, AggressorSide.Buyer), Trade(1, 10, 4, AggressorSide.Seller),
            Trade(2, 10, 15, AggressorSide.Buyer), Trade(3, 10, 5, AggressorSide.Seller)], 10, 2, VolumeClassification.Given);

        Assert.Equal(3, result.BucketCount);
        Assert.Equal([6.0, 10, 5], result.BuyVolume);
        Assert.Equal([4.0, 0, 5], result.SellVolume);
        Assert.Equal([0.6, 0.5], result.Vpin);
        Assert.Equal([1_000_000_000L, 2_000_000_000, 3_000_000_000], result.BucketEnds);
    }

    [Fact]
    public void A_trade_larger_than_several_buckets_fills_each_with_its_own_buy_share()
    {
        var bucketer = new VolumeBucketer(4);
        var sink = new Buckets();
        Assert.Equal(2, bucketer.Add(10, 0.25, 7, 100, ref sink));
        Assert.Equal([new VolumeBucket(1, 3, 7, 100), new VolumeBucket(1, 3, 7, 100)], sink.Full);
        Assert.Equal(2, bucketer.Filling, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => new VolumeBucketer(0));
    }

    [Fact]
    public void Bulk_volume_classification_splits_each_bar_by_the_normal_CDF_of_its_standardised_change()
    {
        // Closes 100, 101, 99, 100: changes 1, −2, 1 with sample σ √3; Φ(1/√3) = 0.71814856917, Φ(−2/√3) = 0.12410653949
        // (computed as ½(1 + erf(x/√2))).
        var shares = BulkVolumeClassifier.BuyShares([100, 101, 99, 100]);
        Assert.Equal(0.5, shares[0]);
        Assert.Equal(0.7181485691746134, shares[1], 12);
        Assert.Equal(0.12410653949496181, shares[2], 12);
        Assert.Equal(0.7181485691746134, shares[3], 12);

        // Through VPIN: one-minute bars of the trades, each bar's volume split by its share.
        var result = VpinSeries.Compute([Trade(0, 100, 10), Trade(60, 101, 10), Trade(120, 99, 10), Trade(180, 100, 10)], 20, 1,
            VolumeClassification.Bvc);
        Assert.Equal(2, result.BucketCount);
        Assert.Equal(10 * (0.5 + 0.7181485691746134), result.BuyVolume[0], 10);
        Assert.Equal(Math.Abs(20 - 2 * 10 * (0.12410653949496181 + 0.7181485691746134)) / 20, result.Vpin[1], 10);
    }

    [Fact]
    public void The_empirical_CDF_counts_values_at_or_below_and_forgets_the_oldest()
    {
        var cdf = new EmpiricalCdf(10);
        Assert.True(double.IsNaN(cdf.Cdf(1)));
        foreach (var v in Enumerable.Range(1, 10))
        {
            cdf.Add(v / 10.0);
        }

        Assert.Equal(0.5, cdf.Cdf(0.5));
        Assert.Equal(0, cdf.Cdf(0.05));
        Assert.Equal(1, cdf.Cdf(2));
        cdf.Add(0.95); // 0.1 leaves
        Assert.Equal(10, cdf.Count);
        Assert.Equal(0.4, cdf.Cdf(0.5), 12);
        Assert.Equal(0.9, cdf.Cdf(0.95), 12);
    }

    [Fact]
    public void The_rolling_dispersion_is_the_sample_standard_deviation_of_the_window()
    {
        var dispersion = new RollingDispersion(3);
        foreach (var v in new[] { 100.0, 1, -2, 1 })
        {
            dispersion.Add(v);
        }

        Assert.Equal(Math.Sqrt(3), dispersion.StandardDeviation, 12);
    }

    [Fact]
    public void The_live_stream_gives_the_series_VPIN_and_each_value_s_place_in_its_history()
    {
        var stream = new VpinStream(new VpinStreamSettings(10, 2, StreamClassification.Given));
        var updates = new List<VpinUpdate>();
        stream.OnTrade(0, 10, 6, double.NaN, double.NaN, AggressorSide.Buyer, updates);
        stream.OnTrade(1, 10, 4, double.NaN, double.NaN, AggressorSide.Seller, updates);
        stream.OnTrade(2, 10, 15, double.NaN, double.NaN, AggressorSide.Buyer, updates);
        Assert.Equal(1, stream.OnTrade(3, 10, 5, double.NaN, double.NaN, AggressorSide.Seller, updates));

        Assert.Equal([1L, 2, 3], updates.Select(u => u.Bucket));
        Assert.True(double.IsNaN(updates[0].Vpin));
        Assert.Equal([0.6, 0.5], updates.Skip(1).Select(u => u.Vpin));
        Assert.Equal([1.0, 0.5], updates.Skip(1).Select(u => u.Cdf)); // 0.6 the highest of {0.6}; 0.5 the lower of {0.6, 0.5}
    }

    [Fact]
    public void Live_bulk_volume_classification_closes_a_bar_when_the_next_begins_and_reads_only_past_changes()
    {
        var stream = new VpinStream(new VpinStreamSettings(20, 1, StreamClassification.Bvc, BarNanos: 60));
        var updates = new List<VpinUpdate>();
        foreach (var (t, p) in new[] { (0L, 100.0), (60L, 101.0), (120L, 99.0), (180L, 100.0), (240L, 100.0) })
        {
            stream.OnTrade(t, p, 10, double.NaN, double.NaN, AggressorSide.None, updates);
        }

        // Bars 1 and 2 (no change yet, then no dispersion yet) are split evenly; bar 3's change −2 is read against σ of {1}: 0,
        // so evenly again; bar 4's +1 against σ of {1, −2} = 2.1213: Φ(0.4714) = 0.6813241.
        Assert.Equal(2, updates.Count);
        Assert.Equal(10, updates[0].BuyVolume, 12);
        Assert.Equal(5 + 10 * 0.6813240558830315, updates[1].BuyVolume, 8);
    }

    private struct Buckets() : IBucketSink
    {
        public List<VolumeBucket> Full { get; } = [];

        public readonly void Completed(VolumeBucket bucket) => Full.Add(bucket);
    }
}
