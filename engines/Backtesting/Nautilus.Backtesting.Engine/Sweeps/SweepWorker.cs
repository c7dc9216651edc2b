using System.Collections.Concurrent;
using System.Text.Json;
using MemoryPack;
using Nautilus.Backtesting.Contracts;
using Nautilus.Backtesting.Domain;
using Nautilus.Backtesting.Engine.Extensions;
using Nautilus.Backtesting.Engine.Persistence;
using Nautilus.Backtesting.Engine.Runs;
using Nautilus.Contracts;
using Nautilus.Execution.Domain;
using Nautilus.Messaging;
using Nautilus.Model;

namespace Nautilus.Backtesting.Engine.Sweeps;

/// <summary>
/// Runs one BACKTEST_WORK item: the sweep's bars and settings (loaded once per sweep and kept while it runs), each
/// combination of the slice on every core through the same kernel as a single run (summary only), the points stored
/// (idempotently: a redelivered item changes nothing), progress published; the replica whose item completes the sweep
/// ends it and publishes BACKTEST_COMPLETED with the best combination's figures.
/// </summary>
public sealed class SweepWorker(
    BacktestRepository repository,
    IMessagePublisher publisher,
    BacktestingMetrics metrics,
    TimeProvider clock,
    ILogger<SweepWorker> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<SweepInput?>>> _inputs = new();

    public async Task RunAsync(BacktestWork work, CancellationToken ct)
    {
        var input = await _inputs.GetOrAdd(work.SweepId, id => new Lazy<Task<SweepInput?>>(() => LoadAsync(id, ct))).Value;
        if (input is null)
        {
            _inputs.TryRemove(work.SweepId, out _);
            logger.LogInformation("Sweep {Sweep} is gone or no longer running: item {Item} skipped", work.SweepId, work.Item);
            return;
        }

        var points = new SweepPoint[work.To - work.From];
        var summaryOnly = input.Run.Settings with { FullStatistics = false };
        Parallel.For(work.From, work.To, new ParallelOptions { CancellationToken = ct }, i =>
        {
            var parameters = input.Combinations[i];
            var strategy = input.Run.CreateStrategy(parameters);
            points[i - work.From] = strategy is null
                ? new SweepPoint(i, parameters, null, "outside the strategy's rules")
                : new SweepPoint(i, parameters, new BacktestKernel(summaryOnly, strategy).Run(input.Run.Events, ct).Summary, null);
        });
        metrics.SweepPoints(points.Length, (long)points.Length * input.Run.Events.Length);
        var done = await repository.SavePointsAsync(work.SweepId, points, input.Request.RankBy, ct);
        await publisher.PublishAsync(new BacktestProgress(work.SweepId, done, input.Combinations.Length, UnixNanos.Now(clock)),
            cancellationToken: ct);
        if (done < input.Combinations.Length || !await repository.EndSweepAsync(work.SweepId, RunStatus.Completed, null,
            clock.GetUtcNow(), ct))
        {
            return;
        }

        _inputs.TryRemove(work.SweepId, out _);
        var best = (await repository.GetSweepAsync(work.SweepId, 1, ct))?.Best.FirstOrDefault();
        var figures = best?.Summary is { } summary ? RunQueue.SummaryFigures(summary) : new Dictionary<string, double>();
        foreach (var (name, value) in best?.Parameters ?? new Dictionary<string, double>())
        {
            figures[$"best.{name}"] = value;
        }

        await publisher.PublishAsync(new BacktestCompleted(work.SweepId, true, figures, null, UnixNanos.Now(clock)), cancellationToken: ct);
    }

    /// <summary>Forgets a sweep's inputs (cancelled or deleted).</summary>
    public void Forget(string sweep) => _inputs.TryRemove(sweep, out _);

    private async Task<SweepInput?> LoadAsync(string sweep, CancellationToken ct)
    {
        if (await repository.GetSweepInputAsync(sweep, ct) is not { } stored)
        {
            return null;
        }

        var events = MemoryPackSerializer.Deserialize<IMarketData[]>(stored.Bars)!;
        var instruments = JsonSerializer.Deserialize<TradableInstrument[]>(stored.Instruments, BacktestRepository.Json)!;
        return new SweepInput(stored.Request, stored.Combinations, BacktestInputs.Restore(stored.Request.Base, instruments, events));
    }

    private sealed record SweepInput(SweepRequest Request, Dictionary<string, double>[] Combinations, PreparedRun Run);
}
