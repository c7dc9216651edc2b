using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Strategy.Contracts;
using Nautilus.Strategy.Domain.Catalog;
using Nautilus.Strategy.Engine.Runtime;

namespace Nautilus.Strategy.Engine.Apis;

/// <summary>Live strategies: deploy, start, pause, stop, parameters, delete; their state; the built-ins.</summary>
public static class StrategiesApi
{
    public static IEndpointRouteBuilder MapStrategiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/strategies").WithTags("Strategies");
        api.MapGet("/catalog", () => TypedResults.Ok(StrategyCatalog.All.Select(d => new
        {
            d.Name,
            d.Description,
            d.Instruments,
            Parameters = d.Parameters.Select(p => new { p.Name, p.Default, p.Min, p.Max, p.Integer, p.Description }),
        })))
            .WithName("GetStrategyCatalog").WithSummary("The built-in strategies and their documented parameters.");
        api.MapPost("/", DeployAsync).WithName("DeployStrategy")
            .WithSummary("Deploys a built-in strategy on symbols, a bar interval, a portfolio and capital; it waits to be started.");
        api.MapGet("/", (StrategyRuntime runtime) => TypedResults.Ok(runtime.Hosts.Select(h => h.View()).ToArray()))
            .WithName("ListStrategies").WithSummary("Deployed strategies with their status, cash, positions and activity.");
        api.MapGet("/{id}", (string id, StrategyRuntime runtime) =>
                runtime.Find(id) is { } host ? (IResult)TypedResults.Ok(host.View()) : ApiProblems.NotFound("id", id, "strategy"))
            .WithName("GetStrategy").WithSummary("One deployed strategy and its state.");
        api.MapPost("/{id}/start", (string id, StrategyRuntime runtime, CancellationToken ct) => MoveAsync(id, runtime.StartAsync, ct))
            .WithName("StartStrategy").WithSummary("Starts (warmed up on stored bars) or resumes a strategy: it trades.");
        api.MapPost("/{id}/pause", (string id, StrategyRuntime runtime, CancellationToken ct) => MoveAsync(id, runtime.PauseAsync, ct))
            .WithName("PauseStrategy").WithSummary("Pauses a running strategy: it keeps its indicators warm, sends no orders.");
        api.MapPost("/{id}/stop", (string id, StrategyRuntime runtime, CancellationToken ct) => MoveAsync(id, runtime.StopAsync, ct))
            .WithName("StopStrategy").WithSummary("Stops a strategy: it sees nothing until started again (its state is kept).");
        api.MapPut("/{id}/parameters", SetParametersAsync).WithName("SetStrategyParameters")
            .WithSummary("New parameters for a paused or stopped strategy, checked like a deployment's; its indicators start cold.");
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteStrategy").WithSummary("Deletes a stopped strategy.");
        return app;
    }

    public static async Task<Results<Created<StrategyView>, ValidationProblem,
        ProblemHttpResult>> DeployAsync(StrategyDeployment deployment,
        StrategyRuntime runtime, CancellationToken ct)
    {
        try
        {
            var host = await runtime.DeployAsync(deployment, ct);
            return TypedResults.Created($"/api/strategies/{host.Id}", host.View());
        }
        catch (StrategyConfigurationException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
        catch (LifecycleException ex)
        {
            return ApiProblems.Conflict("id", deployment.Id ?? "", $"strategy ({ex.Message})");
        }
    }

    public static async Task<Results<Ok<StrategyView>, ValidationProblem, ProblemHttpResult>> SetParametersAsync(string id,
        ParameterChange change,
        StrategyRuntime runtime, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok((await runtime.SetParametersAsync(id, change.Parameters ?? [], ct)).View());
        }
        catch (StrategyConfigurationException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
        catch (LifecycleException ex)
        {
            return ApiProblems.InvalidState("id", id, ex.Message);
        }
        catch (KeyNotFoundException)
        {
            return ApiProblems.NotFound("id", id, "strategy");
        }
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, StrategyRuntime runtime, CancellationToken ct)
    {
        try
        {
            await runtime.DeleteAsync(id, ct);
            return TypedResults.NoContent();
        }
        catch (LifecycleException ex)
        {
            return ApiProblems.InvalidState("id", id, ex.Message);
        }
        catch (KeyNotFoundException)
        {
            return ApiProblems.NotFound("id", id, "strategy");
        }
    }

    private static async Task<Results<Ok<StrategyView>, ProblemHttpResult>> MoveAsync(string id,
        Func<string, CancellationToken, Task<StrategyHost>> move, CancellationToken ct)
    {
        try
        {
            return TypedResults.Ok((await move(id, ct)).View());
        }
        catch (LifecycleException ex)
        {
            return ApiProblems.InvalidState("id", id, ex.Message);
        }
        catch (KeyNotFoundException)
        {
            return ApiProblems.NotFound("id", id, "strategy");
        }
        catch (OrderValidationException ex)
        {
            return ApiProblems.InvalidState("id", id, $"the strategy's warm-up failed: {ex.Message}");
        }
    }
}
