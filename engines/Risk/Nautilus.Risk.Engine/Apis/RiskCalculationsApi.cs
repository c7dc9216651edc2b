using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Risk.Contracts;
using Nautilus.Risk.Domain.Backtesting;
using Nautilus.Risk.Domain.Limits;
using Nautilus.Risk.Domain.Statistics;
using Nautilus.Risk.Domain.Stress;
using Nautilus.Risk.Domain.Var;
using Nautilus.Risk.Engine.Extensions;

namespace Nautilus.Risk.Engine.Apis;

/// <summary>The Risk engine's calculations on raw inputs: stateless, for notebooks and for other engines.</summary>
public static class RiskCalculationsApi
{
    private const string Conventions =
        "Losses are positive numbers (loss = −P&L). Historical VaR at confidence c over N scenarios is the k-th worst loss " +
        "with k = ⌊(1 − c)·N⌋ (it is exceeded by at most (1 − c)·N scenarios); ES is the mean of those k worst losses. " +
        "Parametric: VaR = z_c·σ − μ, ES = σ·φ(z_c)/(1 − c) − μ. Cornish-Fisher corrects z_c for the sample skewness and excess " +
        "kurtosis. Monte Carlo draws multivariate normal paths (sample means, Cholesky factor of the covariance; seeded, optional " +
        "antithetic pairs) and applies the historical rule. With `scaling` sqrt-time (default) σ and losses grow with √horizonDays " +
        "and means with horizonDays; `none` treats the scenarios as horizon outcomes. Covariance: sample (n − 1) or EWMA " +
        "(RiskMetrics, λ = 0.94 by default). Components are Euler allocations that sum to VaR.";

    public static IEndpointRouteBuilder MapRiskCalculationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/risk").WithTags("Risk calculations");
        api.MapPost("/var", Var).WithName("ComputeVar")
            .WithSummary("Stateless VaR and ES of scenario P&L, or of weights or positions over scenario returns.")
            .WithDescription(Conventions);
        api.MapPost("/backtest", Backtest).WithName("BacktestVar")
            .WithSummary("Kupiec POF, Christoffersen independence and conditional coverage, and the Basel traffic light (250 days at 99 " +
                "%).")
            .WithDescription("An exception is a day whose loss (−pnl) exceeds that day's VaR. p-values from χ²(1) and χ²(2); 0·ln 0 = 0.");
        api.MapPost("/stress", Stress).WithName("StressTest")
            .WithSummary("Hypothetical shocks (per instrument, else sector, else Σ beta × factor shock) and the worst days of a " +
                "history, per position and in total.");
        api.MapPost("/pretrade-check", PreTrade).WithName("PreTradeCheck")
            .WithSummary("Stateless pre-trade check of one order against limits and trading states; the answer names every limit breached.")
            .WithDescription("HALTED refuses everything; REDUCING (or a breached daily-loss or drawdown limit) lets through only orders " +
                "that " +
                             "shrink a position without flipping it. Limits apply from every scope the order falls under: Global, its " +
                                 "Portfolio, " +
                             "its Strategy, its Instrument (key = symbol).");
        return app;
    }

    public static Results<Ok<VarResponse>, ValidationProblem> Var(VarRequest request, RiskMetrics metrics)
    {
        if (Parse(request.Method, MethodNames) is not { } method)
        {
            return ApiProblems.Field("method", $"one of {string.Join(", ", MethodNames.Keys)}");
        }

        if (Parse(request.Scaling, ScalingNames) is not { } scaling)
        {
            return ApiProblems.Field("scaling", $"one of {string.Join(", ", ScalingNames.Keys)}");
        }

        if (Parse(request.Covariance, CovarianceNames) is not { } covariance)
        {
            return ApiProblems.Field("covariance", $"one of {string.Join(", ", CovarianceNames.Keys)}");
        }

        var settings = new VarSettings(request.Confidence, request.HorizonDays, scaling, request.Paths, request.Seed, request.Antithetic);
        var started = Stopwatch.GetTimestamp();
        try
        {
            VarResult result;
            if (request.Returns is not null)
            {
                if ((request.Weights is null) == (request.Positions is null))
                {
                    return ApiProblems.Field("weights",
                        "with returns, send either weights or positions (money per asset), not both or neither");
                }

                if (request.Pnl is not null)
                {
                    return ApiProblems.Field("pnl", "send either pnl or returns, not both");
                }

                var field = request.Weights is not null ? "weights" : "positions";
                var exposure = request.Weights ?? request.Positions!;
                try
                {
                    result = ValueAtRisk.OfPositions(request.Returns, exposure, method, settings, covariance, request.Lambda);
                }
                catch (RiskInputException ex) when (ex.Field == "weights")
                {
                    return ApiProblems.Field(field, ex.Problem);
                }
            }
            else if (request.Pnl is not null)
            {
                result = ValueAtRisk.OfPnl(request.Pnl, method, settings);
            }
            else
            {
                return ApiProblems.Field("pnl", "send pnl (scenario P&L) or returns with weights or positions");
            }

            metrics.Calculated("var", request.Method, Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(new VarResponse(result.Var, result.Es, request.Method, result.Confidence, result.HorizonDays,
                result.Components, result.Marginal, result.Notes));
        }
        catch (RiskInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
        catch (NotPositiveSemidefiniteException ex)
        {
            return ApiProblems.Field("returns", ex.Message);
        }
        catch (ArgumentOutOfRangeException ex) when (ex.ParamName == "lambda")
        {
            return ApiProblems.Field("lambda", "the EWMA decay must be strictly between 0 and 1");
        }
    }

    public static Results<Ok<VarBacktestResult>, ValidationProblem> Backtest(BacktestRequest request, RiskMetrics metrics)
    {
        if (request.Pnl is null)
        {
            return ApiProblems.Field("pnl", "the realised P&L per day is required");
        }

        if (request.Var is null)
        {
            return ApiProblems.Field("var", "the VaR that stood for each day is required (positive losses)");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = VarBacktest.Run(request.Pnl, request.Var, request.Confidence);
            metrics.Calculated("backtest", "kupiec-christoffersen", Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(result);
        }
        catch (RiskInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    public static Results<Ok<StressResponse>, ValidationProblem> Stress(StressRequest request, RiskMetrics metrics)
    {
        if (request.Positions is not { Count: > 0 } positions)
        {
            return ApiProblems.Field("positions", "at least one position is needed");
        }

        if (request.Shocks is not { Count: > 0 } && request.History is null)
        {
            return ApiProblems.Field("shocks", "send hypothetical shocks, a history of returns, or both");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var scenarios = new List<StressResult>();
            foreach (var shock in request.Shocks ?? [])
            {
                scenarios.Add(StressTest.Apply(positions, shock));
            }

            if (request.History is { } history)
            {
                if (history.Instruments is null || history.Returns is null)
                {
                    return ApiProblems.Field("history", "a history needs its instruments and its returns");
                }

                scenarios.AddRange(StressTest.WorstHistoricalDays(positions, history.Instruments, history.Returns, history.Dates,
                    history.Worst));
            }

            metrics.Calculated("stress", "scenarios", Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(new StressResponse(scenarios));
        }
        catch (RiskInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    public static Results<Ok<PreTradeDecision>, ValidationProblem> PreTrade(PreTradeRequest request, RiskMetrics metrics)
    {
        if (request.Order is not { } order)
        {
            return ApiProblems.Field("order", "the order to check is required");
        }

        LimitBook limits;
        try
        {
            limits = new LimitBook(request.Limits ?? []);
        }
        catch (LimitConflictException ex)
        {
            return ApiProblems.Fields(ex.Problems);
        }

        var exposure = new PortfolioExposure(order.Portfolio);
        exposure.SetAccount(request.Equity, request.DailyPnl, request.PeakEquity);
        foreach (var (position, i) in (request.Positions ?? []).Select((p, i) => (p, i)))
        {
            if (!double.IsFinite(position.Quantity) || !(position.Price > 0))
            {
                return ApiProblems.Field($"positions[{i}]", "a position needs a finite quantity and a positive price");
            }

            exposure.SetPosition(position.Instrument, position.Quantity, position.Price);
        }

        var decision = PreTradeCheck.Check(new OrderIntent(order.Portfolio, order.Strategy, order.Instrument, order.Side, order.Quantity,
            order.Price),
            exposure, limits, request.GlobalTradingState, request.TradingState, request.OrdersInLastSecond);
        metrics.Checked(decision.Accepted);
        return TypedResults.Ok(decision);
    }

    private static readonly Dictionary<string, VarMethod> MethodNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["historical"] = VarMethod.Historical,
        ["parametric"] = VarMethod.Parametric,
        ["cornish-fisher"] = VarMethod.CornishFisher,
        ["monte-carlo"] = VarMethod.MonteCarlo,
    };

    private static readonly Dictionary<string, HorizonScaling> ScalingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sqrt-time"] = HorizonScaling.SquareRootOfTime,
        ["none"] = HorizonScaling.None,
    };

    private static readonly Dictionary<string, CovarianceMethod> CovarianceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sample"] = CovarianceMethod.Sample,
        ["ewma"] = CovarianceMethod.Ewma,
    };

    private static T? Parse<T>(string? name, Dictionary<string, T> names) where T : struct =>
        name is not null && names.TryGetValue(name, out var value) ? value : null;
}
