using Nautilus.Factor.Engine.Apis;

namespace Nautilus.Factor.Engine.Extensions;

public static class FactorExtensions
{
    /// <summary>The factor calculations and their metrics.</summary>
    public static WebApplicationBuilder AddFactor(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FactorMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(FactorMetrics.MeterName));
        return builder;
    }

    public static WebApplication MapFactor(this WebApplication app)
    {
        app.MapFactorCalculationsApi();
        return app;
    }
}
