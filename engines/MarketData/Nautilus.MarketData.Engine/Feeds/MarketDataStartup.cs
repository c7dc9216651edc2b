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
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await instruments.SeedAndLoadAsync(InstrumentUniverse.Default, stoppingToken);
                break;
            }
            catch (Exception ex) when (StorageFailure.IsTransient(ex) && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Instrument master not loaded yet: {Error}", ex.Message);
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }

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
