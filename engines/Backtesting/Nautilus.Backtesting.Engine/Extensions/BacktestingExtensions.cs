using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Backtesting.Engine.Apis;
using Nautilus.Backtesting.Engine.Handlers;
using Nautilus.Backtesting.Engine.Persistence;
using Nautilus.Backtesting.Engine.Runs;
using Nautilus.Backtesting.Engine.Sweeps;
using Nautilus.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using Nautilus.Storage.Hosting;

namespace Nautilus.Backtesting.Engine.Extensions;

public static class BacktestingExtensions
{
    /// <summary>Its schema, the run queue, sweeps shared over the bus, stored bars from the MarketData engine, metrics.</summary>
    public static WebApplicationBuilder AddBacktesting(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddNautilusStorage(BacktestRepository.Migrations);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<BacktestingOptions>(BacktestingOptions.Section);
        services.AddHttpClient<MarketDataClient>(http => http.BaseAddress = new Uri(MarketDataClient.BaseAddress));
        services.AddSingleton<BacktestRepository>();
        services.AddSingleton<BacktestInputs>();
        services.AddSingleton<BacktestingMetrics>();
        services.AddSingleton<RunQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<RunQueue>());
        services.AddSingleton<SweepCoordinator>();
        services.AddSingleton<SweepWorker>();
        services.AddMessageHandler<BacktestWork, BacktestWorkHandler>();
        return builder;
    }

    public static WebApplication MapBacktesting(this WebApplication app)
    {
        app.MapBacktestsApi();
        app.MapSweepsApi();
        return app;
    }
}
