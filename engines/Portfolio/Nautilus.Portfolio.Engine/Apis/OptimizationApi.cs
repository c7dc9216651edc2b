using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Portfolio.Contracts;
using Nautilus.Portfolio.Domain;
using Nautilus.Portfolio.Engine.Calculations;
using Nautilus.Portfolio.Engine.Extensions;

namespace Nautilus.Portfolio.Engine.Apis;

/// <summary>The Portfolio engine's optimisers on raw inputs: stateless, for notebooks, the UI and other engines.</summary>
public static class OptimizationApi
{
    private const string Conventions =
        "PyPortfolioOpt's conventions: daily simple returns without filling gaps; expected returns compounded, " +
        "prod(1 + r)^(252 / count) − 1 per asset (or exponentially weighted, span 500, or CAPM on the equal-weight market); " +
        "covariance × 252 over pairwise-complete days (or Ledoit-Wolf to a constant variance, or exponentially weighted, span 180); " +
        "performance (w·μ, √(w'Σw), (w·μ − riskFree) / √(w'Σw)). Mean-variance objectives are convex QPs solved by our own " +
        "solver (OSQP's ADMM, then the active set solved exactly: `exact` says it was); max-sharpe uses the y = κw change of " +
        "variables; efficient-risk searches the quadratic-utility frontier. cla-* run the Critical Line Algorithm (bounds " +
        "only). erc equalises risk contributions (Spinu's convex form). hrp is López de Prado's, with SciPy's linkage and " +
        "PyPortfolioOpt's bisection. black-litterman: prior implied from marketCaps (δΣw) or the expected returns, posterior " +
        "π + τΣP'(PτΣP' + Ω)⁻¹(Q − Pπ) with Ω = diag(τPΣP') unless views give variances, then max-sharpe on the posterior.";

    public static IEndpointRouteBuilder MapOptimizationApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/portfolio").WithTags("Portfolio optimisation")
            .MapPost("/optimize", Optimize).WithName("OptimizePortfolio")
            .WithSummary("Stateless optimisation of weights from prices, or from expected returns and a covariance.")
            .WithDescription(Conventions);
        return app;
    }

    public static Results<Ok<OptimizeResponse>, ValidationProblem> Optimize(OptimizeRequest request, PortfolioMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = OptimizationRun.Run(request);
            metrics.Optimised(response.Objective, true, Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(response);
        }
        catch (PortfolioInputException ex)
        {
            metrics.Optimised(OptimizationRun.Objectives.Contains(request.Objective) ? request.Objective : "unknown", false,
                Stopwatch.GetElapsedTime(started));
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }
}
