using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using StackExchange.Redis;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// From the buses to every replica's clients. The engine's consumer group gives each bus message to one replica;
/// that replica serialises it to JSON once and publishes it on a Redis channel (the backplane) that every replica —
/// itself included — listens to and dispatches to its own clients.
/// </summary>
public sealed class BusFanOut(GatewayHub hub, [FromKeyedServices(BusNames.MarketData)] IConnectionMultiplexer redis, ILogger<BusFanOut> logger)
    : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("nautilus:websocket:fanout");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public async Task StartAsync(CancellationToken cancellationToken) =>
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, value) => Receive(value!));

    public async Task StopAsync(CancellationToken cancellationToken) => await redis.GetSubscriber().UnsubscribeAsync(Channel);

    /// <summary>
    /// The handler for one message type: JSON once, onto the backplane without waiting for Redis's reply (pipelined),
    /// so the consumer keeps pace with the bus; the gateway is a live view, the bus keeps the record.
    /// </summary>
    public ValueTask OnMessageAsync<T>(T message, MessageContext context, CancellationToken ct) where T : IMessage
    {
        var conflation = message is IConflatable { ConflationKey: { } key } ? key : "";
        var data = JsonSerializer.Serialize(message, Json);
        var line = string.Join('\u001f', MessageRouting.WireName(T.Type), message.PartitionKey, conflation,
            context.Envelope.TimestampNs.ToString(CultureInfo.InvariantCulture), data);
        redis.GetSubscriber().Publish(Channel, line, CommandFlags.FireAndForget);
        return ValueTask.CompletedTask;
    }

    private void Receive(string line)
    {
        var parts = line.Split('\u001f', 5);
        if (parts.Length != 5 || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var publishedNs))
        {
            logger.LogWarning("Ignored a malformed backplane message");
            return;
        }

        hub.Dispatch(new GatewayMessage(parts[0], parts[1], parts[4], parts[2].Length > 0 ? parts[2] : null, publishedNs));
    }

    /// <summary>Subscribes <see cref="OnMessageAsync{T}"/> for every message type the engine consumes.</summary>
    public static void AddSubscriptions(IServiceCollection services, EngineDescriptor engine)
    {
        var byType = typeof(IMessage).Assembly.GetTypes()
            .Where(t => typeof(IMessage).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .ToDictionary(t => (MessageType)t.GetProperty(nameof(IMessage.Type), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!);
        var register = typeof(BusFanOut).GetMethod(nameof(Register), BindingFlags.NonPublic | BindingFlags.Static)!;
        foreach (var type in engine.Consumes)
        {
            register.MakeGenericMethod(byType[type]).Invoke(null, [services]);
        }
    }

    private static void Register<T>(IServiceCollection services) where T : IMessage =>
        services.AddSubscription<T>(sp => sp.GetRequiredService<BusFanOut>().OnMessageAsync);
}
