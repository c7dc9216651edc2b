using Microsoft.Extensions.Options;
using Nautilus.MarketData.Domain.Instruments;
using Nautilus.MarketData.Engine.Extensions;
using Nautilus.MarketData.Engine.Instruments;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;

namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>
/// Once the schema is migrated: seeds the default instruments (those missing), loads the master, and starts the
/// simulator unless <see cref="MarketDataOptions.AutoStartSimulator"/> is false — a fresh platform shows live prices.
/// </summary>
public sealed class MarketDataStartup(StorageState storage, InstrumentRepository instruments, SimulatorFeed simulator,
    IOptions<MarketDataOptions> options, ILogger<MarketDataStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await storage.Migrated.WaitAsync(stoppingToken);
        await StorageFailure.RetryWhileAwayAsync(ct => instruments.SeedAndLoadAsync(InstrumentUniverse.Default, ct),
            ex => logger.LogWarning("Instrument master not loaded yet: {Error}", ex.Message), stoppingToken);

        if (options.Value.AutoStartSimulator)
        {
            await simulator.StartAsync(null, stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await simulator.StopAsync();
        await base.StopAsync(cancellationToken);
    }
}
