using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Factor.Contracts;
using Nautilus.Factor.Domain;
using Nautilus.Factor.Engine.Extensions;

namespace Nautilus.Factor.Engine.Apis;

/// <summary>The factor model's calculations on raw inputs: stateless, for notebooks and other engines.</summary>
public static class FactorCalculationsApi
{
    private const string Conventions =
        "r_i = market + sector(i) + Σ_k style_k·x_ik + ε_i by weighted least squares (weights as given: √market cap in a Barra " +
        "model), sectors constrained to sum to zero so the market is their average; solved jointly with the styles. Sectors " +
        "are reported by name; R² is weighted: 1 − Σwε² / Σw(r − r̄_w)².";

    public static IEndpointRouteBuilder MapFactorCalculationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/factors").WithTags("Factor calculations");
        api.MapPost("/regress", Regress).WithName("RegressFactorReturns")
            .WithSummary("Stateless cross-sectional regression of one day's returns on market, sector and style factors.")
            .WithDescription(Conventions);
        api.MapPost("/covariance", Covariance).WithName("FactorCovariance")
            .WithSummary("Stateless factor covariance: exponentially weighted (half-life in days), optionally Newey-West adjusted, × 252.")
            .WithDescription("Weights 0.5^(age / halfLife); deviations from the weighted mean; lag-l autocovariances added with Bartlett " +
                "weights 1 − l / (lags + 1) (Barra USE4).");
        api.MapPost("/risk", Risk).WithName("FactorRiskDecomposition")
            .WithSummary("Stateless risk decomposition of a portfolio: x'Fx + Σ w²σ², each factor's Euler share x_k (Fx)_k / total.");
        return app;
    }

    public static Results<Ok<RegressResponse>, ValidationProblem> Regress(RegressRequest request, FactorMetrics metrics)
    {
        if (request.Returns is not { } returns)
        {
            return ApiProblems.Field("returns", "one return per asset is required");
        }

        if (request.Exposures is not { } exposures)
        {
            return ApiProblems.Field("exposures", "a row of style exposures per asset is required");
        }

        if (request.Sectors is not { } sectors)
        {
            return ApiProblems.Field("sectors", "a sector per asset is required");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = CrossSectionalRegression.Regress(returns, sectors, exposures,
                request.Weights ?? Enumerable.Repeat(1.0, returns.Length).ToArray());
            metrics.Regressed(returns.Length, Stopwatch.GetElapsedTime(started));
            return TypedResults.Ok(new RegressResponse(result.Market,
                result.SectorNames.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => result.Sectors[p.i],
                    StringComparer.Ordinal),
                result.Styles, result.Residuals, result.RSquared));
        }
        catch (FactorInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    public static Results<Ok<FactorCovarianceResponse>, ValidationProblem> Covariance(FactorCovarianceRequest request)
    {
        if (request.FactorReturns is not { } days)
        {
            return ApiProblems.Field("factorReturns", "days of factor returns are required");
        }

        try
        {
            var covariance = FactorRiskModel.FactorCovariance(days, request.HalfLife, request.NeweyWestLags);
            var k = covariance.GetLength(0);
            return TypedResults.Ok(new FactorCovarianceResponse(
                [.. Enumerable.Range(0, k).Select(a => Enumerable.Range(0, k).Select(b => covariance[a, b]).ToArray())],
                [.. Enumerable.Range(0, k).Select(a => Math.Sqrt(covariance[a, a]))]));
        }
        catch (FactorInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    public static Results<Ok<RiskDecompositionResponse>, ValidationProblem> Risk(RiskDecompositionRequest request)
    {
        if (request.Weights is not { } weights)
        {
            return ApiProblems.Field("weights", "the portfolio's weights are required");
        }

        if (request.Exposures is not { } exposures)
        {
            return ApiProblems.Field("exposures", "a row of factor exposures per asset is required");
        }

        if (request.FactorCovariance is not { } rows || rows.Length == 0 || rows.Any(r => r is null || r.Length != rows.Length))
        {
            return ApiProblems.Field("factorCovariance", "a square factor covariance is required");
        }

        if (request.SpecificVariances is not { } specific)
        {
            return ApiProblems.Field("specificVariances", "each asset's specific variance is required");
        }

        var k = rows.Length;
        if (request.FactorNames is { } names && names.Count != k)
        {
            return ApiProblems.Field("factorNames", $"{names.Count} names for {k} factors");
        }

        var covariance = new double[k, k];
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                covariance[a, b] = rows[a][b];
            }
        }

        try
        {
            var risk = FactorRiskModel.Decompose(weights, exposures, covariance, specific);
            return TypedResults.Ok(new RiskDecompositionResponse(risk.Volatility, risk.TotalVariance, risk.FactorVariance,
                risk.SpecificVariance,
                [.. risk.Exposures.Select((x, j) =>
                    new FactorRiskShare(request.FactorNames?[j] ?? $"factor{j}", x, risk.FactorContributions[j]))],
                risk.SpecificContribution));
        }
        catch (FactorInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }
}
