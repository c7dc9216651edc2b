using Nautilus.Model;

namespace Nautilus.Vpin.Domain;

/// <summary>
/// Alert thresholds on VPIN's empirical CDF. Toxic at or above <paramref name="ToxicCdf"/>; a flash-crash warning once the CDF has
/// been at or above <paramref name="FlashCrashCdf"/> for <paramref name="FlashCrashBuckets"/> buckets in a row; back to normal only
/// below <paramref name="ClearCdf"/> (hysteresis, so a VPIN hovering at the threshold does not flap). No level is judged before
/// the CDF has <paramref name="MinHistory"/> VPIN values: the CDF of a short history says nothing.
/// </summary>
public sealed record ToxicityThresholds(double ToxicCdf = 0.9, double FlashCrashCdf = 0.99, int FlashCrashBuckets = 3,
    double ClearCdf = 0.8, int MinHistory = 50)
{
    public IEnumerable<(string Field, string Problem)> Problems()
    {
        if (ToxicCdf is <= 0 or > 1 || double.IsNaN(ToxicCdf))
        {
            yield return (nameof(ToxicCdf), "is a CDF level in (0, 1]");
        }

        if (FlashCrashCdf < ToxicCdf || FlashCrashCdf > 1 || double.IsNaN(FlashCrashCdf))
        {
            yield return (nameof(FlashCrashCdf), "is in [toxicCdf, 1]");
        }

        if (ClearCdf < 0 || ClearCdf > ToxicCdf || double.IsNaN(ClearCdf))
        {
            yield return (nameof(ClearCdf), "is in [0, toxicCdf]");
        }

        if (FlashCrashBuckets < 1)
        {
            yield return (nameof(FlashCrashBuckets), "is at least 1");
        }

        if (MinHistory < 1)
        {
            yield return (nameof(MinHistory), "is at least 1");
        }
    }
}

/// <summary>A change of toxicity level and the bucket that caused it.</summary>
public readonly record struct ToxicityChange(ToxicityLevel From, ToxicityLevel To, VpinUpdate At);

/// <summary>The toxicity level of one instrument, bucket by bucket; reports each change of level once.</summary>
public sealed class ToxicityMonitor(ToxicityThresholds thresholds)
{
    private int _extremeRun;

    public ToxicityLevel Level { get; private set; } = ToxicityLevel.Normal;

    public ToxicityThresholds Thresholds => thresholds;

    /// <summary>A full bucket (<paramref name="history"/>: how many VPIN values its CDF holds); the change of level, if any.</summary>
    public ToxicityChange? OnBucket(VpinUpdate update, int history)
    {
        if (!double.IsFinite(update.Cdf) || history < thresholds.MinHistory)
        {
            return null;
        }

        _extremeRun = update.Cdf >= thresholds.FlashCrashCdf ? _extremeRun + 1 : 0;
        var next = _extremeRun >= thresholds.FlashCrashBuckets ? ToxicityLevel.FlashCrash
            : update.Cdf >= thresholds.ToxicCdf ? ToxicityLevel.Toxic
            : update.Cdf < thresholds.ClearCdf ? ToxicityLevel.Normal
            // Between clear and toxic: stays where it is, but a flash-crash warning whose extreme run ended steps down to toxic.
            : Level == ToxicityLevel.FlashCrash ? ToxicityLevel.Toxic : Level;
        if (next == Level)
        {
            return null;
        }

        var change = new ToxicityChange(Level, next, update);
        Level = next;
        return change;
    }
}
