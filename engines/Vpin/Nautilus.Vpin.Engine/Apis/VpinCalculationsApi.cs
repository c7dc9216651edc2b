using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Model;
using Nautilus.Vpin.Contracts;
using Nautilus.Vpin.Domain;
using Nautilus.Vpin.Domain.Microstructure;

namespace Nautilus.Vpin.Engine.Apis;

/// <summary>The microstructure calculations over raw inputs, for notebooks: trade classification and VPIN over a series.</summary>
public static class VpinCalculationsApi
{
    public const int MaxTrades = 2_000_000;

    private static readonly Dictionary<string, ClassificationMethod> Methods = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tick"] = ClassificationMethod.Tick,
        ["quote"] = ClassificationMethod.Quote,
        ["lee-ready"] = ClassificationMethod.LeeReady,
        ["emo"] = ClassificationMethod.Emo,
    };

    private static readonly Dictionary<string, VolumeClassification> Classifications = new(StringComparer.OrdinalIgnoreCase)
    {
        ["bvc"] = VolumeClassification.Bvc,
        ["tick"] = VolumeClassification.Tick,
        ["given"] = VolumeClassification.Given,
    };

    public static IEndpointRouteBuilder MapVpinCalculationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/vpin").WithTags("Calculations");
        api.MapPost("/classify", Classify).WithName("ClassifyTrades")
            .WithSummary("Stateless: each trade's aggressor by the tick rule, the quote rule, Lee–Ready (quote rule, tick rule at the " +
                "midpoint) or EMO (at the ask buy, at the bid sell, else the tick rule). Quotes are those in force at each trade.");
        api.MapPost("/compute", Compute).WithName("ComputeVpin")
            .WithSummary("Stateless: VPIN = Σ|V_sell − V_buy| ÷ (n·V) over the last n buckets of volume V (Easley, López de Prado and " +
                "O'Hara 2012), one value per full bucket once n are full; a trade straddling a boundary is split by volume.");
        api.MapPost("/book-imbalance", BookImbalanceOf).WithName("BookImbalance")
            .WithSummary("Stateless: depth imbalance (Σ bid size − Σ ask size) ÷ (Σ bid size + Σ ask size) over the top levels (10).");
        api.MapPost("/kyle-lambda", KyleLambdaOf).WithName("KyleLambda")
            .WithSummary("Stateless: Kyle's lambda, the least-squares slope of interval price changes on signed volume (buy − sell).");
        api.MapPost("/spreads", Spreads).WithName("TradeSpreads")
            .WithSummary("Stateless: each trade's effective spread 2·D·(P − M), realised spread 2·D·(P − M later) and price impact " +
                "(their difference), D = +1 buy, −1 sell; also relative to M; and the means.");
        return app;
    }

    public static Results<Ok<BookImbalanceResponse>, ValidationProblem> BookImbalanceOf(BookImbalanceRequest request)
    {
        if (request.Levels is < 1 or > 1_000)
        {
            return ApiProblems.Field("levels", "1 to 1,000 levels");
        }

        var sides = new[] { ("bids", request.Bids), ("asks", request.Asks) };
        var sizes = new double[2][];
        for (var k = 0; k < 2; k++)
        {
            var (name, levels) = sides[k];
            if (levels is null)
            {
                return ApiProblems.Field(name, "the book side, best level first (may be empty)");
            }

            for (var i = 0; i < levels.Count; i++)
            {
                if (levels[i].Price is not > 0 || levels[i].Size is not >= 0)
                {
                    return ApiProblems.Field($"{name}[{i}]", "a positive price and a size of zero or more");
                }
            }

            sizes[k] = [.. levels.Take(request.Levels).Select(l => l.Size!.Value)];
        }

        if (sizes[0].Sum() + sizes[1].Sum() <= 0)
        {
            return ApiProblems.Field("bids", "the book holds no size on either side");
        }

        return TypedResults.Ok(new BookImbalanceResponse(BookImbalance.Of(sizes[0], sizes[1], request.Levels), sizes[0].Sum(),
            sizes[1].Sum(), request.Levels));
    }

    public static Results<Ok<KyleLambdaResponse>, ValidationProblem> KyleLambdaOf(KyleLambdaRequest request)
    {
        if (request.PriceChanges is not { Count: >= 3 } changes || changes.Any(x => !double.IsFinite(x)))
        {
            return ApiProblems.Field("priceChanges", "three or more finite price changes, one per interval");
        }

        if (request.SignedVolumes is not { } volumes || volumes.Count != changes.Count || volumes.Any(x => !double.IsFinite(x)))
        {
            return ApiProblems.Field("signedVolumes", $"one finite signed volume per price change ({changes.Count})");
        }

        var (lambda, intercept, r2) = KyleLambda.Estimate([.. changes], [.. volumes]);
        return double.IsFinite(lambda)
            ? TypedResults.Ok(new KyleLambdaResponse(lambda, intercept, r2, changes.Count))
            : ApiProblems.Field("signedVolumes", "the signed volumes do not vary: no slope to estimate");
    }

    public static Results<Ok<SpreadsResponse>, ValidationProblem> Spreads(SpreadsRequest request)
    {
        if (request.Trades is not { Count: > 0 and <= MaxTrades } trades)
        {
            return ApiProblems.Field("trades", $"1 to {MaxTrades:N0} trades");
        }

        var views = new SpreadsView[trades.Count];
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i];
            if (t.Price is not > 0)
            {
                return ApiProblems.Field($"trades[{i}].price", "a positive price");
            }

            if (!TryParseSide(t.Side, out var side))
            {
                return ApiProblems.Field($"trades[{i}].side", "buy or sell");
            }

            if (t.Midpoint is not > 0 || t.MidpointLater is not > 0)
            {
                return ApiProblems.Field($"trades[{i}].{(t.Midpoint is not > 0 ? "midpoint" : "midpointLater")}", "a positive midpoint");
            }

            var s = TradeSpreads.Of(t.Price.Value, side == AggressorSide.Buyer ? 1 : -1, t.Midpoint.Value, t.MidpointLater.Value);
            views[i] = new SpreadsView(s.Effective, s.Realised, s.PriceImpact, s.EffectiveRelative, s.RealisedRelative);
        }

        return TypedResults.Ok(new SpreadsResponse(views, new SpreadsView(views.Average(v => v.Effective), views.Average(v => v.Realised),
            views.Average(v => v.PriceImpact), views.Average(v => v.EffectiveRelative), views.Average(v => v.RealisedRelative))));
    }

    public static Results<Ok<ClassifyResponse>, ValidationProblem> Classify(ClassifyRequest request)
    {
        if (request.Method is not { } name || !Methods.TryGetValue(name, out var method))
        {
            return ApiProblems.Field("method", "one of tick, quote, lee-ready, emo");
        }

        if (request.Trades is not { Count: > 0 and <= MaxTrades } trades)
        {
            return ApiProblems.Field("trades", $"1 to {MaxTrades:N0} trades in time order");
        }

        var classifier = new TradeClassifier(method);
        var sides = new string[trades.Count];
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i];
            if (t.Price is not (> 0 and var price) || !double.IsFinite(price))
            {
                return ApiProblems.Field($"trades[{i}].price", "a positive price");
            }

            if (t.Size is not >= 0)
            {
                return ApiProblems.Field($"trades[{i}].size", "the trade's size, zero or more");
            }

            if (method is not ClassificationMethod.Tick && (t.Bid is null || t.Ask is null))
            {
                return ApiProblems.Field($"trades[{i}].{(t.Bid is null ? "bid" : "ask")}", $"{name} reads the quote in force");
            }

            sides[i] = Name(classifier.Classify(price, t.Bid ?? double.NaN, t.Ask ?? double.NaN));
        }

        return TypedResults.Ok(new ClassifyResponse(sides));
    }

    public static Results<Ok<ComputeResponse>, ValidationProblem> Compute(ComputeRequest request)
    {
        if (request.Trades is not { Count: > 0 and <= MaxTrades } trades)
        {
            return ApiProblems.Field("trades", $"1 to {MaxTrades:N0} trades, oldest first");
        }

        if (request.BucketVolume is not (> 0 and var bucketVolume) || !double.IsFinite(bucketVolume))
        {
            return ApiProblems.Field("bucketVolume", "a positive volume per bucket");
        }

        if (request.Buckets is < 1 or > 10_000)
        {
            return ApiProblems.Field("buckets", "1 to 10,000 buckets");
        }

        if (!Classifications.TryGetValue(request.Classification ?? "", out var classification))
        {
            return ApiProblems.Field("classification", "one of bvc, tick, given");
        }

        if (request.BarSeconds is < 0 or > 86_400 || !double.IsFinite(request.BarSeconds))
        {
            return ApiProblems.Field("barSeconds", "0 (every trade a bar) to 86,400 seconds");
        }

        var series = new SeriesTrade[trades.Count];
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i];
            if (t.Ts is not { } ts)
            {
                return ApiProblems.Field($"trades[{i}].ts", "the trade's time");
            }

            if (i > 0 && ts < trades[i - 1].Ts)
            {
                return ApiProblems.Field($"trades[{i}].ts", "trades are oldest first");
            }

            if (t.Price is not (> 0 and var price) || !double.IsFinite(price))
            {
                return ApiProblems.Field($"trades[{i}].price", "a positive price");
            }

            if (t.Size is not (>= 0 and var size) || !double.IsFinite(size))
            {
                return ApiProblems.Field($"trades[{i}].size", "a volume of zero or more");
            }

            var side = AggressorSide.None;
            if (classification == VolumeClassification.Given && !TryParseSide(t.Side, out side))
            {
                return ApiProblems.Field($"trades[{i}].side", "buy or sell (the given classification takes each trade's side)");
            }

            series[i] = new SeriesTrade(UnixNanos.From(ts).Value, price, size, side);
        }

        var result = VpinSeries.Compute(series, bucketVolume, request.Buckets, classification, (long)(request.BarSeconds * 1e9));
        return TypedResults.Ok(new ComputeResponse(result.Vpin, result.BucketCount, result.BuyVolume, result.SellVolume));
    }

    /// <summary>A rule's name in requests and answers.</summary>
    public static string NameOf(ClassificationMethod method) => Methods.First(m => m.Value == method).Key;

    private static bool TryParseSide(string? text, out AggressorSide side)
    {
        side = text?.ToLowerInvariant() switch { "buy" => AggressorSide.Buyer, "sell" => AggressorSide.Seller, _ => AggressorSide.None };
        return side != AggressorSide.None;
    }

    private static string Name(AggressorSide side) => side switch
    {
        AggressorSide.Buyer => "buy",
        AggressorSide.Seller => "sell",
        _ => "unknown",
    };
}
