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
        app.MapGroup("/api/factors").WithTags("Factor calculations")
            .MapPost("/regress", Regress).WithName("RegressFactorReturns")
            .WithSummary("Stateless cross-sectional regression of one day's returns on market, sector and style factors.")
            .WithDescription(Conventions);
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
}
