using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Contracts;
using Nautilus.MarketData.Domain.Simulation;
using Nautilus.MarketData.Engine.Feeds;

namespace Nautilus.MarketData.Engine.Apis;

/// <summary>The feeds: list, inspect, start with settings, stop; scenarios for the simulator.</summary>
public static class FeedsApi
{
    public sealed record ScenarioRequest(string Symbol, ScenarioKind Kind, double Magnitude, double DurationSeconds = 300, double RecoverySeconds = 600);

    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/feeds").WithTags("Feeds");
        api.MapGet("/", (FeedRegistry feeds) => TypedResults.Ok(feeds.All.Select(f => f.Status).ToArray()))
            .WithName("ListFeeds").WithSummary("Every feed with its state, event count and settings.");
        api.MapGet("/{name}", GetFeed).WithName("GetFeed").WithSummary("One feed.");
        api.MapPost("/{name}/start", StartAsync).WithName("StartFeed")
            .WithSummary("Starts a feed (or restarts it) with the settings in the body, e.g. {\"seed\":42,\"eventsPerSecond\":2000}.");
        api.MapPost("/{name}/stop", StopAsync).WithName("StopFeed").WithSummary("Stops a feed.");
        api.MapPost("/simulator/scenarios", InjectScenario).WithName("InjectScenario")
            .WithSummary("Forces a scenario on a simulated instrument: FlashCrash (magnitude e.g. -0.09), VolatilitySpike (×), LiquidityDrain (×), GapOpen (±).");
        return app;
    }

    public static Results<Ok<FeedStatus>, ProblemHttpResult> GetFeed(string name, FeedRegistry feeds) =>
        feeds.Find(name) is { } feed ? TypedResults.Ok(feed.Status) : ApiProblems.NotFound("name", name, "feed");

    public static async Task<Results<Ok<FeedStatus>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string name, HttpRequest request, FeedRegistry feeds, CancellationToken ct)
    {
        if (feeds.Find(name) is not { } feed)
        {
            return ApiProblems.NotFound("name", name, "feed");
        }

        JsonElement? settings = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                settings = (await JsonDocument.ParseAsync(request.Body, cancellationToken: ct)).RootElement;
            }
            catch (JsonException ex)
            {
                return ApiProblems.Field("settings", $"not JSON: {ex.Message}");
            }
        }

        try
        {
            await feed.StartAsync(settings, ct);
        }
        catch (FeedSettingsException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }

        return TypedResults.Ok(feed.Status);
    }

    public static async Task<Results<Ok<FeedStatus>, ProblemHttpResult>> StopAsync(string name, FeedRegistry feeds)
    {
        if (feeds.Find(name) is not { } feed)
        {
            return ApiProblems.NotFound("name", name, "feed");
        }

        await feed.StopAsync();
        return TypedResults.Ok(feed.Status);
    }

    public static Results<Accepted<ScenarioRequest>, ValidationProblem> InjectScenario(ScenarioRequest request, SimulatorFeed simulator)
    {
        try
        {
            simulator.Inject(request.Symbol, new Scenario(request.Kind, request.Magnitude, request.DurationSeconds, request.RecoverySeconds));
            return TypedResults.Accepted("/api/feeds/simulator", request);
        }
        catch (FeedSettingsException ex)
        {
            return ApiProblems.Field(ex.Field, ex.Problem);
        }
    }
}
