using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Contracts;
using Nautilus.Execution.Contracts;
using Nautilus.Execution.Engine.Apis;
using Nautilus.Execution.Engine.Handlers;
using Nautilus.Execution.Engine.Persistence;
using Nautilus.Execution.Engine.State;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using Nautilus.Storage.Hosting;

namespace Nautilus.Execution.Engine.Extensions;

public static class ExecutionExtensions
{
    /// <summary>Its schema, the live OMS with its paper venue and journal, the handlers of orders, verdicts and market data.</summary>
    public static WebApplicationBuilder AddExecution(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddNautilusStorage(ExecutionRepository.Migrations);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<ExecutionOptions>(ExecutionOptions.Section);
        services.AddHttpClient<MarketDataClient>(http => http.BaseAddress = new Uri(MarketDataClient.BaseAddress));
        services.AddSingleton<InstrumentDirectory>();
        services.AddSingleton<ExecutionRepository>();
        services.AddSingleton<ExecutionMetrics>();
        services.AddSingleton(Channel.CreateUnbounded<ExecutionEvent>(new UnboundedChannelOptions { SingleReader = true }));
        services.AddSingleton<LiveExecution>();
        services.AddSingleton<ExecutionStartup>();
        services.AddHostedService(sp => sp.GetRequiredService<ExecutionStartup>());
        services.AddHostedService<ExecutionJournal>();
        services.AddSingleton<AlgorithmRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<AlgorithmRunner>());
        services.AddMessageHandler<OrderRequest, OrderRequestHandler>();
        services.AddMessageHandler<PreTradeResult, PreTradeResultHandler>();
        services.AddMessageHandler<MarketDataEvent, MarketDataHandler>();
        return builder;
    }

    public static WebApplication MapExecution(this WebApplication app)
    {
        app.MapOrdersApi();
        app.MapPositionsApi();
        app.MapAlgorithmsApi();
        return app;
    }
}
