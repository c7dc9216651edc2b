using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Nautilus.Backtesting.Contracts;
using Nautilus.Backtesting.Domain;
using Nautilus.Backtesting.Engine.Extensions;
using Nautilus.Backtesting.Engine.Persistence;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;

namespace Nautilus.Backtesting.Engine.Runs;

/// <summary>
/// Runs backtests in the background, <see cref="BacktestingOptions.MaxConcurrentRuns"/> at a time, each on its own thread: a
/// run is stored as queued, runs, and ends completed (results stored, BACKTEST_COMPLETED published), failed (with the
/// reason) or cancelled. Progress of running runs is stored and published as BACKTEST_PROGRESS every
/// <see cref="BacktestingOptions.ProgressInterval"/>.
/// </summary>
public sealed class RunQueue(
    StorageState storage,
    BacktestRepository repository,
    IMessagePublisher publisher,
    IOptions<BacktestingOptions> options,
    BacktestingMetrics metrics,
    TimeProvider clock,
    ILogger<RunQueue> logger) : BackgroundService
{
    private readonly Channel<LiveRun> _queue = Channel.CreateBounded<LiveRun>(new BoundedChannelOptions(options.Value.MaxQueuedRuns)
    {
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly ConcurrentDictionary<string, LiveRun> _live = new();
    private readonly DateTimeOffset _started = clock.GetUtcNow();

    /// <summary>Stores the run as queued and queues it; false when the queue is full.</summary>
    public async Task<bool> EnqueueAsync(string id, string name, PreparedRun run, CancellationToken ct)
    {
        var live = new LiveRun(id, name, run);
        if (!_live.TryAdd(id, live))
        {
            throw new InvalidOperationException($"run {id} exists");
        }

        await repository.CreateRunAsync(new RunRow(id, name, run.Strategy.Name, run.Parameters.Values, run.Data, clock.GetUtcNow()), ct);
        if (!_queue.Writer.TryWrite(live))
        {
            _live.TryRemove(id, out _);
            await repository.SetStatusAsync(id, RunStatus.Failed, "the run queue is full", clock.GetUtcNow(), ct);
            return false;
        }

        metrics.Queued();
        return true;
    }

    /// <summary>Cancels a queued or running run; false when it is not live here.</summary>
    public bool Cancel(string id)
    {
        if (!_live.TryGetValue(id, out var live))
        {
            return false;
        }

        live.Cancellation.Cancel();
        return true;
    }

    /// <summary>The outcome of a live run once it ends, or null when it is not live here (or <paramref name="timeout"/> passes).</summary>
    public async Task<string?> WaitAsync(string id, TimeSpan timeout, CancellationToken ct)
    {
        if (!_live.TryGetValue(id, out var live))
        {
            return null;
        }

        try
        {
            return await live.Done.Task.WaitAsync(timeout, clock, ct);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>Progress of a run live here: (processed, total).</summary>
    public (long Processed, long Total)? ProgressOf(string id) =>
        _live.TryGetValue(id, out var live) ? (Interlocked.Read(ref live.Processed), live.Run.Events.Length) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Runs wait in the queue (stored as queued) until the schema is there and the last process's leftovers are settled.
        await storage.Migrated.WaitAsync(stoppingToken);
        await StorageFailure.RetryWhileAwayAsync(
            ct => repository.FailUnfinishedAsync("the engine stopped while it was queued or running", _started, ct),
            ex => logger.LogWarning("Unfinished runs not settled yet: {Error}", ex.Message), stoppingToken);
        var workers = Enumerable.Range(0, options.Value.MaxConcurrentRuns).Select(_ => WorkAsync(stoppingToken)).ToList();
        workers.Add(ReportProgressAsync(stoppingToken));
        await Task.WhenAll(workers);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var live in _queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await RunAsync(live, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "Backtest {Run} could not be stored", live.Id);
                live.Done.TrySetResult(RunStatus.Failed);
            }
            finally
            {
                _live.TryRemove(live.Id, out _);
            }
        }
    }

    private async Task RunAsync(LiveRun live, CancellationToken stoppingToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(live.Cancellation.Token, stoppingToken);
        var run = live.Run;
        if (linked.IsCancellationRequested)
        {
            await EndAsync(live, RunStatus.Cancelled, "cancelled before it started", null, stoppingToken);
            return;
        }

        await repository.SetStatusAsync(live.Id, RunStatus.Running, null, null, stoppingToken);
        var started = Stopwatch.GetTimestamp();
        using var activity = BacktestingMetrics.Source.StartActivity("backtest.run");
        activity?.SetTag("backtest.id", live.Id);
        activity?.SetTag("backtest.strategy", run.Strategy.Name);
        activity?.SetTag("backtest.bars", run.Events.Length);
        BacktestResult result;
        try
        {
            // The kernel is synchronous and CPU-bound: its own thread, so request threads stay free.
            result = await Task.Factory.StartNew(() => new BacktestKernel(run.Settings, run.CreateStrategy())
                    .Run(run.Events, linked.Token, (done, _) => Interlocked.Exchange(ref live.Processed, done)),
                linked.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
        catch (OperationCanceledException) when (live.Cancellation.IsCancellationRequested)
        {
            await EndAsync(live, RunStatus.Cancelled, "cancelled", null, stoppingToken);
            return;
        }
        catch (Exception ex) when (ex is BacktestInputException or ArgumentException or InvalidOperationException)
        {
            logger.LogWarning("Backtest {Run} failed: {Reason}", live.Id, ex.Message);
            await EndAsync(live, RunStatus.Failed, ex.Message, null, stoppingToken);
            return;
        }

        var results = ResultViews.Of(live.Id, run.Strategy.Name, run.Parameters.Values, run.Settings, result);
        await repository.CompleteRunAsync(live.Id, results, clock.GetUtcNow(), stoppingToken);
        metrics.Completed(run.Events.Length, started);
        await EndAsync(live, RunStatus.Completed, null, result.Summary, stoppingToken);
    }

    private async Task EndAsync(LiveRun live, string status, string? error, BacktestSummary? summary, CancellationToken ct)
    {
        if (status != RunStatus.Completed)
        {
            await repository.SetStatusAsync(live.Id, status, error, clock.GetUtcNow(), ct);
        }

        metrics.Ended(status);
        var figures = summary is null ? new Dictionary<string, double>() : SummaryFigures(summary);
        await publisher.PublishAsync(new BacktestCompleted(live.Id, status == RunStatus.Completed, figures,
            status == RunStatus.Completed ? null : $"{status}: {error}", UnixNanos.Now(clock)), cancellationToken: ct);
        live.Done.TrySetResult(status);
    }

    /// <summary>The summary as BACKTEST_COMPLETED's metrics (only the figures a run has).</summary>
    public static Dictionary<string, double> SummaryFigures(BacktestSummary summary)
    {
        var figures = new Dictionary<string, double>
        {
            ["finalEquity"] = summary.FinalEquity,
            ["totalReturn"] = summary.TotalReturn,
            ["maxDrawdown"] = summary.MaxDrawdown,
            ["trades"] = summary.Trades,
        };
        if (summary.Sharpe is { } sharpe)
        {
            figures["sharpe"] = sharpe;
        }

        if (summary.AnnualReturn is { } annual)
        {
            figures["annualReturn"] = annual;
        }

        return figures;
    }

    private async Task ReportProgressAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(options.Value.ProgressInterval, clock);
        while (await timer.WaitForNextTickAsync(ct))
        {
            foreach (var live in _live.Values)
            {
                var processed = Interlocked.Read(ref live.Processed);
                if (processed == live.Reported || live.Done.Task.IsCompleted)
                {
                    continue;
                }

                live.Reported = processed;
                try
                {
                    await repository.SetProgressAsync(live.Id, processed, live.Run.Events.Length, ct);
                    await publisher.PublishAsync(new BacktestProgress(live.Id, processed, live.Run.Events.Length, UnixNanos.Now(clock)),
                        cancellationToken: ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning("Progress of backtest {Run} not reported: {Reason}", live.Id, ex.Message);
                }
            }
        }
    }

    private sealed class LiveRun(string id, string name, PreparedRun run)
    {
        public long Processed;

        public string Id { get; } = id;

        public string Name { get; } = name;

        public PreparedRun Run { get; } = run;

        public long Reported { get; set; } = -1;

        public CancellationTokenSource Cancellation { get; } = new();

        public TaskCompletionSource<string> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
