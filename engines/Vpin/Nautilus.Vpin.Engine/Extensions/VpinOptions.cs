using Nautilus.Platform;
using Nautilus.Vpin.Domain;

namespace Nautilus.Vpin.Engine.Extensions;

/// <summary>
/// The live VPIN's defaults; an instrument's stored settings (PUT /api/vpin/instruments/{symbol}/settings) override them.
/// </summary>
public sealed class VpinOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Vpin";

    /// <summary>How long before a trade the quote Lee–Ready compares it with is taken (0: the quote in force at the trade).</summary>
    public TimeSpan QuoteDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Bucket volume V = average daily volume ÷ this (ELO 2012: 50 buckets a day).</summary>
    public int BucketsPerDay { get; set; } = 50;

    /// <summary>Daily bars averaged for the ADV.</summary>
    public int AdvDays { get; set; } = 20;

    /// <summary>
    /// Without stored daily bars, the volume of the tape's first window (tape time) scaled to <see cref="SessionLength"/> stands for
    /// the ADV; the window's trades wait and are bucketed once V is known.
    /// </summary>
    public TimeSpan FallbackWindow { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan SessionLength { get; set; } = TimeSpan.FromHours(6.5);

    /// <summary>Trades that may wait for the bucket volume; past this many, the fallback sizes from what has arrived.</summary>
    public int MaxWaitingTrades { get; set; } = 200_000;

    /// <summary>VPIN's window n (buckets).</summary>
    public int Buckets { get; set; } = 50;

    public StreamClassification Classification { get; set; } = StreamClassification.Bvc;

    /// <summary>The time bar bulk volume classification standardises price changes over.</summary>
    public TimeSpan BvcBar { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>VPIN values the empirical CDF remembers.</summary>
    public int CdfWindow { get; set; } = 10_000;

    public double ToxicCdf { get; set; } = 0.9;

    public double FlashCrashCdf { get; set; } = 0.99;

    public int FlashCrashBuckets { get; set; } = 3;

    public double ClearCdf { get; set; } = 0.8;

    public int MinHistory { get; set; } = 50;

    public ToxicityThresholds Thresholds => new(ToxicCdf, FlashCrashCdf, FlashCrashBuckets, ClearCdf, MinHistory);

    public IEnumerable<string> Problems()
    {
        if (QuoteDelay < TimeSpan.Zero || QuoteDelay > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:{nameof(QuoteDelay)} must be 0 to 1 minute, not {QuoteDelay}.";
        }

        if (BucketsPerDay < 1 || AdvDays < 1 || Buckets < 1 || CdfWindow < 1 || MaxWaitingTrades < 1)
        {
            yield return $"{Section}: BucketsPerDay, AdvDays, Buckets, CdfWindow and MaxWaitingTrades must be at least 1.";
        }

        if (FallbackWindow <= TimeSpan.Zero || SessionLength < FallbackWindow || BvcBar <= TimeSpan.Zero)
        {
            yield return $"{Section}: FallbackWindow and BvcBar must be positive and SessionLength at least FallbackWindow.";
        }

        foreach (var (field, problem) in Thresholds.Problems())
        {
            yield return $"{Section}:{field} {problem}.";
        }
    }
}
