using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nautilus.Backtesting.Contracts;
using Nautilus.Backtesting.Domain;
using Nautilus.Backtesting.Domain.Optimisation;
using Nautilus.Backtesting.Engine.Extensions;
using Nautilus.Backtesting.Engine.Persistence;
using Nautilus.Backtesting.Engine.Runs;
using Nautilus.Backtesting.Engine.Sweeps;
using Nautilus.Engine.Hosting;

namespace Nautilus.Backtesting.Engine.Apis;

/// <summary>Parameter sweeps (shared over the bus by the engine's replicas) and walk-forward optimisation.</summary>
public static class SweepsApi
{
    public static IEndpointRouteBuilder MapSweepsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/backtests").WithTags("Sweeps and walk-forward");
        api.MapPost("/sweeps", StartAsync).WithName("StartSweep")
            .WithSummary("Starts a sweep of a grid (every combination) or random draws; split into BACKTEST_WORK items every replica " +
                         "shares. 202 with its id.");
        api.MapGet("/sweeps", async (BacktestRepository repository,
            CancellationToken ct) => TypedResults.Ok(await repository.ListSweepsAsync(ct)))
            .WithName("ListSweeps").WithSummary("Sweeps, newest first, with their progress.");
        api.MapGet("/sweeps/{id}", GetAsync).WithName("GetSweep")
            .WithSummary("A sweep's progress and its points ranked best first (top, default 20; 0 for every point).");
        api.MapPost("/sweeps/{id}/cancel",
            CancelAsync).WithName("CancelSweep").WithSummary("Stops a running sweep: items not yet run are skipped.");
        api.MapDelete("/sweeps/{id}", DeleteAsync).WithName("DeleteSweep").WithSummary("Deletes a sweep and its points.");
        api.MapPost("/walk-forward", WalkForwardAsync).WithName("RunWalkForward")
            .WithSummary("Walk-forward optimisation: the grid swept on each training window, the best run on the following test window; " +
                         "the stitched out-of-sample equity.");
        return app;
    }

    public static async Task<Results<Accepted<SweepStatus>, ValidationProblem, ProblemHttpResult>> StartAsync(SweepRequest request,
        SweepCoordinator coordinator, CancellationToken ct)
    {
        try
        {
            var sweep = await coordinator.StartAsync(request, ct);
            return TypedResults.Accepted($"/api/backtests/sweeps/{sweep.Id}", sweep);
        }
        catch (Exception ex) when (BacktestsApi.FieldProblem(Prefixed(ex)) is { } field)
        {
            return field;
        }
        catch (Exception ex) when (BacktestsApi.DependencyProblem(ex) is { } dependency)
        {
            return dependency;
        }
    }

    public static async Task<Results<Ok<SweepStatus>, ProblemHttpResult>> GetAsync(string id, BacktestRepository repository,
        CancellationToken ct,
        int top = 20) =>
        await repository.GetSweepAsync(id, Math.Max(0, top), ct) is { } sweep ? TypedResults.Ok(sweep) : ApiProblems.NotFound("id", id,
            "sweep");

    public static async Task<Results<Accepted<SweepStatus>, ProblemHttpResult>> CancelAsync(string id, BacktestRepository repository,
        SweepWorker worker, TimeProvider clock, CancellationToken ct)
    {
        if (await repository.GetSweepAsync(id, 0, ct) is not { } sweep)
        {
            return ApiProblems.NotFound("id", id, "sweep");
        }

        if (!await repository.EndSweepAsync(id, RunStatus.Cancelled, "cancelled", clock.GetUtcNow(), ct))
        {
            return ApiProblems.InvalidState("id", id, $"sweep {id} is {sweep.Status}: only a running sweep can be cancelled");
        }

        worker.Forget(id);
        return TypedResults.Accepted($"/api/backtests/sweeps/{id}", sweep with { Status = RunStatus.Cancelled });
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, BacktestRepository repository,
        SweepWorker worker,
        TimeProvider clock, CancellationToken ct)
    {
        await repository.EndSweepAsync(id, RunStatus.Cancelled, "deleted", clock.GetUtcNow(), ct);
        worker.Forget(id);
        return await repository.DeleteSweepAsync(id, ct) ? TypedResults.NoContent() : ApiProblems.NotFound("id", id, "sweep");
    }

    public static async Task<Results<Ok<WalkForwardResult>, ValidationProblem,
        ProblemHttpResult>> WalkForwardAsync(WalkForwardRequest request,
        BacktestInputs inputs, IOptions<BacktestingOptions> options, CancellationToken ct)
    {
        try
        {
            var candidates = ParameterSets.Grid(request.Grid ?? throw new BacktestInputException("grid", "the values to try per parameter"),
                options.Value.MaxSweepCombinations);
            var run = await inputs.PrepareAsync(request.Base, options.Value.MaxBarsPerRun, ct);
            var folds = await Task.Run(() => WalkForward.Run(run.Events, candidates, request.Folds, request.TrainRatio, request.RankBy,
                run.CreateStrategy, run.Settings, ct), ct);
            var equity = new List<EquityPoint>();
            var scale = 1.0;
            foreach (var fold in folds)
            {
                // Each test window starts again from the initial cash: chain them as wealth.
                var points = Runs.ResultViews.EquityOf(fold.OutOfSample.EquityTimes.Select(t => t.ToDateTimeOffset()),
                    fold.OutOfSample.Equity);
                equity.AddRange(points.Select(p => p with { Equity = scale * p.Equity / (double)run.Settings.InitialCash }));
                scale *= fold.OutOfSample.Equity.Count > 0 ? fold.OutOfSample.Equity[^1] / (double)run.Settings.InitialCash : 1;
            }

            var stitched = Runs.ResultViews.EquityOf(equity.Select(p => p.Ts),
                [.. equity.Select(p => p.Equity * (double)run.Settings.InitialCash)]);
            var summary = BacktestSummary.Of((double)run.Settings.InitialCash, [.. stitched.Select(p => p.Equity)],
                [.. folds.SelectMany(f => f.OutOfSample.Trades)], run.Settings.PeriodsPerYear);
            var times = run.Events.Select(e => e.TsEvent).Distinct().ToArray();
            return TypedResults.Ok(new WalkForwardResult(run.Strategy.Name, [.. folds.Select(f => new WalkForwardFold(f.Fold,
                times[f.TrainStart].ToDateTimeOffset(), times[f.TrainEnd - 1].ToDateTimeOffset(), times[f.TestStart].ToDateTimeOffset(),
                times[f.TestEnd - 1].ToDateTimeOffset(), f.Chosen, f.InSample.Summary, f.OutOfSample.Summary))], stitched, summary));
        }
        catch (Exception ex) when (BacktestsApi.FieldProblem(Prefixed(ex)) is { } field)
        {
            return field;
        }
        catch (Exception ex) when (BacktestsApi.DependencyProblem(ex) is { } dependency)
        {
            return dependency;
        }
    }

    /// <summary>Problems of the base backtest are named under <c>base.</c>, as the field appears in the request.</summary>
    private static Exception Prefixed(Exception ex) => ex switch
    {
        BacktestInputException input when input.Field is not ("grid" or "ranges" or "samples" or "rankBy" or "folds" or "trainRatio")
            && !input.Field.StartsWith("ranges.", StringComparison.Ordinal) => new BacktestInputException($"base.{input.Field}",
                input.Problem),
        Strategy.Domain.Catalog.StrategyConfigurationException strategy => new BacktestInputException($"base.{strategy.Field}",
            strategy.Problem),
        _ => ex,
    };
}
