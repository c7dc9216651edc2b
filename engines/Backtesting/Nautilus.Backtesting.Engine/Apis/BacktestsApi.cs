using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Nautilus.Backtesting.Contracts;
using Nautilus.Backtesting.Domain;
using Nautilus.Backtesting.Engine.Extensions;
using Nautilus.Backtesting.Engine.Persistence;
using Nautilus.Backtesting.Engine.Runs;
using Nautilus.Engine.Hosting;
using Nautilus.MarketData.Contracts;
using Nautilus.Strategy.Domain.Catalog;

namespace Nautilus.Backtesting.Engine.Apis;

/// <summary>Backtest runs: run, status, list, cancel, delete, results, equity, trades, orders, fills, export, compare; the
/// strategies.</summary>
public static class BacktestsApi
{
    public static IEndpointRouteBuilder MapBacktestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/backtests").WithTags("Backtests");
        api.MapPost("/", RunAsync).WithName("RunBacktest")
            .WithSummary("Runs a backtest of a built-in strategy on inline bars or stored data; returns its id (202), or with wait=true " +
                "its " +
                         "results once done.")
            .WithDescription("Fill rule for bars: an order sent while handling bar t fills at bar t+1's open at the earliest (no " +
                             "look-ahead); fees and slippage are zero unless configured. Same strategy, pre-trade check and execution " +
                                 "code " +
                             "as the live engines.");
        api.MapGet("/", ListAsync).WithName("ListBacktests").WithSummary("Runs, newest first, with their progress and headline figures.");
        api.MapGet("/strategies", () => TypedResults.Ok(StrategyCatalog.All.Select(d => new StrategyInfo(d.Name, d.Description,
            d.Instruments,
                [.. d.Parameters.Select(p => new ParameterInfo(p.Name, p.Default, p.Min, p.Max, p.Integer, p.Description))])).ToArray()))
            .WithName("ListBacktestStrategies").WithSummary("The built-in strategies and their documented parameters.");
        api.MapGet("/compare", CompareAsync).WithName("CompareBacktests")
            .WithSummary("Completed runs side by side (ids=a,b,…): summaries and equity as wealth from 1.");
        api.MapGet("/{id}", StatusAsync).WithName("GetBacktest").WithSummary("A run's status and progress.");
        api.MapPost("/{id}/cancel", CancelAsync).WithName("CancelBacktest").WithSummary("Cancels a queued or running run.");
        api.MapDelete("/{id}", DeleteAsync).WithName("DeleteBacktest").WithSummary("Deletes a finished run and its results.");
        api.MapGet("/{id}/results", ResultsAsync).WithName("GetBacktestResults")
            .WithSummary("Trades, equity per bar, orders, fills, final equity, summary and statistics of a completed run.");
        api.MapGet("/{id}/equity", async (string id, BacktestRepository repository, CancellationToken ct) =>
                await Part(id, repository, r => r.Equity, ct)).WithName("GetBacktestEquity")
            .WithSummary("Equity after each bar time, with its drawdown from the running peak.");
        api.MapGet("/{id}/trades", async (string id, BacktestRepository repository, CancellationToken ct) =>
                await Part(id, repository, r => r.Trades, ct)).WithName("GetBacktestTrades")
            .WithSummary("Round trips: entry and exit time and price, quantity, P&L net of fees.");
        api.MapGet("/{id}/orders", async (string id, BacktestRepository repository, CancellationToken ct) =>
                await Part(id, repository, r => r.Orders, ct)).WithName("GetBacktestOrders").WithSummary("Every order as it ended.");
        api.MapGet("/{id}/fills", async (string id, BacktestRepository repository, CancellationToken ct) =>
                await Part(id, repository, r => r.Fills, ct)).WithName("GetBacktestFills").WithSummary("Every fill.");
        api.MapGet("/{id}/export", ExportAsync).WithName("ExportBacktest")
            .WithSummary("A completed run as a file: format=json (everything) or csv with what=trades|equity|orders|fills.");
        return app;
    }

    public static async Task<Results<Accepted<BacktestAccepted>, Ok<BacktestResults>, ValidationProblem, ProblemHttpResult>> RunAsync(
        BacktestRequest request, BacktestInputs inputs, RunQueue queue, BacktestRepository repository, IOptions<BacktestingOptions> options,
        CancellationToken ct, bool wait = false)
    {
        PreparedRun run;
        try
        {
            run = await inputs.PrepareAsync(request, options.Value.MaxBarsPerRun, ct);
        }
        catch (Exception ex) when (FieldProblem(ex) is { } field)
        {
            return field;
        }
        catch (Exception ex) when (DependencyProblem(ex) is { } dependency)
        {
            return dependency;
        }

        var id = $"bt-{Guid.NewGuid():N}"[..15];
        if (!await queue.EnqueueAsync(id, request.Name ?? $"{run.Strategy.Name} {run.Parameters}", run, ct))
        {
            return ApiProblems.Unavailable("run queue", $"{options.Value.MaxQueuedRuns} runs are waiting; try again later");
        }

        var location = $"/api/backtests/{id}";
        if (wait && await queue.WaitAsync(id, options.Value.MaxWait, ct) == RunStatus.Completed
            && await repository.GetRunAsync(id, ct) is { } done && await repository.GetResultsAsync(done, ct) is { } results)
        {
            return TypedResults.Ok(results);
        }

        var status = (await repository.GetRunAsync(id, ct))?.Status ?? RunStatus.Queued;
        return TypedResults.Accepted(location, new BacktestAccepted(id, status, location));
    }

    public static async Task<Ok<BacktestStatus[]>> ListAsync(BacktestRepository repository, RunQueue queue, CancellationToken ct,
        int limit = 200) =>
        TypedResults.Ok((await repository.ListRunsAsync(Math.Clamp(limit, 1, 1_000), ct)).Select(r => Live(r, queue)).ToArray());

    public static async Task<Results<Ok<BacktestStatus>, ProblemHttpResult>> StatusAsync(string id, BacktestRepository repository,
        RunQueue queue, CancellationToken ct) =>
        await repository.GetRunAsync(id, ct) is { } run ? TypedResults.Ok(Live(run, queue)) : ApiProblems.NotFound("id", id, "backtest");

    public static async Task<Results<Accepted<BacktestStatus>, ProblemHttpResult>> CancelAsync(string id, BacktestRepository repository,
        RunQueue queue, CancellationToken ct)
    {
        if (await repository.GetRunAsync(id, ct) is not { } run)
        {
            return ApiProblems.NotFound("id", id, "backtest");
        }

        if (RunStatus.IsFinal(run.Status) || !queue.Cancel(id))
        {
            return ApiProblems.InvalidState("id", id, $"backtest {id} is {run.Status}: only queued or running runs can be cancelled");
        }

        return TypedResults.Accepted($"/api/backtests/{id}", run);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, BacktestRepository repository,
        CancellationToken ct)
    {
        if (await repository.GetRunAsync(id, ct) is not { } run)
        {
            return ApiProblems.NotFound("id", id, "backtest");
        }

        if (!RunStatus.IsFinal(run.Status))
        {
            return ApiProblems.InvalidState("id", id, $"backtest {id} is {run.Status}: cancel it before deleting it");
        }

        await repository.DeleteRunAsync(id, ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<BacktestResults>, ProblemHttpResult>> ResultsAsync(string id, BacktestRepository repository,
        CancellationToken ct) =>
        await Part(id, repository, r => r, ct);

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(string id,
        BacktestRepository repository, CancellationToken ct, string format = "json", string what = "trades")
    {
        if (format is not ("json" or "csv"))
        {
            return ApiProblems.Field("format", $"'{format}' is not json or csv");
        }

        if (format == "csv" && what is not ("trades" or "equity" or "orders" or "fills"))
        {
            return ApiProblems.Field("what", $"'{what}' is not trades, equity, orders or fills");
        }

        var (results, problem) = await CompletedAsync(id, repository, ct);
        if (results is null)
        {
            return problem!;
        }

        if (format == "json")
        {
            return TypedResults.File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(results, BacktestRepository.Json),
                "application/json",
                $"{id}.json");
        }

        var csv = what switch
        {
            "trades" => Csv("symbol,side,quantity,entryTime,entryPrice,exitTime,exitPrice,pnl,fees", results.Trades,
                t => [t.Symbol, t.Side, Num(t.Quantity), Time(t.EntryTime), Num(t.EntryPrice), Time(t.ExitTime), Num(t.ExitPrice),
                    Num(t.Pnl),
                    Num(t.Fees)]),
            "equity" => Csv("ts,equity,drawdown", results.Equity, p => [Time(p.Ts), Num(p.Equity), Num(p.Drawdown)]),
            "orders" => Csv(OrdersHeader,
                results.Orders, o => [o.Id, o.Symbol, o.Side, o.Type, Dec(o.Quantity), Dec(o.LimitPrice), Dec(o.TriggerPrice),
                    o.TimeInForce,
                    o.Status, Dec(o.Filled), Dec(o.AveragePrice), Time(o.CreatedAt), Time(o.UpdatedAt), o.Reason ?? ""]),
            _ => Csv("tradeId,orderId,symbol,side,quantity,price,fee,ts", results.Fills,
                f => [f.TradeId, f.OrderId, f.Symbol, f.Side, Dec(f.Quantity), Dec(f.Price), Dec(f.Fee), Time(f.Ts)]),
        };
        return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv", $"{id}-{what}.csv");
    }

    public static async Task<Results<Ok<BacktestComparison>, ValidationProblem, ProblemHttpResult>> CompareAsync(string? ids,
        BacktestRepository repository, CancellationToken ct)
    {
        var list = (ids ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToArray();
        if (list.Length is < 1 or > 20)
        {
            return ApiProblems.Field("ids", "one to twenty run ids, separated by commas");
        }

        var runs = new List<ComparedRun>();
        foreach (var id in list)
        {
            var (results, problem) = await CompletedAsync(id, repository, ct);
            if (results is null)
            {
                return problem!;
            }

            var run = (await repository.GetRunAsync(id, ct))!;
            runs.Add(new ComparedRun(id, run.Name, run.Strategy, run.Parameters, results.Summary, ResultViews.WealthOf(results.Equity,
                results.InitialCash)));
        }

        return TypedResults.Ok(new BacktestComparison(runs));
    }

    /// <summary>Bad input as problem+json naming the field; null for anything else.</summary>
    public static ValidationProblem? FieldProblem(Exception ex) => ex switch
    {
        BacktestInputException input => ApiProblems.Field(input.Field, input.Problem),
        StrategyConfigurationException strategy => ApiProblems.Field(strategy.Field, strategy.Problem),
        _ => null,
    };

    /// <summary>The MarketData engine failing us: 503, worth retrying; null for anything else (a real fault).</summary>
    public static ProblemHttpResult? DependencyProblem(Exception ex) => ex switch
    {
        MarketDataRequestException marketData => ApiProblems.Unavailable("marketdata-engine",
            $"the MarketData engine answered {marketData.Status}: {marketData.Problem}"),
        HttpRequestException http => ApiProblems.Unavailable("marketdata-engine", $"stored bars could not be read: {http.Message}"),
        _ => null,
    };

    private static BacktestStatus Live(BacktestStatus run, RunQueue queue) =>
        run.Status == RunStatus.Running && queue.ProgressOf(run.Id) is { } progress
            ? run with { Processed = progress.Processed, Total = progress.Total }
            : run;

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Part<T>(string id, BacktestRepository repository, Func<BacktestResults,
        T> part,
        CancellationToken ct)
    {
        var (results, problem) = await CompletedAsync(id, repository, ct);
        return results is null ? problem! : TypedResults.Ok(part(results));
    }

    private static async Task<(BacktestResults? Results, ProblemHttpResult? Problem)> CompletedAsync(string id,
        BacktestRepository repository,
        CancellationToken ct)
    {
        if (await repository.GetRunAsync(id, ct) is not { } run)
        {
            return (null, ApiProblems.NotFound("id", id, "backtest"));
        }

        if (run.Status != RunStatus.Completed || await repository.GetResultsAsync(run, ct) is not { } results)
        {
            return (null, ApiProblems.InvalidState("id", id,
                $"backtest {id} is {run.Status}{(run.Error is null ? "" : $" ({run.Error})")}: " +
                                                             "results exist once it has completed"));
        }

        return (results, null);
    }

    private const string OrdersHeader =
        "id,symbol,side,type,quantity,limitPrice,triggerPrice,timeInForce,status,filled,averagePrice,createdAt,updatedAt,reason";

    private static string Csv<T>(string header, IEnumerable<T> rows, Func<T, string[]> fields)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', fields(row).Select(Quote)).Append('\n');
        }

        return text.ToString();
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Dec(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    private static string Time(DateTimeOffset value) => value.ToString("O", CultureInfo.InvariantCulture);
}
