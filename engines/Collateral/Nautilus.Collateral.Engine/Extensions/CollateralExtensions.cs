using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Collateral.Engine.Apis;
using Nautilus.Collateral.Engine.Handlers;
using Nautilus.Collateral.Engine.Persistence;
using Nautilus.Collateral.Engine.State;
using Nautilus.Contracts;
using Nautilus.Execution.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using Nautilus.Storage.Hosting;

namespace Nautilus.Collateral.Engine.Extensions;

public static class CollateralExtensions
{
    /// <summary>Its schema; accounts fed by positions, prices and valuations; the margin monitor; metrics.</summary>
    public static WebApplicationBuilder AddCollateral(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddNautilusStorage(CollateralRepository.Migrations);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<CollateralOptions>(CollateralOptions.Section);
        services.AddSingleton<CollateralRepository>();
        services.AddSingleton<CollateralMetrics>();
        services.AddSingleton<LiveAccounts>();
        services.AddHostedService<MarginMonitor>();
        // Open positions from the Execution engine (it owns them) at start-up.
        services.AddHttpClient(CollateralStartup.HttpClientName, http => http.BaseAddress = new Uri(ExecutionClient.BaseAddress));
        services.AddHostedService<CollateralStartup>();
        services.AddMessageHandler<PositionChange, PositionChangeHandler>();
        services.AddMessageHandler<PriceUpdate, PriceUpdateHandler>();
        services.AddMessageHandler<PortfolioUpdate, PortfolioUpdateHandler>();
        return builder;
    }

    public static WebApplication MapCollateral(this WebApplication app)
    {
        app.MapCollateralCalculationsApi();
        app.MapCollateralLiveApi();
        return app;
    }
}
