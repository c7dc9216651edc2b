using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Portfolio.Engine.Apis;
using Nautilus.Portfolio.Engine.Persistence;
using Nautilus.Storage.Hosting;

namespace Nautilus.Portfolio.Engine.Extensions;

public static class PortfolioExtensions
{
    /// <summary>Its schema (the book), the optimisation calculations and their metrics.</summary>
    public static WebApplicationBuilder AddPortfolio(this WebApplicationBuilder builder)
    {
        builder.Services.AddNautilusStorage(PortfolioRepository.Migrations);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<PortfolioRepository>();
        builder.Services.AddSingleton<PortfolioMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(PortfolioMetrics.MeterName));
        return builder;
    }

    public static WebApplication MapPortfolio(this WebApplication app)
    {
        app.MapOptimizationApi();
        app.MapBookApi();
        app.MapValuationApi();
        return app;
    }
}
