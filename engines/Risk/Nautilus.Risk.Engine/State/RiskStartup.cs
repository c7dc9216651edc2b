using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;

namespace Nautilus.Risk.Engine.State;

/// <summary>Once the schema is migrated, loads the stored limits and trading states (retrying while PostgreSQL is away).</summary>
public sealed class RiskStartup(StorageState storage, LiveRisk risk, ILogger<RiskStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Migrated.WaitAsync(stoppingToken);
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await risk.LoadAsync(stoppingToken);
                return;
            }
            catch (Exception ex) when (StorageFailure.IsTransient(ex) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Risk state not loaded yet: {Error}", ex.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }
}
