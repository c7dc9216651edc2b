using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.MarketData.Engine.Apis;
using Nautilus.MarketData.Engine.Feeds;
using Nautilus.MarketData.Engine.Instruments;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.MarketData.Engine.Pipeline;
using Nautilus.MarketData.Engine.Replay;
using Nautilus.Platform;
using Nautilus.Storage.Hosting;

namespace Nautilus.MarketData.Engine.Extensions;

public static class MarketDataExtensions
{
    /// <summary>Instruments, feeds, the pipeline from feeds to bus and store, the latest-price cache.</summary>
    public static WebApplicationBuilder AddMarketData(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<MarketDataOptions>(MarketDataOptions.Section);
        services.AddNautilusStorage(MarketDataTables.Migrations);
        services.AddSingleton(_ => Channel.CreateBounded<FeedItem>(new BoundedChannelOptions(100_000)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // a feed faster than the pipeline slows down; nothing is dropped
        }));
        services.AddSingleton(sp => sp.GetRequiredService<Channel<FeedItem>>().Writer);
        services.AddSingleton<InstrumentRepository>();
        services.AddSingleton<FundamentalsRepository>();
        services.AddSingleton<MarketDataRepository>();
        services.AddSingleton<BarBlocks>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService<BarCompaction>();
        services.AddSingleton<LatestMarketCache>();
        services.AddSingleton<MarketDataStats>();
        services.AddSingleton<MarketDataWriters>();
        services.AddSingleton<MarketDataPipeline>();
        services.AddHostedService(sp => sp.GetRequiredService<MarketDataPipeline>());
        services.AddSingleton<SimulatorFeed>();
        services.AddSingleton<IMarketDataFeed>(sp => sp.GetRequiredService<SimulatorFeed>());
        services.AddSingleton<BarReplayFeed>();
        services.AddSingleton<IMarketDataFeed>(sp => sp.GetRequiredService<BarReplayFeed>());
        services.AddSingleton<ReplayFiles>();
        services.AddSingleton<TickReplayFeed>();
        services.AddSingleton<IMarketDataFeed>(sp => sp.GetRequiredService<TickReplayFeed>());
        services.AddSingleton<CoinbaseFeed>();
        services.AddSingleton<IMarketDataFeed>(sp => sp.GetRequiredService<CoinbaseFeed>());
        services.AddSingleton<FeedRegistry>();
        services.AddHostedService<MarketDataStartup>();
        services.AddHealthChecks().AddCheck<FeedsHealthCheck>("feeds", tags: ["ready"]);
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(MarketDataStats.MeterName));
        return builder;
    }

    public static WebApplication MapMarketData(this WebApplication app)
    {
        app.MapInstrumentsApi();
        app.MapMarketDataApi();
        app.MapFeedsApi();
        app.MapBarImportApi();
        app.MapFundamentalsApi();
        app.MapReplayFilesApi();
        return app;
    }
}
