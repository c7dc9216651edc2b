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

    /// <summary>
    /// Runs <typeparamref name="THandler"/> (a singleton) for every <typeparamref name="T"/> on its bus, in this service's
    /// consumer group, passing over the envelopes it does not want before they are decoded.
    /// </summary>
    public static IServiceCollection AddMessageHandler<T, THandler>(this IServiceCollection services)
        where T : IMessage
        where THandler : class, IMessageHandler<T>
    {
        services.AddSingleton<THandler>();
        return services.AddSingleton(sp =>
        {
            IMessageHandler<T> handler = sp.GetRequiredService<THandler>();
            return Subscription.For<T>(handler.HandleAsync, handler.Wants);
        });
    }
}
