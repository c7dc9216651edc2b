using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Analytics.Contracts;
using Nautilus.Analytics.Domain.Performance;
using Nautilus.Analytics.Domain.Trades;
using Nautilus.Analytics.Engine.Extensions;
using Nautilus.Analytics.Engine.Persistence;
using Nautilus.Engine.Hosting;
using Nautilus.Model;

namespace Nautilus.Analytics.Engine.Apis;

/// <summary>Tear sheets of stored portfolios and of series sent in; rolling statistics.</summary>
public static class TearSheetApi
{
    public static IEndpointRouteBuilder MapTearSheetApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analytics").WithTags("Tear sheets");
        api.MapGet("/portfolios", async (AnalyticsRepository repository, CancellationToken ct) =>
                TypedResults.Ok((await repository.PortfoliosAsync(ct)).Select(p => new StoredPortfolio(p.Portfolio, p.First, p.Last,
                    p.Days))
                    .ToArray()))
            .WithName("GetAnalyticsPortfolios").WithSummary("Portfolios with stored day-end values (from PORTFOLIO_UPDATE), with their " +
                "range.");
        api.MapGet("/portfolios/{portfolio}/tearsheet", PortfolioTearSheetAsync).WithName("GetPortfolioTearSheet")
            .WithSummary("The tear sheet of a portfolio over [from, to] (default: all stored days), from its day-end values.")
            .WithDescription("Returns are day-end value over the previous stored day-end value, minus one; statistics follow " +
                             "POST /api/analytics/metrics (empyrical's conventions).");
        api.MapGet("/strategies", async (AnalyticsRepository repository, CancellationToken ct) =>
                TypedResults.Ok((await repository.StrategiesAsync(ct)).Select(s => new StrategyWithFills(s.Strategy, s.Fills)).ToArray()))
            .WithName("GetAnalyticsStrategies").WithSummary("Strategies with fills (attributed through their ORDER_REQUESTs).");
        api.MapGet("/strategies/{strategy}/tearsheet", StrategyTearSheetAsync).WithName("GetStrategyTearSheet")
            .WithSummary("A strategy's round trips (fills of its orders matched FIFO per instrument, net of fees), their statistics " +
                         "and realised P&L per day, over [from, to) (default: everything).");
        api.MapPost("/tearsheet", TearSheet).WithName("ComputeTearSheet")
            .WithSummary("Stateless tear sheet of dated returns or day-end values: statistics, wealth, underwater, monthly returns, " +
                         "rolling windows.");
        api.MapPost("/rolling", Rolling).WithName("ComputeRolling")
            .WithSummary("Rolling Sharpe, volatility and return, each at its window's last period (null before a full window).");
        return app;
    }

    public static async Task<Results<Ok<TearSheet>, ValidationProblem, ProblemHttpResult>> PortfolioTearSheetAsync(string portfolio,
        AnalyticsRepository repository, AnalyticsMetrics metrics, CancellationToken ct, DateOnly? from = null, DateOnly? to = null,
        int periodsPerYear = 252, int rollingWindow = 63)
    {
        var (start, end) = (from ?? DateOnly.MinValue, to ?? DateOnly.MaxValue);
        if (start > end)
        {
            return ApiProblems.Field("from", $"{start:yyyy-MM-dd} is after to ({end:yyyy-MM-dd})");
        }

        var values = await repository.ValuesAsync(new PortfolioId(portfolio), start, end, ct);
        if (values.Count == 0)
        {
            return ApiProblems.NotFound("portfolio", portfolio, "portfolio with stored values");
        }

        try
        {
            return TypedResults.Ok(Timed(metrics, "portfolio",
                () => TearSheets.FromValues(values, Settings(periodsPerYear, 0, 0, rollingWindow, values.Count))));
        }
        catch (PerformanceInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    public static async Task<Results<Ok<StrategyTearSheet>, ValidationProblem, ProblemHttpResult>> StrategyTearSheetAsync(string strategy,
        AnalyticsRepository repository, AnalyticsMetrics metrics, CancellationToken ct, DateTimeOffset? from = null,
            DateTimeOffset? to = null)
    {
        var (start, end) = (from ?? DateTimeOffset.UnixEpoch, to ?? DateTimeOffset.MaxValue);
        if (start >= end)
        {
            return ApiProblems.Field("from", $"{start:O} is not before to ({end:O})");
        }

        var fills = await repository.StrategyFillsAsync(new StrategyId(strategy), start, end, ct);
        if (fills.Count == 0)
        {
            return ApiProblems.NotFound("strategy", strategy, "strategy with fills");
        }

        var started = Stopwatch.GetTimestamp();
        var trades = RoundTrips.Match(fills);
        var cumulative = 0.0;
        var daily = trades.GroupBy(t => DateOnly.FromDateTime(t.ExitAt.UtcDateTime)).OrderBy(g => g.Key)
            .Select(g => new DailyPnl(g.Key, g.Sum(t => t.Pnl), cumulative += g.Sum(t => t.Pnl))).ToArray();
        var statistics = trades.Count > 0 ? PerformanceStatistics.OfTrades(trades.Select(t => new TradeOutcome(t.Pnl)).ToArray()) : null;
        metrics.Calculated("tearsheet-strategy", started);
        return TypedResults.Ok(new StrategyTearSheet(strategy, fills.Count, trades, statistics, daily, cumulative));
    }

    public static Results<Ok<TearSheet>, ValidationProblem> TearSheet(TearSheetRequest request, AnalyticsMetrics metrics)
    {
        try
        {
            if (request.Values is { } values)
            {
                return TypedResults.Ok(Timed(metrics, "values", () => TearSheets.FromValues(values,
                    Settings(request.PeriodsPerYear, request.RiskFree, request.Mar, request.RollingWindow, values.Length))));
            }

            if (request.Returns is not { Length: > 0 } returns)
            {
                return ApiProblems.Field("returns", "give returns (with dates) or values");
            }

            // Without dates, periods are numbered days from 2000-01-01 so the series still has a calendar for its months.
            var dates = request.Dates ?? Enumerable.Range(0, returns.Length).Select(i => new DateOnly(2000, 1, 1).AddDays(i)).ToArray();
            return TypedResults.Ok(Timed(metrics, "returns", () => TearSheets.FromReturns(dates, returns,
                Settings(request.PeriodsPerYear, request.RiskFree, request.Mar, request.RollingWindow, returns.Length + 1))));
        }
        catch (PerformanceInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    public static Results<Ok<RollingStatistics>, ValidationProblem> Rolling(RollingRequest request, AnalyticsMetrics metrics)
    {
        if (request.Returns is not { Length: > 0 } returns)
        {
            return ApiProblems.Field("returns", "at least one return is needed");
        }

        if (request.Window < 2 || request.Window > returns.Length)
        {
            return ApiProblems.Field("window", $"must be from 2 to the number of returns ({returns.Length}), not {request.Window}");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var rolling = PerformanceStatistics.RollingOf(returns, request.Window, new PerformanceSettings(request.PeriodsPerYear,
                request.RiskFree));
            metrics.Calculated("rolling", started);
            return TypedResults.Ok(rolling);
        }
        catch (PerformanceInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    /// <summary>A rolling window longer than the series is shortened to it rather than refused: a young portfolio still gets a
    /// sheet.</summary>
    private static PerformanceSettings Settings(int periodsPerYear, double riskFree, double mar, int window, int values) =>
        new(periodsPerYear, riskFree, mar, Math.Max(2, Math.Min(window, values - 1)));

    private static TearSheet Timed(AnalyticsMetrics metrics, string kind, Func<TearSheet> build)
    {
        var started = Stopwatch.GetTimestamp();
        var sheet = build();
        metrics.Calculated("tearsheet-" + kind, started);
        return sheet;
    }
}
