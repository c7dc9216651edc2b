using System.Reflection;
using System.Text.Json;
using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using StackExchange.Redis;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// From the buses to every replica's clients. The engine's consumer group gives each bus message to one replica;
/// that replica passes the envelope, still encoded, onto a Redis channel (the backplane) that every replica — itself
/// included — listens to and dispatches to its own clients. Envelopes go onto the backplane in batches (whatever has
/// arrived since the last PUBLISH, never waiting for more): one Redis command and one delivery per batch, not per
/// tick. Payloads become JSON only when a client wants them (<see cref="GatewayMessage"/>): the gateway sees every
/// market-data message, its clients usually want a few symbols.
/// </summary>
public sealed class BusFanOut(GatewayHub hub, [FromKeyedServices(BusNames.MarketData)] IConnectionMultiplexer redis, ILogger<BusFanOut> logger)
    : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("nautilus:websocket:fanout");

    /// <summary>Most envelopes in one backplane message.</summary>
    public const int BatchSize = 256;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    // How each message type is decoded (its conflation and sampling keys) and becomes JSON.
    private static readonly Dictionary<MessageType, Func<Envelope, GatewayPayload>> Renderers =
        typeof(IMessage).Assembly.GetTypes()
            .Where(t => typeof(IMessage).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .ToDictionary(
                t => (MessageType)t.GetProperty(nameof(IMessage.Type), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!,
                t => typeof(BusFanOut).GetMethod(nameof(Render), BindingFlags.NonPublic | BindingFlags.Static)!
                    .MakeGenericMethod(t).CreateDelegate<Func<Envelope, GatewayPayload>>());

    // Bounded: a backplane that cannot keep up slows the bus consumer (the stream keeps the record) instead of memory growing.
    private readonly Channel<Envelope> _outbox = System.Threading.Channels.Channel.CreateBounded<Envelope>(
        new BoundedChannelOptions(16 * BatchSize) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private Task _forwarding = Task.CompletedTask;
    private volatile bool _stopping;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, value) => Receive(value));
        _forwarding = Task.Run(ForwardAsync, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        _outbox.Writer.TryComplete();
        await _forwarding.WaitAsync(cancellationToken);
        await redis.GetSubscriber().UnsubscribeAsync(Channel);
    }

    /// <summary>
    /// The handler of every consumed type: the envelope into the backplane's outbox. While the engine stops (the
    /// consumer may still hand over a few) there is nobody left to forward to: those are let go, not failed into the
    /// dead-letter stream.
    /// </summary>
    public ValueTask OnEnvelopeAsync(Envelope envelope, MessageContext context, CancellationToken ct) =>
        _outbox.Writer.TryWrite(envelope) || _stopping ? ValueTask.CompletedTask : WaitForRoomAsync(envelope, ct);

    private async ValueTask WaitForRoomAsync(Envelope envelope, CancellationToken ct)
    {
        try
        {
            await _outbox.Writer.WriteAsync(envelope, ct);
        }
        catch (ChannelClosedException)
        {
            // Stopping (see above).
        }
    }

    /// <summary>
    /// Publishes what the outbox holds, up to <see cref="BatchSize"/> at a time, without waiting for Redis's reply
    /// (pipelined), so the consumer keeps pace with the bus; the gateway is a live view, the bus keeps the record.
    /// </summary>
    private async Task ForwardAsync()
    {
        var reader = _outbox.Reader;
        var batch = new List<Envelope>(BatchSize);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < BatchSize && reader.TryRead(out var envelope))
            {
                batch.Add(envelope);
            }

            try
            {
                redis.GetSubscriber().Publish(Channel, MessageCodec.EncodeBatch(batch), CommandFlags.FireAndForget);
            }
            catch (RedisException ex)
            {
                logger.LogWarning("Backplane publish of {Count} messages failed: {Error}", batch.Count, ex.Message);
            }

            batch.Clear();
        }
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

    private static GatewayPayload Render<T>(Envelope envelope) where T : IMessage
    {
        var message = MessageCodec.DecodePayload<T>(envelope);
        var conflationKey = message is IConflatable { ConflationKey: { } key } ? key : null;
        // A throttled client asked for a live view, not a record: the newest trade print of an instrument stands for
        // the ones before it within the interval (a tape that wants every print does not throttle). Bars and business
        // messages (fills, orders, alerts) always count.
        var sampleKey = message is MarketDataEvent { Kind: MarketDataKind.Trade } trade ? $"{trade.InstrumentId}:{trade.Kind}" : conflationKey;
        return new GatewayPayload(conflationKey, sampleKey, () => JsonSerializer.Serialize(message, Json));
    }
}
