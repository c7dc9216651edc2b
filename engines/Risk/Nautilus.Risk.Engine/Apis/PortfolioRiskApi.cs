using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Contracts;
using Nautilus.Model;
using Nautilus.Risk.Contracts;
using Nautilus.Risk.Domain.Var;
using Nautilus.Risk.Engine.Persistence;
using Nautilus.Risk.Engine.State;

namespace Nautilus.Risk.Engine.Apis;

/// <summary>Risk of the live portfolios from stored history: VaR and its backtest, historical stress; the alert journal.</summary>
public static class PortfolioRiskApi
{
    private const string VarRule =
        "Historical simulation, one-day horizon: today's positions (units × last price) revalued on each day's simple return of " +
        "the stored daily closes (MarketData, daily bars) over the lookback, days all held instruments traded. Positions without " +
        "history are left out and named in `notes`. Every result is stored; the history pairs the last VaR of each UTC day with " +
        "the change of net asset value to the next day's close (PORTFOLIO_UPDATE), an exception being a loss above the VaR.";

    public static IEndpointRouteBuilder MapPortfolioRiskApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/risk").WithTags("Portfolio risk");
        api.MapPost("/portfolios/{portfolio}/var", ComputeVarAsync).WithName("ComputePortfolioVar")
            .WithSummary("Computes, stores and returns the portfolio's VaR and ES now (the schedule does this every few minutes).")
            .WithDescription(VarRule);
        api.MapGet("/portfolios/{portfolio}/var", LatestVarAsync).WithName("GetPortfolioVar")
            .WithSummary("The portfolio's latest stored VaR and ES, with each position's component.").WithDescription(VarRule);
        api.MapGet("/portfolios/{portfolio}/var/history", VarHistoryAsync).WithName("GetPortfolioVarHistory")
            .WithSummary("Stored daily VaR against the P&L that followed, exceptions marked, and their Kupiec/Christoffersen backtest " +
                "(default: the last 250 days).")
            .WithDescription(VarRule);
        api.MapPost("/portfolios/{portfolio}/stress/historical", HistoricalStressAsync).WithName("StressPortfolioHistorically")
            .WithSummary("The worst days of a period (stored daily closes) replayed on the portfolio's current positions.");
        api.MapGet("/alerts", async (RiskHistoryRepository repository, CancellationToken ct, int limit = 100) =>
                TypedResults.Ok(await repository.AlertsAsync(Math.Clamp(limit, 1, 10_000), ct)))
            .WithName("GetRiskAlerts").WithSummary("The RISK_ALERTs the engine published, newest first.");
        return app;
    }

    public static async Task<Results<Ok<PortfolioVar>, ValidationProblem, ProblemHttpResult>> ComputeVarAsync(string portfolio,
        PortfolioVarCalculator calculator, LiveRisk risk, CancellationToken ct)
    {
        await risk.Loaded.WaitAsync(ct);
        try
        {
            return await calculator.ComputeAsync(new PortfolioId(portfolio), ct) is { } var
                ? TypedResults.Ok(var)
                : ApiProblems.NotFound("portfolio", portfolio, "portfolio with positions");
        }
        catch (RiskInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
        catch (Exception ex) when (ex is HttpRequestException or MarketDataRequestException)
        {
            return ApiProblems.Unavailable("marketdata-engine", $"daily closes could not be read: {ex.Message}");
        }
    }

    public static async Task<Results<Ok<PortfolioVar>, ProblemHttpResult>> LatestVarAsync(string portfolio,
        RiskHistoryRepository repository,
        CancellationToken ct) =>
        await repository.LatestVarAsync(new PortfolioId(portfolio), ct) is { } var
            ? TypedResults.Ok(var)
            : ApiProblems.NotFound("portfolio", portfolio, "stored VaR of portfolio");

    public static async Task<Results<Ok<VarHistoryResponse>, ValidationProblem>> VarHistoryAsync(string portfolio,
        PortfolioVarCalculator calculator, TimeProvider clock, CancellationToken ct, DateOnly? from = null, DateOnly? to = null)
    {
        var end = to ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var start = from ?? end.AddDays(-365);
        if (start > end)
        {
            return ApiProblems.Field("from", $"{start:yyyy-MM-dd} is after to ({end:yyyy-MM-dd})");
        }

        return TypedResults.Ok(await calculator.HistoryAsync(new PortfolioId(portfolio), start, end, ct));
    }

    public static async Task<Results<Ok<StressResponse>, ValidationProblem, ProblemHttpResult>> HistoricalStressAsync(string portfolio,
        HistoricalStressRequest request, PortfolioVarCalculator calculator, LiveRisk risk, TimeProvider clock, CancellationToken ct)
    {
        var to = request.To ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var from = request.From ?? to.AddYears(-2);
        if (from >= to)
        {
            return ApiProblems.Field("from", $"{from:yyyy-MM-dd} must be before to ({to:yyyy-MM-dd})");
        }

        await risk.Loaded.WaitAsync(ct);
        try
        {
            return await calculator.WorstDaysAsync(new PortfolioId(portfolio), from, to, request.Worst, ct) is { } results
                ? TypedResults.Ok(new StressResponse(results))
                : ApiProblems.NotFound("portfolio", portfolio, "portfolio with positions");
        }
        catch (RiskInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
        catch (Exception ex) when (ex is HttpRequestException or MarketDataRequestException)
        {
            return ApiProblems.Unavailable("marketdata-engine", $"daily closes could not be read: {ex.Message}");
        }
    }
}
