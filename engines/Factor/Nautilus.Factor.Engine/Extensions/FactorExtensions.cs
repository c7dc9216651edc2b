using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Factor.Engine.Apis;
using Nautilus.Factor.Engine.Models;
using Nautilus.Factor.Engine.Persistence;
using Nautilus.Features.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.Storage.Hosting;

namespace Nautilus.Factor.Engine.Extensions;

public static class FactorExtensions
{
    /// <summary>
    /// Its schema (model runs), the MarketData client for stored bars and master data, the Features client for user-defined
    /// styles, the calculations, metrics.
    /// </summary>
    public static WebApplicationBuilder AddFactor(this WebApplicationBuilder builder)
    {
        builder.Services.AddNautilusStorage(FactorRepository.Migrations);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient<MarketDataClient>(http => http.BaseAddress = new Uri(MarketDataClient.BaseAddress));
        builder.Services.AddHttpClient<FeaturesClient>(http => http.BaseAddress = new Uri(FeaturesClient.BaseAddress));
        builder.Services.AddSingleton<FactorRepository>();
        builder.Services.AddScoped<FactorRunBuilder>();
        builder.Services.AddSingleton<FactorMetrics>();
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(FactorMetrics.MeterName));
        return builder;
    }

    public static WebApplication MapFactor(this WebApplication app)
    {
        app.MapFactorCalculationsApi();
        app.MapFactorModelApi();
        return app;
    }
}
