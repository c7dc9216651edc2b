using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Risk.Engine.Apis;
using Nautilus.Risk.Engine.Handlers;
using Nautilus.Risk.Engine.Persistence;
using Nautilus.Risk.Engine.State;
using Nautilus.Storage.Hosting;

namespace Nautilus.Risk.Engine.Extensions;

public static class RiskExtensions
{
    /// <summary>Its schema, the live state with its handlers, metrics.</summary>
    public static WebApplicationBuilder AddRisk(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddNautilusStorage(RiskRepository.Migrations);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RiskRepository>();
        services.AddSingleton<RiskMetrics>();
        services.AddSingleton<LiveRisk>();
        services.AddHostedService<RiskStartup>();
        services.AddHealthChecks().AddCheck<RiskStateHealthCheck>("risk-state", tags: ["ready"]);
        services.AddMessageHandler<PositionChange, PositionChangeHandler>();
        services.AddMessageHandler<PriceUpdate, PriceUpdateHandler>();
        services.AddMessageHandler<PortfolioUpdate, PortfolioUpdateHandler>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(RiskMetrics.MeterName));
        return builder;
    }

    public static WebApplication MapRisk(this WebApplication app)
    {
        app.MapRiskCalculationsApi();
        app.MapRiskStateApi();
        return app;
    }
}
