using System.Reflection;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using StackExchange.Redis;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// From the buses to every replica's clients. The engine's consumer group gives each bus message to one replica;
/// that replica passes the envelope, still encoded, onto a Redis channel (the backplane) that every replica — itself
/// included — listens to and dispatches to its own clients. Payloads become JSON only when a client wants them
/// (<see cref="GatewayMessage"/>): the gateway sees every market-data message, its clients usually want a few symbols.
/// </summary>
public sealed class BusFanOut(GatewayHub hub, [FromKeyedServices(BusNames.MarketData)] IConnectionMultiplexer redis, ILogger<BusFanOut> logger)
    : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("nautilus:websocket:fanout");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    // How each message type becomes JSON (and its conflation key).
    private static readonly Dictionary<MessageType, Func<Envelope, (string Data, string? ConflationKey)>> Renderers =
        typeof(IMessage).Assembly.GetTypes()
            .Where(t => typeof(IMessage).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .ToDictionary(
                t => (MessageType)t.GetProperty(nameof(IMessage.Type), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!,
                t => typeof(BusFanOut).GetMethod(nameof(Render), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(t).CreateDelegate<Func<Envelope, (string, string?)>>());

    public async Task StartAsync(CancellationToken cancellationToken) =>
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, value) => Receive(value));

    public async Task StopAsync(CancellationToken cancellationToken) => await redis.GetSubscriber().UnsubscribeAsync(Channel);

    /// <summary>
    /// The handler of every consumed type: the envelope onto the backplane without waiting for Redis's reply
    /// (pipelined), so the consumer keeps pace with the bus; the gateway is a live view, the bus keeps the record.
    /// </summary>
    public ValueTask OnEnvelopeAsync(Envelope envelope, MessageContext context, CancellationToken ct)
    {
        redis.GetSubscriber().Publish(Channel, MessageCodec.EncodeBatch([envelope]), CommandFlags.FireAndForget);
        return ValueTask.CompletedTask;
    }

    private void Receive(RedisValue value)
    {
        Envelope[] envelopes;
        try
        {
            envelopes = MessageCodec.DecodeBatch((byte[])value!);
        }
        catch (MalformedMessageException)
        {
            logger.LogWarning("Ignored a malformed backplane message");
            return;
        }
        foreach (var envelope in envelopes)
        {
            if (Renderers.TryGetValue(envelope.Type, out var render))
            {
                hub.Dispatch(new GatewayMessage(MessageRouting.WireName(envelope.Type), envelope.Key, envelope.TimestampNs, () => render(envelope)));
            }
        }
    }

    /// <summary>Subscribes <see cref="OnEnvelopeAsync"/> for every message type the engine consumes.</summary>
    public static void AddSubscriptions(IServiceCollection services, EngineDescriptor engine)
    {
        foreach (var type in engine.Consumes)
        {
            services.AddSingleton(sp => Subscription.ForEnvelopes(type, sp.GetRequiredService<BusFanOut>().OnEnvelopeAsync));
        }
    }

    private static (string Data, string? ConflationKey) Render<T>(Envelope envelope) where T : IMessage
    {
        var message = MessageCodec.DecodePayload<T>(envelope);
        return (JsonSerializer.Serialize(message, Json), message is IConflatable { ConflationKey: { } key } ? key : null);
    }
}
