using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nautilus.Platform;
using StackExchange.Redis;

namespace Nautilus.Messaging.Tests;

/// <summary>One service's messaging stack (publisher, consumer, stats) over real servers, as an engine would have it.</summary>
public sealed class BusHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public BusHost(IConnectionMultiplexer marketData, IConnectionMultiplexer logic, string group,
        Action<BusOptions>? configure = null, params Subscription[] subscriptions)
    {
        var services = new ServiceCollection();
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<Microsoft.Extensions.Logging.ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(Options.Create(Configure(group, configure)));
        services.AddNautilusMessaging(_ => new BusConnections(new Dictionary<Bus, IConnectionMultiplexer>
        {
            [Bus.MarketData] = marketData,
            [Bus.EngineLogic] = logic,
        }));
        foreach (var subscription in subscriptions)
        {
            services.AddSingleton(subscription);
        }
        _services = services.BuildServiceProvider();
    }

    private static BusOptions Configure(string group, Action<BusOptions>? configure)
    {
        var options = new BusOptions
        {
            Source = group,
            NewGroupsReadFromStart = true,
            ReadBlock = TimeSpan.FromMilliseconds(50),
            ClaimIdleAfter = TimeSpan.FromMilliseconds(300),
            ClaimInterval = TimeSpan.FromMilliseconds(100),
            RetryBackoff = TimeSpan.FromMilliseconds(1),
        };
        configure?.Invoke(options);
        return options;
    }

    public IMessagePublisher Publisher => _services.GetRequiredService<IMessagePublisher>();

    public BusStats Stats => _services.GetRequiredService<BusStats>();

    public BusWriters Writers => _services.GetRequiredService<BusWriters>();

    /// <summary>The hosted service that trims streams by age (not started by <see cref="StartAsync"/>).</summary>
    public IHostedService Retention => _services.GetServices<IHostedService>().OfType<StreamRetention>().Single();

    public MessageConsumer Consumer => _services.GetRequiredService<MessageConsumer>();

    public Task StartAsync() => ((IHostedService)Consumer).StartAsync(CancellationToken.None);

    /// <summary>Stops the consumer; a handler that never returns holds it at most 30 s, so a failed test fails instead of hanging.</summary>
    public async Task StopAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await ((IHostedService)Consumer).StopAsync(limit.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
    }
}
