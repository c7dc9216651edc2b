using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nautilus.Platform;
using StackExchange.Redis;

namespace Nautilus.Messaging;

/// <summary>
/// The bus client outside an engine's host (benchmarks, tests, tools): publisher, consumer and statistics over the given
/// connections, with the given subscriptions and logging discarded. The caller starts the <see cref="MessageConsumer"/> when it
/// subscribes to anything.
/// </summary>
public static class StandaloneMessaging
{
    public static ServiceProvider Build(IReadOnlyDictionary<Bus, IConnectionMultiplexer> connections, BusOptions options,
        params Subscription[] subscriptions)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(Options.Create(options));
        services.AddNautilusMessaging(_ => new BusConnections(connections));
        foreach (var subscription in subscriptions)
        {
            services.AddSingleton(subscription);
        }

        return services.BuildServiceProvider();
    }
}
