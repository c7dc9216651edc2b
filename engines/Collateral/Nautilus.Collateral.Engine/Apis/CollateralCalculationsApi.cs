using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Collateral.Contracts;
using Nautilus.Collateral.Domain.Allocation;
using Nautilus.Collateral.Domain.Forecast;
using Nautilus.Collateral.Domain.Margin;
using Nautilus.Collateral.Domain.SaCcr;
using Nautilus.Collateral.Engine.Extensions;
using Nautilus.Collateral.Engine.Models;
using Nautilus.Engine.Hosting;

namespace Nautilus.Collateral.Engine.Apis;

/// <summary>The margin and exposure calculations over raw inputs, for notebooks: nothing is read or stored.</summary>
public static class CollateralCalculationsApi
{
    public static IEndpointRouteBuilder MapCollateralCalculationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/collateral").WithTags("Calculations");
        api.MapPost("/sa-ccr", SaCcr).WithName("SaCcr")
            .WithSummary("Stateless: SA-CCR exposure at default per netting set, EAD = 1.4 (RC + PFE) (BCBS 279), margined or not, with " +
                "the add-on of each asset class, and the total.");
        api.MapPost("/margin", Margin).WithName("Margin")
            .WithSummary("Stateless: initial and maintenance margin of positions by reg-t (Reg T 50 %, FINRA 4210 maintenance), " +
                "portfolio (worst loss over a ±15 % price and ±25 % volatility grid) or simm-equity-delta (ISDA SIMM v2.6 parameters).");
        api.MapPost("/simm", Simm).WithName("SimmEquityDelta")
            .WithSummary("Stateless: SIMM equity delta margin of sensitivities (USD per 1 %) with ISDA SIMM v2.6 risk weights, " +
                "correlations and concentration thresholds.");
        api.MapPost("/cross-margin", CrossMargin).WithName("CrossMargin")
            .WithSummary("Stateless: books margined apart and together; benefit = Σ standalone − combined.");
        api.MapPost("/forecast", Forecast).WithName("MarginForecast")
            .WithSummary("Stateless: utilisation (maintenance ÷ equity) projected minute by minute as each underlying moves against the " +
                "account by z_q σ √t; the minute it reaches 1 is the margin call's lead time.");
        api.MapPost("/allocate", Allocate).WithName("AllocateCollateral")
            .WithSummary("Stateless: least-cost allocation of collateral assets to requirements after haircuts and eligibility (a " +
                "linear programme, GLOP); what cannot be covered is reported as shortfall.");
        return app;
    }

    public static Results<Ok<SaCcrResponse>, ValidationProblem> SaCcr(SaCcrRequest request, CollateralMetrics metrics)
    {
        var problems = new InputProblems();
        var sets = SaCcrInputs.Parse(request, problems);
        if (problems.Any)
        {
            return ApiProblems.Fields(problems.All);
        }

        var started = Stopwatch.GetTimestamp();
        var exposures = sets.Select(SaCcrCalculator.Calculate).Select(r => new NettingSetExposure(r.NettingSet, r.Ead, r.ReplacementCost,
            r.Pfe, r.Multiplier, r.AddOn, r.AddOnByAssetClass.ToDictionary(a => SaCcrInputs.NameOf(a.Key), a => a.Value))).ToArray();
        metrics.Calculated("sa-ccr", started);
        return TypedResults.Ok(new SaCcrResponse(exposures, exposures.Sum(e => e.Ead)));
    }

    public static Results<Ok<MarginResponse>, ValidationProblem> Margin(MarginRequest request, CollateralMetrics metrics)
    {
        var problems = new InputProblems();
        var model = MarginInputs.Model(request.Model, "model", problems);
        var positions = MarginInputs.Positions(request.Positions, "positions", problems);
        if (request.Equity is { } e && !double.IsFinite(e))
        {
            problems.Add("equity", "is a finite number");
        }

        if (problems.Any)
        {
            return ApiProblems.Fields(problems.All);
        }

        var started = Stopwatch.GetTimestamp();
        var requirement = model!.Requirement(positions);
        metrics.Calculated(model.Name, started);
        return TypedResults.Ok(View(requirement, request.Equity));
    }

    public static Results<Ok<SimmResponse>, ValidationProblem> Simm(SimmRequest request, CollateralMetrics metrics)
    {
        var problems = new InputProblems();
        if (request.Sensitivities is not { } sensitivities)
        {
            return ApiProblems.Field("sensitivities", "the equity delta sensitivities (may be empty)");
        }

        var parsed = new EquitySensitivity[sensitivities.Count];
        for (var i = 0; i < sensitivities.Count; i++)
        {
            var s = sensitivities[i];
            if (string.IsNullOrWhiteSpace(s.Issuer))
            {
                problems.Add($"sensitivities[{i}].issuer", "is required");
            }

            if (s.Bucket is < 1 or > SimmEquityParameters.Buckets)
            {
                problems.Add($"sensitivities[{i}].bucket", "a SIMM equity bucket, 1 to 12 (none: residual)");
            }

            parsed[i] = new EquitySensitivity(s.Issuer ?? "", s.Bucket, problems.Number(s.Delta, $"sensitivities[{i}].delta"));
        }

        if (problems.Any)
        {
            return ApiProblems.Fields(problems.All);
        }

        var started = Stopwatch.GetTimestamp();
        var result = SimmEquityDelta.Calculate(parsed);
        metrics.Calculated("simm", started);
        return TypedResults.Ok(new SimmResponse(result.Version, result.DeltaMargin,
            [.. result.Buckets.Select(b => new SimmBucketView(b.Bucket, b.Margin, b.BoundedSum, b.WeightedSum))]));
    }

    public static Results<Ok<CrossMarginResponse>, ValidationProblem> CrossMargin(CrossMarginRequest request, CollateralMetrics metrics)
    {
        var problems = new InputProblems();
        var model = MarginInputs.Model(request.Model, "model", problems);
        if (request.Books is not { Count: >= 2 } books)
        {
            return ApiProblems.Field("books", "at least two books of positions");
        }

        var parsed = books.Select((b, i) => MarginInputs.Positions(b, $"books[{i}]", problems)).ToArray();
        if (problems.Any)
        {
            return ApiProblems.Fields(problems.All);
        }

        var started = Stopwatch.GetTimestamp();
        var result = CrossMargining.Calculate(model!, parsed);
        metrics.Calculated("cross-margin", started);
        return TypedResults.Ok(new CrossMarginResponse(result.Model, result.Standalone, result.Combined, result.Benefit));
    }

    public static Results<Ok<ForecastResponse>, ValidationProblem> Forecast(ForecastRequest request, CollateralMetrics metrics)
    {
        var problems = new InputProblems();
        var model = MarginInputs.Model(request.Model, "model", problems);
        var positions = MarginInputs.Positions(request.Positions, "positions", problems);
        var equity = problems.Number(request.Equity, "equity", 0, exclusiveMin: true);
        if (request.HorizonMinutes is < 1 or > 1_440)
        {
            problems.Add("horizonMinutes", "1 to 1,440 minutes");
        }

        if (request.Quantile is <= 0.5 or >= 1 || double.IsNaN(request.Quantile))
        {
            problems.Add("quantile", "above 0.5 and below 1 (0.99: a move exceeded 1 % of the time)");
        }

        var volatilities = request.Volatilities ?? new Dictionary<string, double>();
        foreach (var underlying in positions.Select(p => p.Underlying).Distinct(StringComparer.Ordinal))
        {
            if (!volatilities.TryGetValue(underlying, out var v) || !(v >= 0) || !double.IsFinite(v))
            {
                problems.Add($"volatilities.{underlying}", "each underlying's volatility per √minute (0.001 = 0.1 %), 0 or more");
            }
        }

        if (problems.Any)
        {
            return ApiProblems.Fields(problems.All);
        }

        var started = Stopwatch.GetTimestamp();
        var forecast = MarginCallForecast.Project(model!, positions, equity, volatilities, request.HorizonMinutes, request.Quantile);
        metrics.Calculated("forecast", started);
        return TypedResults.Ok(ForecastViews.Of(model!.Name, forecast));
    }

    public static Results<Ok<AllocationResponse>, ValidationProblem> Allocate(AllocationRequest request, CollateralMetrics metrics)
    {
        var problems = new InputProblems();
        var (assets, requirements) = AllocationInputs.Parse(request, problems);
        if (problems.Any)
        {
            return ApiProblems.Fields(problems.All);
        }

        var started = Stopwatch.GetTimestamp();
        var result = CollateralAllocator.Allocate(assets, requirements);
        metrics.Calculated("allocation", started);
        return TypedResults.Ok(AllocationInputs.View(result));
    }

    public static MarginResponse View(MarginRequirement requirement, double? equity) =>
        new(requirement.Model, requirement.Initial, requirement.Maintenance,
            [.. requirement.Positions.Select(p => new PositionMarginView(p.Instrument, p.Initial, p.Maintenance))],
            equity is > 0 ? requirement.Maintenance / equity : null);
}
