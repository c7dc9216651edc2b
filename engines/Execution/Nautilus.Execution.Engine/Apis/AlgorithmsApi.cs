using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Execution.Contracts;
using Nautilus.Execution.Domain.Algorithms;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Execution.Engine.State;
using Nautilus.Model;

namespace Nautilus.Execution.Engine.Apis;

/// <summary>Execution algorithms: TWAP and VWAP parent orders, and their schedules computed statelessly.</summary>
public static class AlgorithmsApi
{
    public static IEndpointRouteBuilder MapAlgorithmsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/execution/algorithms").WithTags("Algorithms");
        api.MapPost("/", StartAsync).WithName("StartAlgorithm")
            .WithSummary("Works a parent order by TWAP or VWAP from now: each slice a market order through the pre-trade check.");
        api.MapGet("/", (AlgorithmRunner runner) => TypedResults.Ok(runner.All)).WithName("ListAlgorithms")
            .WithSummary("Parent orders with their schedules and progress.");
        api.MapGet("/{id}", (string id, AlgorithmRunner runner) =>
                runner.Find(id) is { } view ? (IResult)TypedResults.Ok(view) : ApiProblems.NotFound("id", id, "algorithm"))
            .WithName("GetAlgorithm").WithSummary("One parent order and its progress.");
        api.MapDelete("/{id}", (string id, AlgorithmRunner runner) =>
                runner.Cancel(id) ? (IResult)TypedResults.Accepted($"/api/execution/algorithms/{id}", runner.Find(id))
                    : ApiProblems.NotFound("id", id, "algorithm"))
            .WithName("CancelAlgorithm").WithSummary("Stops a parent order: no more slices, working children cancelled.");
        api.MapPost("/schedule", Schedule).WithName("ComputeSchedule")
            .WithSummary("Stateless: the slices TWAP or VWAP would send (seconds from the start, quantity), for a lot size.");
        return app;
    }

    public static async Task<Results<Accepted<AlgorithmView>, ValidationProblem>> StartAsync(AlgorithmEntry entry,
        InstrumentDirectory instruments,
        AlgorithmRunner runner, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(entry.Symbol) || await instruments.GetAsync(entry.Symbol, ct) is not { } instrument)
        {
            return ApiProblems.Field("symbol", $"unknown instrument '{entry.Symbol}': not in the MarketData engine's master");
        }

        if (!Enum.TryParse<OrderSide>(entry.Side, true, out var side) || !Enum.IsDefined(side))
        {
            return ApiProblems.Field("side", $"'{entry.Side}' is not Buy or Sell");
        }

        try
        {
            var view = runner.Start(entry, instrument, side, new StrategyId(entry.StrategyId ?? "operator"),
                new PortfolioId(entry.PortfolioId));
            return TypedResults.Accepted($"/api/execution/algorithms/{view.Id}", view);
        }
        catch (OrderValidationException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
        catch (ArgumentException ex)
        {
            return ApiProblems.Field(ex.ParamName ?? "portfolioId", ex.Message);
        }
    }

    public static Results<Ok<IReadOnlyList<SliceView>>, ValidationProblem> Schedule(AlgorithmEntry entry, decimal lotSize = 1)
    {
        if (lotSize <= 0)
        {
            return ApiProblems.Field("lotSize", $"{lotSize}: must be positive");
        }

        try
        {
            var start = new UnixNanos(0);
            var duration = TimeSpan.FromSeconds(entry.DurationSeconds);
            var slices = SliceSchedule.Of(entry.Algorithm, entry.Quantity, lotSize, start, duration, entry.Slices, entry.Profile);
            return TypedResults.Ok<IReadOnlyList<SliceView>>([.. slices.Select(s => new SliceView(s.Index, (s.At - start).TotalSeconds,
                s.Quantity))]);
        }
        catch (OrderValidationException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }
}
