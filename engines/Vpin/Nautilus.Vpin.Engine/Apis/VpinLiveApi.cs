using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nautilus.Engine.Hosting;
using Nautilus.Model;
using Nautilus.Vpin.Contracts;
using Nautilus.Vpin.Engine.Extensions;
using Nautilus.Vpin.Engine.Persistence;
using Nautilus.Vpin.Engine.State;

namespace Nautilus.Vpin.Engine.Apis;

/// <summary>
/// What the engine measures on the live tape: VPIN per instrument, its stored history and alerts, rule accuracy; instruments'
/// settings.
/// </summary>
public static class VpinLiveApi
{
    private const int MaxPoints = 20_000;

    public static IEndpointRouteBuilder MapVpinLiveApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/vpin").WithTags("Live");
        api.MapGet("/accuracy", Accuracy).WithName("GetClassificationAccuracy")
            .WithSummary("Per instrument, how often each rule (tick, quote, lee-ready, emo) names the aggressor the tape reports; a " +
                "trade a rule leaves unknown counts as wrong and is also counted apart.");
        api.MapGet("/live", Live).WithName("GetLiveVpin")
            .WithSummary("Every instrument's VPIN as it stands: value, CDF, toxicity level, bucket volume and its basis, book imbalance.");
        api.MapGet("/history/{symbol}", HistoryAsync).WithName("GetVpinHistory")
            .WithSummary("An instrument's stored full buckets in [from, to] (default: the last day), the last `limit` of them, " +
                "oldest first.");
        api.MapGet("/alerts", AlertsAsync).WithName("GetToxicityAlerts")
            .WithSummary("Changes of toxicity level (normal, toxic, flash-crash), newest first; of one symbol when given.");
        api.MapGet("/instruments/{symbol}/settings", SettingsAsync).WithName("GetInstrumentVpinSettings")
            .WithSummary("An instrument's own settings (null fields take the engine's defaults).");
        api.MapPut("/instruments/{symbol}/settings", PutSettingsAsync).WithName("PutInstrumentVpinSettings")
            .WithSummary("Stores an instrument's own bucket volume, window, classification or thresholds and restarts its VPIN.");
        api.MapDelete("/instruments/{symbol}/settings", DeleteSettingsAsync).WithName("DeleteInstrumentVpinSettings")
            .WithSummary("Returns an instrument to the engine's defaults and restarts its VPIN.");
        return app;
    }

    public static Ok<IReadOnlyList<InstrumentAccuracy>> Accuracy(LiveFlows flows) =>
        TypedResults.Ok<IReadOnlyList<InstrumentAccuracy>>([.. flows.Accuracy().Select(a => new InstrumentAccuracy(a.Symbol, a.Trades,
            [.. a.Rules.Select(r => new RuleAccuracy(VpinCalculationsApi.NameOf(r.Method), r.Accuracy, r.Unknown))]))]);

    public static Ok<IReadOnlyList<LiveVpin>> Live(LiveFlows flows, IOptions<VpinOptions> options) =>
        TypedResults.Ok<IReadOnlyList<LiveVpin>>([.. flows.Snapshots().Select(f => new LiveVpin(f.Symbol, f.Live ? "live" : "sizing",
            Finite(f.Last?.Vpin), Finite(f.Last?.Cdf), ToxicityNames.Of(f.Level), f.Buckets, f.BucketVolume, f.Plan?.Basis,
            f.Plan?.Buckets ?? options.Value.Buckets, ToxicityNames.Of(f.Plan?.Classification ?? options.Value.Classification),
            Finite(f.Imbalance), Finite(f.LastPrice), f.LastAt > 0 ? new UnixNanos(f.LastAt).ToDateTimeOffset() : null))]);

    public static async Task<Results<Ok<IReadOnlyList<VpinPoint>>, ValidationProblem>> HistoryAsync(string symbol,
        VpinRepository repository, TimeProvider clock, DateTimeOffset? from, DateTimeOffset? to, int? limit, CancellationToken ct)
    {
        var end = to ?? clock.GetUtcNow();
        var start = from ?? end.AddDays(-1);
        if (start > end)
        {
            return ApiProblems.Field("from", "is not after to");
        }

        if (limit is < 1 or > MaxPoints)
        {
            return ApiProblems.Field("limit", $"is 1 to {MaxPoints:N0}");
        }

        return TypedResults.Ok(await repository.BucketsAsync(symbol, start, end, limit ?? 5_000, ct));
    }

    public static async Task<Results<Ok<IReadOnlyList<ToxicityAlert>>, ValidationProblem>> AlertsAsync(VpinRepository repository,
        string? symbol, int? limit, CancellationToken ct) =>
        limit is < 1 or > 1_000
            ? ApiProblems.Field("limit", "is 1 to 1,000")
            : TypedResults.Ok(await repository.AlertsAsync(symbol, limit ?? 100, ct));

    public static async Task<Ok<InstrumentVpinSettings>> SettingsAsync(string symbol, VpinRepository repository, CancellationToken ct) =>
        TypedResults.Ok(await repository.SettingsAsync(symbol, ct) ?? new InstrumentVpinSettings());

    public static async Task<Results<Ok<InstrumentVpinSettings>, ValidationProblem>> PutSettingsAsync(string symbol,
        InstrumentVpinSettings settings, VpinRepository repository, LiveFlows flows, IOptions<VpinOptions> options, TimeProvider clock,
        CancellationToken ct)
    {
        var problems = BucketSizing.Problems(settings, options.Value).ToList();
        if (problems.Count > 0)
        {
            return ApiProblems.Fields(problems);
        }

        await repository.SaveSettingsAsync(symbol, settings, clock.GetUtcNow(), ct);
        flows.Restart(symbol);
        return TypedResults.Ok(settings);
    }

    public static async Task<NoContent> DeleteSettingsAsync(string symbol, VpinRepository repository, LiveFlows flows, TimeProvider clock,
        CancellationToken ct)
    {
        await repository.SaveSettingsAsync(symbol, null, clock.GetUtcNow(), ct);
        flows.Restart(symbol);
        return TypedResults.NoContent();
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
