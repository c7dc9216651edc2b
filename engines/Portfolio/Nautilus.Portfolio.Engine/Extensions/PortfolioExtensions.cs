using Nautilus.Portfolio.Engine.Apis;

namespace Nautilus.Portfolio.Engine.Extensions;

public static class PortfolioExtensions
{
    /// <summary>The optimisation calculations and their metrics.</summary>
    public static WebApplicationBuilder AddPortfolio(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PortfolioMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(PortfolioMetrics.MeterName));
        return builder;
    }

    public static WebApplication MapPortfolio(this WebApplication app)
    {
        app.MapOptimizationApi();
        return app;
    }
}
