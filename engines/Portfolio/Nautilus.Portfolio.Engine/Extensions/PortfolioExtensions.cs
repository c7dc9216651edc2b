using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using Nautilus.Portfolio.Engine.Apis;
using Nautilus.Portfolio.Engine.Handlers;
using Nautilus.Portfolio.Engine.Persistence;
using Nautilus.Portfolio.Engine.State;
using Nautilus.Storage.Hosting;

namespace Nautilus.Portfolio.Engine.Extensions;

public static class PortfolioExtensions
{
    /// <summary>
    /// Its schema (the book, fills, NAV history, proposals), the live valuation fed by fills and prices, its journal, the
    /// instrument master's client (lot sizes), the calculations and their metrics.
    /// </summary>
    public static WebApplicationBuilder AddPortfolio(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddNautilusStorage(PortfolioRepository.Migrations);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<PortfolioOptions>(PortfolioOptions.Section);
        services.AddHttpClient<MarketDataClient>(http => http.BaseAddress = new Uri(MarketDataClient.BaseAddress));
        services.AddSingleton<PortfolioRepository>();
        services.AddSingleton<PortfolioMetrics>();
        services.AddSingleton<LivePortfolios>();
        services.AddSingleton(Channel.CreateUnbounded<Valuation>(new UnboundedChannelOptions { SingleReader = true }));
        services.AddSingleton<PortfolioStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<PortfolioStartup>());
        services.AddHostedService<ValuationJournal>();
        services.AddMessageHandler<TradeExecution, TradeExecutionHandler>();
        services.AddMessageHandler<PriceUpdate, PriceUpdateHandler>();
        services.AddMessageHandler<PositionChange, PositionChangeHandler>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(PortfolioMetrics.MeterName));
        return builder;
    }

    public static WebApplication MapPortfolio(this WebApplication app)
    {
        app.MapOptimizationApi();
        app.MapBookApi();
        app.MapValuationApi();
        app.MapLivePortfolioApi();
        app.MapRebalanceApi();
        return app;
    }
}
