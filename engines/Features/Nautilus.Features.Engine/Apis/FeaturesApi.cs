using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Contracts;
using Nautilus.Engine.Hosting;
using Nautilus.Features.Contracts;
using Nautilus.Features.Engine.Streaming;
using Nautilus.Indicators.Features;
using Nautilus.MarketData.Contracts;
using Nautilus.Model;

namespace Nautilus.Features.Engine.Apis;

/// <summary>The feature catalog, the latest streaming values, and features computed over history or over bars you send.</summary>
public static class FeaturesApi
{
    /// <summary>Bars sent in a request belong to no stored instrument; the indicators read only their prices and volume.</summary>
    private static readonly BarType RequestBars = new(new InstrumentId("REQUEST", "INPUT"), 60);

    public static IEndpointRouteBuilder MapFeaturesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/features").WithTags("Features");
        api.MapGet("/catalog", () => TypedResults.Ok(FeatureCatalog.All.Select(d => new
        {
            d.Name,
            d.Description,
            Parameters = d.Parameters.Select(p => new { p.Name, p.Default, p.Minimum, p.Integer }),
            d.Outputs,
        }).ToArray()))
            .WithName("GetFeatureCatalog").WithSummary("Every feature: description, parameters with defaults, outputs. Ask for them as name(params), e.g. sma(50).");
        api.MapGet("/defaults", () => TypedResults.Ok(FeatureCatalog.DefaultSpecs))
            .WithName("GetDefaultFeatures").WithSummary("The features streamed on every closed bar.");
        api.MapGet("/latest", (FeatureStreams streams) => TypedResults.Ok(streams.Latest))
            .WithName("ListLatestFeatures").WithSummary("Latest streamed features of every instrument and interval.");
        api.MapGet("/{symbol}/latest", GetLatest).WithName("GetLatestFeatures").WithSummary("Latest streamed features of one instrument.");
        api.MapGet("/{symbol}", ComputeOverHistoryAsync).WithName("ComputeFeaturesOverHistory")
            .WithSummary("Features of a symbol's stored bars in [from, to] (bars asked of the MarketData engine); `features` is a comma-separated list of specs.");
        api.MapPost("/compute", Compute).WithName("ComputeFeatures")
            .WithSummary("Stateless: features over the OHLCV bars in the body, oldest first. Same code as the streaming engine.");
        return app;
    }

    public static Results<Ok<LatestFeatures>, ProblemHttpResult> GetLatest(string symbol, FeatureStreams streams, int interval = 60) =>
        streams.LatestOf(symbol, interval) is { } latest
            ? TypedResults.Ok(latest)
            : ApiProblems.NotFound("symbol", symbol, $"streamed {interval}-second features for instrument");

    public static Results<Ok<FeatureSeries>, ValidationProblem> Compute(ComputeRequest request)
    {
        if (request.Bars is not { Count: > 0 } bars)
        {
            return ApiProblems.Field("bars", "send at least one bar");
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            if (new[] { b.Open, b.High, b.Low, b.Close, b.Volume }.Any(v => v.Scale > Price.MaxPrecision))
            {
                return ApiProblems.Field($"bars[{i}]", $"prices and volume have at most {Price.MaxPrecision} decimal places");
            }

            if (b.High < b.Low || b.Close <= 0 || b.Volume < 0)
            {
                return ApiProblems.Field($"bars[{i}]", "needs high ≥ low, close > 0 and volume ≥ 0");
            }

            if (i > 0 && b.Ts is { } ts && bars[i - 1].Ts is { } previous && ts <= previous)
            {
                return ApiProblems.Field($"bars[{i}].ts", "bars must be oldest first, each later than the one before");
            }
        }

        var (set, problem) = Build(request.Features);
        if (set is null)
        {
            return problem!;
        }

        return TypedResults.Ok(Run(set, bars.Select(b => (b.Ts, new Bar(RequestBars, Exact(b.Open), Exact(b.High), Exact(b.Low), Exact(b.Close),
            Quantity.FromDecimal(b.Volume, b.Volume.Scale), 0, b.Ts is { } ts ? UnixNanos.From(ts) : UnixNanos.Epoch)))));
    }

    public static async Task<Results<Ok<FeatureSeries>, ValidationProblem, ProblemHttpResult>> ComputeOverHistoryAsync(
        string symbol, MarketDataClient history, int interval = 60, DateTimeOffset? from = null, DateTimeOffset? to = null,
        string? features = null, CancellationToken ct = default)
    {
        var (set, problem) = Build(features is null ? null : SplitSpecs(features));
        if (set is null)
        {
            return problem!;
        }

        var end = to ?? DateTimeOffset.UtcNow;
        try
        {
            var bars = await history.GetAllBarsAsync(symbol, interval, from ?? end.AddDays(-1), end, ct: ct);
            return TypedResults.Ok(Run(set, bars.Select(b => ((DateTimeOffset?)b.TsEvent.ToDateTimeOffset(), b))));
        }
        catch (MarketDataRequestException ex) when (ex.Status is 400 or 404)
        {
            return TypedResults.Problem(statusCode: ex.Status, title: "MarketData engine refused the bar request", detail: ex.Problem,
                extensions: new Dictionary<string, object?> { ["field"] = ex.Status == 404 ? "symbol" : "query" });
        }
    }

    private static Price Exact(decimal value) => Price.FromDecimal(value, value.Scale);

    /// <summary>Specs are separated by ';' (commas belong to parameters): sma(20);bb(20,2).</summary>
    private static string[] SplitSpecs(string text) => text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (FeatureSet? Set, ValidationProblem? Problem) Build(IReadOnlyList<string>? specs)
    {
        var list = specs is { Count: > 0 } ? specs : FeatureCatalog.DefaultSpecs;
        for (var i = 0; i < list.Count; i++)
        {
            try
            {
                FeatureCatalog.Resolve(FeatureSpec.Parse(list[i]));
            }
            catch (FormatException ex)
            {
                return (null, ApiProblems.Field($"features[{i}]", ex.Message));
            }
        }

        return (new FeatureSet(list), null);
    }

    private static FeatureSeries Run(FeatureSet set, IEnumerable<(DateTimeOffset? Ts, Bar Bar)> bars) =>
        new(set.Keys, set.WarmUpPeriod, bars.Select(b => new FeatureRow(b.Ts, set.Update(b.Bar))).ToArray());
}
