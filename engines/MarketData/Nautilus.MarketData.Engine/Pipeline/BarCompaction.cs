using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;

namespace Nautilus.MarketData.Engine.Pipeline;

/// <summary>
/// Compacts the intraday bars of days that are over into day blocks (<see cref="BarBlocks"/>): at start-up (history
/// imported or recorded before) and every ten minutes. Reads are right without it — unblocked days come from the
/// rows — only slower.
/// </summary>
public sealed class BarCompaction(StorageState storage, BarBlocks blocks, TimeProvider clock, ILogger<BarCompaction> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Migrated.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                var built = await blocks.CompactSealedDaysAsync(clock, stoppingToken);
                if (built > 0)
                {
                    logger.LogInformation("Compacted {Days} instrument-days of intraday bars into day blocks", built);
                }
            }
            catch (Exception ex) when (StorageFailure.IsTransient(ex) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Bar compaction skipped: {Error}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
