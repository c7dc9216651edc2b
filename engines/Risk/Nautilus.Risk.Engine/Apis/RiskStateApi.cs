using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Model;
using Nautilus.Risk.Contracts;
using Nautilus.Risk.Domain.Limits;
using Nautilus.Risk.Engine.Persistence;
using Nautilus.Risk.Engine.State;

namespace Nautilus.Risk.Engine.Apis;

/// <summary>The Risk engine's live state: limits, trading states and the kill switch, portfolios' exposure, the stateful pre-trade
/// check.</summary>
public static class RiskStateApi
{
    public static IEndpointRouteBuilder MapRiskStateApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/risk").WithTags("Risk limits and state");
        api.MapGet("/limits",
            (LiveRisk risk) => TypedResults.Ok(risk.Limits.Limits)).WithName("GetLimits").WithSummary("The limits in force.");
        api.MapPut("/limits", SetLimitAsync).WithName("SetLimit")
            .WithSummary("Sets one limit (scope, key, kind, value), stored with who changed it and why; contradicting limits are refused.");
        api.MapDelete("/limits/{scope}/{kind}", RemoveLimitAsync).WithName("RemoveLimit")
            .WithSummary("Removes a limit (`key` for non-global scopes), stored with who removed it and why.");
        api.MapGet("/limits/history", async (RiskRepository repository, CancellationToken ct, int limit = 100) =>
                TypedResults.Ok(await repository.LimitChangesAsync(Math.Clamp(limit, 1, 10_000), ct)))
            .WithName("GetLimitHistory").WithSummary("Changes to the limits, newest first.");
        api.MapGet("/state",
            GetStatesAsync).WithName("GetTradingStates").WithSummary("Global and per-portfolio trading states, with their history.");
        api.MapPut("/state", SetStateAsync).WithName("SetTradingState")
            .WithSummary("The kill switch: sets the global trading state (or a portfolio's) to Active, Reducing or Halted, with who and " +
                "why.");
        api.MapGet("/portfolios", (LiveRisk risk) => TypedResults.Ok(risk.Portfolios.Select(p => View(p, risk)).ToArray()))
            .WithName("GetPortfolioRisk").WithSummary("Each portfolio's live exposure, state and limit utilisation.");
        api.MapGet("/instruments", (LiveRisk risk) => TypedResults.Ok(risk.Toxicity.OrderBy(t => t.Key.ToString(), StringComparer.Ordinal)
                .Select(t => new InstrumentRiskState(t.Key.ToString(), t.Value, risk.InstrumentStateOf(t.Key))).ToArray()))
            .WithName("GetInstrumentStates")
            .WithSummary("Instruments whose flow VPIN reports toxic or worse, and their trading state (REDUCING on a flash-crash " +
                "warning).");
        api.MapPost("/portfolios/{portfolio}/check", CheckAsync).WithName("CheckOrder")
            .WithSummary("The pre-trade check of an order against the portfolio's live state; an accepted order counts toward its order " +
                "rate.");
        return app;
    }

    public static async Task<Results<Ok<LimitChange>, ValidationProblem>> SetLimitAsync(LimitChangeRequest request, LiveRisk risk,
        CancellationToken ct)
    {
        if (Who(request.ChangedBy, request.Reason) is { } problem)
        {
            return problem;
        }

        var limit = new RiskLimit(request.Scope, request.Key ?? "", request.Kind, request.Value);
        if (limit.Problems().ToArray() is { Length: > 0 } problems)
        {
            return ApiProblems.Fields(problems);
        }

        try
        {
            return TypedResults.Ok(await risk.ChangeLimitAsync(limit.Scope, limit.Key, limit.Kind, limit.Value, request.ChangedBy!,
                request.Reason!, ct));
        }
        catch (LimitConflictException ex)
        {
            return ApiProblems.Fields(ex.Problems);
        }
    }

    public static async Task<Results<Ok<LimitChange>, ValidationProblem, ProblemHttpResult>> RemoveLimitAsync(LimitScope scope,
        LimitKind kind,
        LiveRisk risk, string? changedBy, string? reason, CancellationToken ct, string key = "")
    {
        if (Who(changedBy, reason) is { } problem)
        {
            return problem;
        }

        if (!risk.Limits.TryGet(scope, key, kind, out _))
        {
            return ApiProblems.NotFound("kind", $"{scope}/{key}/{kind}", "limit");
        }

        return TypedResults.Ok(await risk.ChangeLimitAsync(scope, key, kind, null, changedBy!, reason!, ct));
    }

    public static async Task<Ok<TradingStatesResponse>> GetStatesAsync(LiveRisk risk, RiskRepository repository, CancellationToken ct)
    {
        await risk.Loaded.WaitAsync(ct);
        return TypedResults.Ok(new TradingStatesResponse(risk.GlobalState, risk.PortfolioStates.ToDictionary(),
            await repository.StatesAsync(latestOnly: false, 100, ct)));
    }

    public static async Task<Results<Ok<TradingStateChange>, ValidationProblem>> SetStateAsync(TradingStateRequest request, LiveRisk risk,
        CancellationToken ct)
    {
        if (Who(request.ChangedBy, request.Reason) is { } problem)
        {
            return problem;
        }

        if (!Enum.IsDefined(request.State))
        {
            return ApiProblems.Field("state", "one of Active, Reducing, Halted");
        }

        return TypedResults.Ok(await risk.SetStateAsync(request.Portfolio, request.State, request.ChangedBy!, request.Reason!, ct));
    }

    public static async Task<Results<Ok<PreTradeDecision>, ValidationProblem>> CheckAsync(string portfolio, OrderInput order, LiveRisk risk,
        CancellationToken ct)
    {
        if (order.Portfolio.Value != portfolio)
        {
            return ApiProblems.Field("portfolio", $"the order is for portfolio '{order.Portfolio}', the path says '{portfolio}'");
        }

        return TypedResults.Ok(await risk.CheckAsync(
            new OrderIntent(order.Portfolio, order.Strategy, order.Instrument, order.Side, order.Quantity, order.Price), ct));
    }

    private static ValidationProblem? Who(string? changedBy, string? reason) =>
        string.IsNullOrWhiteSpace(changedBy) ? ApiProblems.Field("changedBy", "say who makes the change")
        : string.IsNullOrWhiteSpace(reason) ? ApiProblems.Field("reason", "say why (it is stored with the change)")
        : null;

    private static PortfolioRiskView View(PortfolioExposure exposure, LiveRisk risk)
    {
        var utilisation = new List<LimitUtilisation>();
        foreach (var (scope, key) in LimitBook.PortfolioScopes(exposure.Portfolio))
        {
            foreach (var kind in Enum.GetValues<LimitKind>())
            {
                if (exposure.Measure(kind) is { } value && risk.Limits.TryGet(scope, key, kind, out var limit))
                {
                    utilisation.Add(new LimitUtilisation(scope, key, kind, limit, value, value / limit));
                }
            }
        }

        return new PortfolioRiskView(exposure.Portfolio, risk.StateOf(exposure.Portfolio), exposure.Equity, exposure.DailyPnl,
            exposure.Drawdown,
            exposure.Gross, exposure.Net,
            exposure.Positions.Select(p => new PositionView(p.Key, p.Value.Quantity, p.Value.Price,
                p.Value.Quantity * p.Value.Price)).ToArray(),
            utilisation);
    }
}
