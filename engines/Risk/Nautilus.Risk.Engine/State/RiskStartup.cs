using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;

namespace Nautilus.Risk.Engine.State;

/// <summary>Once the schema is migrated, loads the stored limits and trading states (retrying while PostgreSQL is away).</summary>
public sealed class RiskStartup(StorageState storage, LiveRisk risk, ILogger<RiskStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Migrated.WaitAsync(stoppingToken);
        await StorageFailure.RetryWhileAwayAsync(risk.LoadAsync, ex => logger.LogWarning("Risk state not loaded yet: {Error}", ex.Message),
            stoppingToken);
    }
}
