using System.Text.Json;
using MemoryPack;
using Microsoft.Extensions.Options;
using Nautilus.Backtesting.Contracts;
using Nautilus.Backtesting.Domain;
using Nautilus.Backtesting.Domain.Optimisation;
using Nautilus.Backtesting.Engine.Extensions;
using Nautilus.Backtesting.Engine.Persistence;
using Nautilus.Backtesting.Engine.Runs;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;

namespace Nautilus.Backtesting.Engine.Sweeps;

/// <summary>
/// Starts a sweep: checks it, builds its combinations (a grid, or seeded random draws), stores it with its bars, and
/// splits it into BACKTEST_WORK items of <see cref="BacktestingOptions.SweepItemSize"/> combinations on the engine-logic
/// bus, so every replica of the engine takes a share (<see cref="SweepWorker"/>).
/// </summary>
public sealed class SweepCoordinator(
    BacktestInputs inputs,
    BacktestRepository repository,
    IMessagePublisher publisher,
    IOptions<BacktestingOptions> options,
    TimeProvider clock)
{
    public async Task<SweepStatus> StartAsync(SweepRequest request, CancellationToken ct)
    {
        Ranking.Check(request.RankBy);
        var settings = options.Value;
        var combinations = (request.Grid, request.Ranges) switch
        {
            ({ } grid, null) => ParameterSets.Grid(grid, settings.MaxSweepCombinations),
            (null, { } ranges) => ParameterSets.Random(ranges.ToDictionary(r => r.Key, r => (r.Value.Min, r.Value.Max, r.Value.Integer)),
                request.Samples ?? throw new BacktestInputException("samples", "how many random draws from the ranges"), request.Seed,
                settings.MaxSweepCombinations),
            _ => throw new BacktestInputException("grid", "give either grid (every combination) or ranges with samples (random draws)"),
        };
        var run = await inputs.PrepareAsync(request.Base, settings.MaxBarsPerRun, ct);
        var id = $"sw-{Guid.NewGuid():N}"[..15];
        var itemSize = settings.SweepItemSize;
        var items = (combinations.Count + itemSize - 1) / itemSize;
        var bars = MemoryPackSerializer.Serialize(run.Events);
        var stored = request with { Base = request.Base with { Bars = null, Series = null } };
        await repository.CreateSweepAsync(id, run.Strategy.Name, stored, combinations, JsonSerializer.Serialize(run.Settings.Instruments,
            BacktestRepository.Json), bars, items, clock.GetUtcNow(), ct);
        for (var item = 0; item < items; item++)
        {
            await publisher.PublishAsync(new BacktestWork(id, item, item * itemSize, Math.Min(combinations.Count, (item + 1) * itemSize),
                UnixNanos.Now(clock)), cancellationToken: ct);
        }

        return (await repository.GetSweepAsync(id, 10, ct))!;
    }
}
