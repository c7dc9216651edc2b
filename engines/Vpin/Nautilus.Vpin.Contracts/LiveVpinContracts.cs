namespace Nautilus.Vpin.Contracts;

/// <summary>
/// One instrument's live VPIN: the latest value and its CDF, the toxicity level, buckets filled, the bucket volume in force and
/// where it came from (<c>configured</c>, <c>adv</c>: average daily volume ÷ buckets per day, <c>tape</c>: the first window of
/// the live tape scaled to a session), the classification, the depth imbalance of the last book and the last price. While the
/// bucket volume is being settled, <see cref="State"/> is <c>sizing</c> and the trades wait.
/// </summary>
public sealed record LiveVpin(string Symbol, string State, double? Vpin, double? Cdf, string Level, long Buckets, double? BucketVolume,
    string? BucketBasis, int Window, string Classification, double? Imbalance, double? LastPrice, DateTimeOffset? At);

/// <summary>A stored full bucket: when it ended, VPIN and CDF after it (null until the window is full), its volumes and price.</summary>
public sealed record VpinPoint(DateTimeOffset At, long Bucket, double? Vpin, double? Cdf, double BuyVolume, double SellVolume,
    double Price, string Level);

/// <summary>
/// A change of an instrument's toxicity level (<c>normal</c>, <c>toxic</c>, <c>flash-crash</c>) and the bucket that made it.
/// </summary>
public sealed record ToxicityAlert(long Id, string Symbol, DateTimeOffset At, string From, string To, double Vpin, double Cdf,
    double Price);

/// <summary>
/// <c>PUT /api/vpin/instruments/{symbol}/settings</c>: what an instrument's live VPIN uses instead of the engine's defaults (a null
/// field keeps the default). Applying it restarts the instrument's VPIN from the next trade.
/// </summary>
public sealed record InstrumentVpinSettings(double? BucketVolume = null, int? Buckets = null, string? Classification = null,
    double? ToxicCdf = null, double? FlashCrashCdf = null, int? FlashCrashBuckets = null, double? ClearCdf = null,
    int? MinHistory = null);
