using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using Nautilus.Risk.Engine.Apis;
using Nautilus.Risk.Engine.Handlers;
using Nautilus.Risk.Engine.Persistence;
using Nautilus.Risk.Engine.State;
using Nautilus.Storage.Hosting;

namespace Nautilus.Risk.Engine.Extensions;

public static class RiskExtensions
{
    /// <summary>Its schema, the live state with its handlers, the scheduled VaR and the alert journal, metrics.</summary>
    public static WebApplicationBuilder AddRisk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddNautilusStorage(RiskRepository.Migrations);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<RiskOptions>(RiskOptions.Section);
        services.AddSingleton<RiskRepository>();
        services.AddSingleton<RiskHistoryRepository>();
        services.AddSingleton<RiskMetrics>();
        services.AddSingleton<AlertJournal>();
        services.AddHostedService(sp => sp.GetRequiredService<AlertJournal>());
        services.AddSingleton<LiveRisk>();
        services.AddHostedService<RiskStartup>();
        // Daily closes for VaR and historical stress come from MarketData, which owns them.
        services.AddHttpClient(DailyCloses.HttpClientName, http => http.BaseAddress = new Uri(MarketDataClient.BaseAddress));
        services.AddSingleton<DailyCloses>();
        services.AddSingleton<PortfolioVarCalculator>();
        services.AddHostedService<VarSchedule>();
        services.AddHealthChecks().AddCheck<RiskStateHealthCheck>("risk-state", tags: ["ready"]);
        services.AddMessageHandler<PositionChange, PositionChangeHandler>();
        services.AddMessageHandler<PriceUpdate, PriceUpdateHandler>();
        services.AddMessageHandler<PortfolioUpdate, PortfolioUpdateHandler>();
        services.AddMessageHandler<OrderRequest, OrderRequestHandler>();
        services.AddMessageHandler<VpinCalculation, VpinCalculationHandler>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(RiskMetrics.MeterName));
        return builder;
    }

    public static WebApplication MapRisk(this WebApplication app)
    {
        app.MapRiskCalculationsApi();
        app.MapRiskStateApi();
        app.MapPortfolioRiskApi();
        return app;
    }
}
