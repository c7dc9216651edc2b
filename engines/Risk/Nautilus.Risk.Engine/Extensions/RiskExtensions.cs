using Nautilus.Risk.Engine.Apis;

namespace Nautilus.Risk.Engine.Extensions;

public static class RiskExtensions
{
    public static WebApplicationBuilder AddRisk(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(RiskMetrics.MeterName));
        builder.Services.AddSingleton<RiskMetrics>();
        return builder;
    }

    public static WebApplication MapRisk(this WebApplication app)
    {
        app.MapRiskCalculationsApi();
        return app;
    }
}
