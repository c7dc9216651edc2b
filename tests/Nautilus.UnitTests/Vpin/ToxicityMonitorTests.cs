using Nautilus.Model;
using Nautilus.Vpin.Domain;

namespace Nautilus.UnitTests.Vpin;

public sealed class ToxicityMonitorTests
{
    private static readonly ToxicityThresholds Thresholds = new(ToxicCdf: 0.9, FlashCrashCdf: 0.99, FlashCrashBuckets: 3, ClearCdf: 0.8,
        MinHistory: 10);

    private static VpinUpdate At(long bucket, double cdf) => new(bucket * 1_000, 0.3, cdf, 50, 50, 100, bucket);

    /// <summary>Feeds CDF values in turn; the level after each.</summary>
    private static List<ToxicityLevel> Levels(ToxicityMonitor monitor, params double[] cdfs)
    {
        var levels = new List<ToxicityLevel>();
        for (var i = 0; i < cdfs.Length; i++)
        {
            monitor.OnBucket(At(i, cdfs[i]), history: 100);
            levels.Add(monitor.Level);
        }

        return levels;
    }

    [Fact]
    public void Toxic_above_the_threshold_and_normal_only_below_the_clearing_level()
    {
        var levels = Levels(new ToxicityMonitor(Thresholds), 0.5, 0.91, 0.85, 0.89, 0.79, 0.95);
        Assert.Equal([ToxicityLevel.Normal, ToxicityLevel.Toxic, ToxicityLevel.Toxic, ToxicityLevel.Toxic, ToxicityLevel.Normal,
            ToxicityLevel.Toxic], levels);
    }

    [Fact]
    public void A_flash_crash_warning_needs_the_extreme_CDF_for_the_given_run_of_buckets()
    {
        var monitor = new ToxicityMonitor(Thresholds);
        var levels = Levels(monitor, 0.995, 0.999, 0.95, 0.995, 0.999, 1.0, 0.97, 0.5);
        // The run of two is broken by 0.95; three in a row warn; a CDF below the extreme steps down to toxic, below 0.8 to normal.
        Assert.Equal([ToxicityLevel.Toxic, ToxicityLevel.Toxic, ToxicityLevel.Toxic, ToxicityLevel.Toxic, ToxicityLevel.Toxic,
            ToxicityLevel.FlashCrash, ToxicityLevel.Toxic, ToxicityLevel.Normal], levels);
    }

    [Fact]
    public void Each_change_is_reported_once_with_the_bucket_that_made_it()
    {
        var monitor = new ToxicityMonitor(Thresholds);
        var changes = new[] { 0.5, 0.92, 0.93, 0.6 }.Select((cdf, i) => monitor.OnBucket(At(i, cdf), history: 100)).ToArray();
        Assert.Null(changes[0]);
        var toxic = changes[1]!.Value;
        Assert.Equal((ToxicityLevel.Normal, ToxicityLevel.Toxic, 1L), (toxic.From, toxic.To, toxic.At.Bucket));
        Assert.Null(changes[2]);
        Assert.Equal((ToxicityLevel.Toxic, ToxicityLevel.Normal), (changes[3]!.Value.From, changes[3]!.Value.To));
    }

    [Fact]
    public void No_level_is_judged_on_a_short_history_or_before_the_window_is_full()
    {
        var monitor = new ToxicityMonitor(Thresholds);
        Assert.Null(monitor.OnBucket(At(0, 1.0), history: 9));
        Assert.Null(monitor.OnBucket(At(1, double.NaN), history: 100));
        Assert.Equal(ToxicityLevel.Normal, monitor.Level);
    }

    [Fact]
    public void Thresholds_out_of_order_are_named()
    {
        var problems = new ToxicityThresholds(ToxicCdf: 0.95, FlashCrashCdf: 0.9, ClearCdf: 0.97, FlashCrashBuckets: 0).Problems()
            .Select(p => p.Field);
        Assert.Equal(["FlashCrashCdf", "ClearCdf", "FlashCrashBuckets"], problems);
    }
}
