using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Analytics.Contracts;
using Nautilus.Analytics.Domain.Attribution;
using Nautilus.Analytics.Domain.Performance;
using Nautilus.Analytics.Engine.Extensions;
using Nautilus.Engine.Hosting;

namespace Nautilus.Analytics.Engine.Apis;

/// <summary>The Analytics engine's calculations on raw inputs: stateless, for notebooks and for other engines.</summary>
public static class AnalyticsCalculationsApi
{
    private const string Conventions =
        "empyrical's conventions: missing periods (null) are skipped by means and deviations but counted in the periods " +
        "that annualise the compounded return; sample σ (n − 1); annualReturn = (Π(1 + r))^(P/N) − 1; sharpe = mean(r − rf)/σ·√P; " +
        "sortino = mean(r − mar)·P / downsideRisk with downsideRisk = √mean(min(r − mar, 0)²)·√P; calmar = annualReturn / |maxDrawdown|; " +
        "omega with mar as the per-period threshold; drawdowns negative; alpha compounded to a year and beta net of rf; " +
        "informationRatio = mean(r − b)·P / trackingError, trackingError = σ(r − b)·√P. A statistic the input cannot support is " +
        "null and `notes` says why; nothing is NaN.";

    public static IEndpointRouteBuilder MapAnalyticsCalculationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/analytics").WithTags("Analytics calculations");
        api.MapPost("/metrics", Metrics).WithName("ComputeMetrics")
            .WithSummary("Every performance statistic of a return series (and against a benchmark, of trades, over rolling windows).")
            .WithDescription(Conventions);
        api.MapPost("/attribution", Attribution).WithName("ComputeAttribution")
            .WithSummary("Brinson-Fachler attribution of one period: allocation, selection and interaction per segment and in total.");
        return app;
    }

    public static Results<Ok<PerformanceReport>, ValidationProblem> Metrics(MetricsRequest request, AnalyticsMetrics metrics)
    {
        if (request.Returns is not { Length: > 0 } returns)
        {
            return ApiProblems.Field("returns", "at least one return is needed");
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var report = PerformanceStatistics.Compute(Missing(returns), request.Benchmark is { } b ? Missing(b) : null,
                new PerformanceSettings(request.PeriodsPerYear, request.RiskFree, request.Mar, request.RollingWindow), request.Trades);
            metrics.Calculated("metrics", started);
            return TypedResults.Ok(report);
        }
        catch (PerformanceInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    public static Results<Ok<AttributionResult>, ValidationProblem> Attribution(AttributionRequest request, AnalyticsMetrics metrics)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = BrinsonFachler.Attribute(request.Segments ?? []);
            metrics.Calculated("attribution", started);
            return TypedResults.Ok(result);
        }
        catch (PerformanceInputException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }

    private static double[] Missing(double?[] values) => values.Select(v => v ?? double.NaN).ToArray();
}
