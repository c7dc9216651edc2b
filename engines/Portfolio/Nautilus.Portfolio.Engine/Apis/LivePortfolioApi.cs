using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Portfolio.Contracts;
using Nautilus.Portfolio.Engine.Calculations;
using Nautilus.Portfolio.Engine.Persistence;
using Nautilus.Portfolio.Engine.State;

namespace Nautilus.Portfolio.Engine.Apis;

/// <summary>Portfolios valued live from their fills and the last prices: holdings and P&amp;L, NAV history, fills.</summary>
public static class LivePortfolioApi
{
    public static IEndpointRouteBuilder MapLivePortfolioApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/portfolio/portfolios").WithTags("Live portfolios");
        api.MapGet("/", List).WithName("ListPortfolios")
            .WithSummary("Every portfolio of the book and every one fills were booked to, with its NAV once each holding has a price.");
        api.MapGet("/{id}/valuation", Valuation).WithName("GetPortfolioValuation")
            .WithSummary("Holdings with realised and unrealised P&L (method fifo or average-cost), cash and NAV at the last prices, " +
                "and any difference from the Execution engine's positions.");
        api.MapGet("/{id}/nav", NavAsync).WithName("GetPortfolioNav")
            .WithSummary("The stored NAV history (market time), oldest first: the latest `limit` points between `from` and `to`.");
        api.MapGet("/{id}/fills", Fills).WithName("GetPortfolioFills").WithSummary("The fills booked to the portfolio, oldest first.");
        return app;
    }

    public static IReadOnlyList<PortfolioSummary> List(LivePortfolios live) =>
        [.. live.All().Select(s => new PortfolioSummary(s.PortfolioId, s.Node?.Name, s.Node is not null, s.BaseCurrency,
            s.Value?.Holdings.Count(h => h.Quantity != 0) ?? s.Unpriced.Count, s.Fills, s.Value?.NetAssetValue, s.Unpriced,
            s.AsOf?.ToDateTimeOffset()))];

    public static Results<Ok<LiveValuationView>, ValidationProblem, ProblemHttpResult> Valuation(string id, LivePortfolios live,
        TimeProvider clock, string method = "fifo")
    {
        if (!ValuationViews.Methods.TryGetValue(method, out var cost))
        {
            return ApiProblems.Field("method", $"one of {string.Join(", ", ValuationViews.Methods.Keys)}");
        }

        if (live.Find(id, cost) is not { } state)
        {
            return ApiProblems.NotFound("id", id, "portfolio");
        }

        if (state.Value is not { } value)
        {
            return PortfolioProblems.NotValued(state);
        }

        var breaks = value.Holdings
            .Select(h => (h.Symbol, h.Quantity, Reported: state.Reported.TryGetValue(h.Symbol, out var q) ? q : (double?)null))
            .Where(x => x.Reported is { } r && Math.Abs(r - x.Quantity) > 1e-9)
            .Select(x => new PositionBreak(x.Symbol, x.Quantity, x.Reported!.Value)).ToArray();
        return TypedResults.Ok(new LiveValuationView(id, ValuationViews.Of(value, method), value.Holdings.Sum(h => Math.Abs(h.MarketValue)),
            value.Holdings.Sum(h => h.MarketValue), state.AsOf?.ToDateTimeOffset() ?? clock.GetUtcNow(), breaks));
    }

    public static async Task<Results<Ok<IReadOnlyList<NavPoint>>, ValidationProblem, ProblemHttpResult>> NavAsync(string id,
        LivePortfolios live, PortfolioRepository repository, CancellationToken ct, DateTimeOffset? from = null, DateTimeOffset? to = null,
        int limit = 5_000)
    {
        if (limit is < 1 or > 100_000)
        {
            return ApiProblems.Field("limit", "1 to 100000 points");
        }

        if (from > to)
        {
            return ApiProblems.Field("from", "must not be after to");
        }

        if (live.Find(id) is null)
        {
            return ApiProblems.NotFound("id", id, "portfolio");
        }

        var rows = await repository.NavAsync(id, from ?? DateTimeOffset.MinValue.ToUniversalTime(),
            to ?? DateTimeOffset.MaxValue.ToUniversalTime(), limit, ct);
        return TypedResults.Ok<IReadOnlyList<NavPoint>>([.. rows.Select(r => new NavPoint(r.Ts, r.Nav, r.Cash, r.MarketValue,
            r.GrossExposure, r.Realized, r.Unrealized, r.Fees))]);
    }

    public static Results<Ok<IReadOnlyList<BookedFillView>>, ProblemHttpResult> Fills(string id, LivePortfolios live)
    {
        if (live.Find(id) is null)
        {
            return ApiProblems.NotFound("id", id, "portfolio");
        }

        return TypedResults.Ok<IReadOnlyList<BookedFillView>>([.. live.FillsOf(id).Select(f => new BookedFillView(f.TradeId,
            f.ClientOrderId, f.Symbol, f.Quantity >= 0 ? "Buy" : "Sell", Math.Abs(f.Quantity), f.Price, f.Fee, f.Currency,
            f.Ts.ToDateTimeOffset()))]);
    }
}
