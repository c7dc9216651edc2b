using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Nautilus.Contracts;

namespace Nautilus.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>Publisher, consumer and statistics of both buses; the host supplies the connections.</summary>
    public static IServiceCollection AddNautilusMessaging(this IServiceCollection services, Func<IServiceProvider, BusConnections> connections)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(connections);
        services.AddSingleton<BusStats>();
        services.AddSingleton<BusWriters>();
        services.AddSingleton<IMessagePublisher, MessagePublisher>();
        services.AddSingleton<MessageConsumer>();
        services.AddHostedService(sp => sp.GetRequiredService<MessageConsumer>());
        services.AddHostedService<StreamRetention>();
        return services;
    }

    /// <summary>Runs <paramref name="handler"/> for every <typeparamref name="T"/> on its bus, in this service's consumer group.</summary>
    public static IServiceCollection AddSubscription<T>(this IServiceCollection services,
        Func<IServiceProvider, Func<T, MessageContext, CancellationToken, ValueTask>> handler, Func<Envelope, bool>? wants = null)
        where T : IMessage =>
        services.AddSingleton(sp => Subscription.For(handler(sp), wants));
}
