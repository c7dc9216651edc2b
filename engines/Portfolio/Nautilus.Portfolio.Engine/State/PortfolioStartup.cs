using Nautilus.Portfolio.Engine.Persistence;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;

namespace Nautilus.Portfolio.Engine.State;

/// <summary>Start-up: once the schema is migrated, the book and every stored fill are loaded; handlers wait for it.</summary>
public sealed class PortfolioStartup(StorageState storage, PortfolioRepository repository, LivePortfolios live,
    ILogger<PortfolioStartup> logger) : BackgroundService
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Done => _done.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Migrated.WaitAsync(stoppingToken);
        await StorageFailure.RetryWhileAwayAsync(async ct =>
        {
            live.SetBook([.. (await repository.NodesAsync(ct)).Select(r => r.Node)]);
            var fills = await repository.FillsAsync(ct);
            live.Restore(fills);
            logger.LogInformation("Portfolio book loaded: {Fills} fills", fills.Count);
        }, ex => logger.LogWarning("Portfolio book not loaded yet: {Error}", ex.Message), stoppingToken);
        _done.TrySetResult();
    }
}
