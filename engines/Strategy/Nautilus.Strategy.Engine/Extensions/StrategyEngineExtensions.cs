using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Contracts;
using Nautilus.Execution.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using Nautilus.Storage.Hosting;
using Nautilus.Strategy.Engine.Apis;
using Nautilus.Strategy.Engine.Handlers;
using Nautilus.Strategy.Engine.Persistence;
using Nautilus.Strategy.Engine.Runtime;

namespace Nautilus.Strategy.Engine.Extensions;

public static class StrategyEngineExtensions
{
    /// <summary>Its schema, the runtime of deployed strategies, the handlers of what strategies see, metrics.</summary>
    public static WebApplicationBuilder AddStrategies(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddNautilusStorage(StrategyRepository.Migrations);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<StrategyEngineOptions>(StrategyEngineOptions.Section);
        services.AddHttpClient<MarketDataClient>(http => http.BaseAddress = new Uri(MarketDataClient.BaseAddress));
        services.AddHttpClient<ExecutionClient>(http => http.BaseAddress = new Uri(ExecutionClient.BaseAddress));
        services.AddSingleton<InstrumentDirectory>();
        services.AddSingleton<StrategyRepository>();
        services.AddSingleton<StrategyEngineMetrics>();
        services.AddSingleton<StrategyRuntime>();
        services.AddHostedService(sp => sp.GetRequiredService<StrategyRuntime>());
        services.AddMessageHandler<MarketDataEvent, MarketDataHandler>();
        services.AddMessageHandler<TradeExecution, TradeExecutionHandler>();
        services.AddMessageHandler<OrderUpdate, OrderUpdateHandler>();
        services.AddMessageHandler<FeatureUpdate, FeatureUpdateHandler>();
        services.AddMessageHandler<VpinCalculation, VpinCalculationHandler>();
        services.AddMessageHandler<MlPrediction, MlPredictionHandler>();
        return builder;
    }

    public static WebApplication MapStrategies(this WebApplication app)
    {
        app.MapStrategiesApi();
        return app;
    }
}
