using Microsoft.Extensions.Options;
using Nautilus.MarketData.Contracts;
using Nautilus.Vpin.Contracts;
using Nautilus.Vpin.Domain;
using Nautilus.Vpin.Engine.Apis;
using Nautilus.Vpin.Engine.Extensions;
using Nautilus.Vpin.Engine.Persistence;

namespace Nautilus.Vpin.Engine.State;

/// <summary>
/// An instrument's plan: its stored settings over the engine's defaults, and a bucket volume of, in order, the stored one, the
/// average daily volume of its last <see cref="VpinOptions.AdvDays"/> stored daily bars ÷ <see cref="VpinOptions.BucketsPerDay"/>
/// (MarketData owns the bars), or none: the live tape's first window then sizes it.
/// </summary>
public sealed class BucketSizing(VpinRepository repository, IHttpClientFactory http, IOptions<VpinOptions> options, TimeProvider clock,
    ILogger<BucketSizing> logger)
{
    /// <summary>The named client (a singleton must not hold a typed client's handler for ever).</summary>
    public const string HttpClientName = "marketdata-daily-bars";

    private const int DailyInterval = 86_400;

    public async Task<FlowPlan> PlanAsync(string symbol, CancellationToken ct)
    {
        var defaults = options.Value;
        var stored = await repository.SettingsAsync(symbol, ct) ?? new InstrumentVpinSettings();
        var buckets = stored.Buckets ?? defaults.Buckets;
        var classification = stored.Classification is { } name ? ToxicityNames.Classifications[name] : defaults.Classification;
        var thresholds = ThresholdsOf(stored, defaults.Thresholds);
        if (stored.BucketVolume is { } configured)
        {
            return new FlowPlan(configured, "configured", buckets, classification, thresholds);
        }

        var adv = await AverageDailyVolumeAsync(symbol, ct);
        return adv is > 0
            ? new FlowPlan(adv.Value / defaults.BucketsPerDay, "adv", buckets, classification, thresholds)
            : new FlowPlan(null, "tape", buckets, classification, thresholds);
    }

    /// <summary>The settings refused field by field, before anything is stored.</summary>
    public static IEnumerable<(string Field, string Problem)> Problems(InstrumentVpinSettings settings, VpinOptions defaults)
    {
        if (settings.BucketVolume is { } v && !(v > 0 && double.IsFinite(v)))
        {
            yield return ("bucketVolume", "is a positive volume");
        }

        if (settings.Buckets is < 1 or > 10_000)
        {
            yield return ("buckets", "is 1 to 10,000");
        }

        if (settings.Classification is { } c && !ToxicityNames.Classifications.ContainsKey(c))
        {
            yield return ("classification", "is one of " + string.Join(", ", ToxicityNames.Classifications.Keys));
        }

        foreach (var problem in ThresholdsOf(settings, defaults.Thresholds).Problems())
        {
            yield return problem;
        }
    }

    private static ToxicityThresholds ThresholdsOf(InstrumentVpinSettings s, ToxicityThresholds d) =>
        new(s.ToxicCdf ?? d.ToxicCdf, s.FlashCrashCdf ?? d.FlashCrashCdf, s.FlashCrashBuckets ?? d.FlashCrashBuckets,
            s.ClearCdf ?? d.ClearCdf, s.MinHistory ?? d.MinHistory);

    private async Task<double?> AverageDailyVolumeAsync(string symbol, CancellationToken ct)
    {
        // Whole days only: today's bar is still filling. Calendar days enough for AdvDays trading days, weekends and holidays included.
        var today = new DateTimeOffset(clock.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
        try
        {
            var bars = await new MarketDataClient(http.CreateClient(HttpClientName)).GetAllBarsAsync(symbol, DailyInterval,
                today.AddDays(-2 * options.Value.AdvDays - 10), today.AddTicks(-1), ct: ct);
            var last = bars.TakeLast(options.Value.AdvDays).Select(b => b.Volume.AsDouble()).Where(v => v > 0).ToArray();
            return last.Length > 0 ? last.Average() : null;
        }
        catch (Exception ex) when (ex is MarketDataRequestException or HttpRequestException or TaskCanceledException
                                   && !ct.IsCancellationRequested)
        {
            logger.LogWarning("No average daily volume of {Symbol} from MarketData ({Error}): its live tape will size the buckets",
                symbol, ex.Message);
            return null;
        }
    }
}
