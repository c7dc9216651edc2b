using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Contracts;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.MarketData.Engine.Instruments;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.MarketData.Engine.Pipeline;
using Nautilus.Model;
using Nautilus.Storage;

namespace Nautilus.MarketData.Engine.Apis;

/// <summary>Latest quotes and books, stored bars and trades (paged), and what the pipeline has done.</summary>
public static class MarketDataApi
{
    public sealed record MarketDataStatsReport(
        long Trades, long Quotes, long Books, long BarsClosed, long LateTradesForBars, long Rejected, IReadOnlyDictionary<string, long> RejectedByReason,
        long CacheHits, long CacheMisses, double CacheHitRate);

    public static IEndpointRouteBuilder MapMarketDataApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Market data");
        api.MapGet("/quotes", ListQuotesAsync).WithName("ListQuotes").WithSummary("The latest quote of every instrument that has one.");
        api.MapGet("/quotes/{symbol}", GetQuoteAsync).WithName("GetQuote").WithSummary("Latest quote (Redis cache first).");
        api.MapGet("/book/{symbol}", GetBookAsync).WithName("GetBook").WithSummary("Latest 10-level book (Redis cache first).");
        api.MapGet("/bars/{symbol}", GetBarsAsync).WithName("GetBars")
            .WithSummary("Stored bars of an interval (1, 60, 3600 or 86400 s) in [from, to] (default: the last day), oldest first, paged by cursor; " +
                         "the bar still being built is in `current`.");
        api.MapGet("/trades/{symbol}", GetTradesAsync).WithName("GetTrades")
            .WithSummary("Stored trades in [from, to] (default: the last hour), oldest first, paged by cursor.");
        api.MapGet("/marketdata/stats", GetStats).WithName("GetMarketDataStats")
            .WithSummary("Ticks accepted and rejected per reason, books, bars closed, cache hit rate.");
        return app;
    }

    public static async Task<Ok<LatestQuote[]>> ListQuotesAsync(InstrumentRepository instruments, LatestMarketCache cache, CancellationToken ct)
    {
        var all = await instruments.ListAsync(ct);
        var quotes = await Task.WhenAll(all.Select(i => cache.GetQuoteAsync(i.Symbol)));
        return TypedResults.Ok(quotes.OfType<LatestQuote>().ToArray());
    }

    public static async Task<Results<Ok<LatestQuote>, ProblemHttpResult>> GetQuoteAsync(string symbol, InstrumentRepository instruments,
        LatestMarketCache cache) =>
        !instruments.IsKnown(symbol) ? ApiProblems.NotFound("symbol", symbol, "instrument")
        : await cache.GetQuoteAsync(symbol) is { } quote ? TypedResults.Ok(quote)
        : ApiProblems.NotFound("symbol", symbol, "quote for instrument");

    public static async Task<Results<Ok<LatestBook>, ProblemHttpResult>> GetBookAsync(string symbol, InstrumentRepository instruments,
        LatestMarketCache cache) =>
        !instruments.IsKnown(symbol) ? ApiProblems.NotFound("symbol", symbol, "instrument")
        : await cache.GetBookAsync(symbol) is { } book ? TypedResults.Ok(book)
        : ApiProblems.NotFound("symbol", symbol, "book for instrument");


    public static async Task<Results<Ok<BarPage>, ValidationProblem, ProblemHttpResult>> GetBarsAsync(
        string symbol, InstrumentRepository instruments, MarketDataRepository repository, MarketDataPipeline pipeline,
        int interval = 60, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 1000, string? cursor = null,
        CancellationToken ct = default)
    {
        if (!instruments.IsKnown(symbol))
        {
            return ApiProblems.NotFound("symbol", symbol, "instrument");
        }

        if (!MarketDataPipeline.StoredIntervals.Contains(interval))
        {
            return ApiProblems.Field("interval", $"one of {string.Join(", ", MarketDataPipeline.StoredIntervals)} seconds");
        }

        var end = to ?? DateTimeOffset.UtcNow;
        if (Range(symbol, from ?? end.AddDays(-1), end, limit, cursor, out var query) is { } problem)
        {
            return problem;
        }

        var page = await repository.GetBarsAsync(query, interval, ct);
        var instrument = new InstrumentSpec(instruments.Cached(symbol)!);
        return TypedResults.Ok(new BarPage(page.Items.Select(instrument.ToBar).ToArray(), page.NextCursor,
            pipeline.CurrentBar(instrument.Id, interval)));
    }

    public static async Task<Results<Ok<TradePage>, ValidationProblem, ProblemHttpResult>> GetTradesAsync(
        string symbol, InstrumentRepository instruments, MarketDataRepository repository,
        DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 1000, string? cursor = null, CancellationToken ct = default)
    {
        if (!instruments.IsKnown(symbol))
        {
            return ApiProblems.NotFound("symbol", symbol, "instrument");
        }

        var end = to ?? DateTimeOffset.UtcNow;
        if (Range(symbol, from ?? end.AddHours(-1), end, limit, cursor, out var query) is { } problem)
        {
            return problem;
        }

        var page = await repository.GetTradesAsync(query, ct);
        var instrument = new InstrumentSpec(instruments.Cached(symbol)!);
        return TypedResults.Ok(new TradePage(page.Items.Select(instrument.ToTrade).ToArray(), page.NextCursor));
    }

    public static Ok<MarketDataStatsReport> GetStats(MarketDataPipeline pipeline, MarketDataStats stats, LatestMarketCache cache)
    {
        var rejected = pipeline.Validator.Rejected;
        return TypedResults.Ok(new MarketDataStatsReport(stats.Trades, stats.Quotes, stats.Books, stats.BarsClosed, pipeline.LateTradesForBars,
            rejected.Values.Sum(), rejected.ToDictionary(r => r.Key.ToString(), r => r.Value),
            cache.Hits, cache.Misses, Math.Round(cache.HitRate, 4)));
    }

    private static ValidationProblem? Range(string symbol, DateTimeOffset from, DateTimeOffset to, int limit, string? cursor, out RangeQuery query)
    {
        query = default;
        try
        {
            query = RangeQuery.Create(symbol, from.UtcDateTime, to.UtcDateTime, limit, cursor);
            return null;
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Field(ex.ParamName ?? "query", ex.Message.Split(" (Parameter")[0]);
        }
    }
}
