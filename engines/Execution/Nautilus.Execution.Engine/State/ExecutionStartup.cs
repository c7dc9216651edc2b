using Nautilus.Execution.Contracts;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Engine.Persistence;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;

namespace Nautilus.Execution.Engine.State;

/// <summary>
/// Start-up: once the schema is migrated, positions and cash are rebuilt from every stored fill, working orders go back on
/// the paper venue, and the rebuilt positions are reconciled against the positions last stored: every difference is
/// logged and kept for <c>GET /api/execution/reconciliation</c>, never fixed silently (the fills are the record).
/// </summary>
public sealed class ExecutionStartup(
    StorageState storage,
    ExecutionRepository repository,
    LiveExecution live,
    InstrumentDirectory instruments,
    TimeProvider clock,
    ILogger<ExecutionStartup> logger) : BackgroundService
{
    private readonly TaskCompletionSource<Reconciliation> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The start-up reconciliation, once it has run.</summary>
    public Reconciliation? Last => _done.Task.IsCompletedSuccessfully ? _done.Task.Result : null;

    public Task<Reconciliation> Done => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Migrated.WaitAsync(stoppingToken);
        await StorageFailure.RetryWhileAwayAsync(RestoreAsync, ex => logger.LogWarning("Execution state not restored yet: {Error}",
            ex.Message),
            stoppingToken);
    }

    private async Task RestoreAsync(CancellationToken ct)
    {
        var fills = await repository.FillsAsync(ct);
        var open = await repository.OrdersAsync(openOnly: true, int.MaxValue, ct);
        var terms = new Dictionary<string, TradableInstrument?>(StringComparer.Ordinal);
        foreach (var symbol in fills.Select(f => f.InstrumentId.Symbol).Concat(open.Select(o => o.Symbol)).Distinct())
        {
            terms[symbol] = await instruments.GetAsync(symbol, ct);
        }

        var (replayed, restored) = live.Restore(fills, open, symbol => terms.GetValueOrDefault(symbol));
        var stored = await repository.PositionsAsync(ct);
        var rebuilt = live.RebuiltPositions();
        var differences = new List<ReconciliationDifference>();
        foreach (var position in rebuilt)
        {
            var (quantity, average) = stored.TryGetValue(position.Id, out var s) ? (s.Quantity, s.AveragePrice) : (0m, 0m);
            if (quantity != position.Quantity || Math.Round(average, 8) != Math.Round(position.AveragePrice, 8))
            {
                differences.Add(new ReconciliationDifference(position.AccountId.Value, position.InstrumentId.Symbol, quantity,
                    position.Quantity,
                    average, position.AveragePrice));
            }
        }

        foreach (var (id, s) in stored.Where(s => rebuilt.All(p => p.Id != s.Key) && s.Value.Quantity != 0))
        {
            differences.Add(new ReconciliationDifference(s.Account, s.Instrument, s.Quantity, 0, s.AveragePrice, 0));
        }

        foreach (var d in differences)
        {
            logger.LogWarning("Reconciliation: {Account} {Symbol} stored {Stored} @ {StoredAverage}, rebuilt from fills {Rebuilt} @ " +
                "{RebuiltAverage}",
                d.AccountId, d.Symbol, d.StoredQuantity, d.StoredAveragePrice, d.RebuiltQuantity, d.RebuiltAveragePrice);
        }

        logger.LogInformation("Execution state restored: {Fills} fills replayed into {Positions} positions, {Orders} working orders " +
            "back on " +
                              "the venue, {Differences} differences", replayed, rebuilt.Count, restored, differences.Count);
        _done.TrySetResult(new Reconciliation(clock.GetUtcNow(), replayed, rebuilt.Count, restored, differences));
    }
}
