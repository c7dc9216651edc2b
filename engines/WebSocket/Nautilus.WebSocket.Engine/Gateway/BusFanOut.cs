using System.Buffers;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Platform;
using StackExchange.Redis;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// From the buses to every replica's clients. The engine's consumer group gives each bus message to one replica; that
/// replica dispatches it to its own clients and, when other replicas listen, passes the envelope, still encoded, onto a
/// Redis channel (the backplane) from which they dispatch it to theirs. Envelopes go onto the backplane in batches
/// (whatever has arrived since the last PUBLISH, never waiting for more). A replica alone — the usual case — publishes
/// nothing: every replica says hello on the channel every <see cref="HelloInterval"/>, hearing another one starts the
/// publishing, and a PUBLISH that reaches no other replica stops it. Payloads become JSON only when a client wants them
/// (<see cref="GatewayMessage"/>): the gateway sees every market-data message, its clients usually want a few symbols.
/// </summary>
public sealed class BusFanOut(GatewayHub hub, GatewayMetrics metrics, [FromKeyedServices(BusNames.MarketData)] IConnectionMultiplexer redis,
    ILogger<BusFanOut> logger)
    : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("nautilus:websocket:fanout");

    /// <summary>Most envelopes in one backplane message (about 50 KB of market data: below the large-object heap).</summary>
    public const int BatchSize = 128;

    /// <summary>How often a replica announces itself, so that replicas find each other after restarts of either or of Redis.</summary>
    public static readonly TimeSpan HelloInterval = TimeSpan.FromSeconds(2);

    private const int ReplicaIdLength = 16; // every backplane message starts with its sender's id; the id alone is a hello

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    // How each message type is decoded (its conflation and sampling keys) and becomes JSON; the envelope is the state.
    private static readonly Dictionary<MessageType, Func<object?, GatewayPayload>> Readers =
        typeof(IMessage).Assembly.GetTypes()
            .Where(t => typeof(IMessage).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .ToDictionary(
                t => (MessageType)t.GetProperty(nameof(IMessage.Type), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!,
                t => t == typeof(MarketDataEvent)
                    ? static envelope => ReadMarketData((Envelope)envelope!)
                    : typeof(BusFanOut).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(t).CreateDelegate<Func<object?, GatewayPayload>>());

    // Bounded: a gateway that cannot keep up slows the bus consumer (the stream keeps the record) instead of memory growing.
    private readonly Channel<Envelope> _outbox = System.Threading.Channels.Channel.CreateBounded<Envelope>(
        new BoundedChannelOptions(16 * BatchSize) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly byte[] _replica = Guid.NewGuid().ToByteArray();
    private readonly CancellationTokenSource _stopping = new();
    private Task _forwarding = Task.CompletedTask;
    private Task _greeting = Task.CompletedTask;
    private volatile bool _peers;
    private long _peerHeardAt; // Stopwatch timestamp of the last message from another replica

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await redis.GetSubscriber().SubscribeAsync(Channel, (_, value) => Receive(value));
        _forwarding = Task.Run(ForwardAsync, CancellationToken.None);
        _greeting = Task.Run(GreetAsync, CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _outbox.Writer.TryComplete();
        await Task.WhenAll(_forwarding, _greeting).WaitAsync(cancellationToken);
        await redis.GetSubscriber().UnsubscribeAsync(Channel);
    }

    /// <summary>
    /// The handler of every consumed type: the envelope into the outbox. While the engine stops (the consumer may still
    /// hand over a few) there is nobody left to forward to: those are let go, not failed into the dead-letter stream.
    /// </summary>
    public ValueTask OnEnvelopeAsync(Envelope envelope, MessageContext context, CancellationToken ct) =>
        _outbox.Writer.TryWrite(envelope) || _stopping.IsCancellationRequested ? ValueTask.CompletedTask : WaitForRoomAsync(envelope, ct);

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
    /// Dispatches what the outbox holds to this replica's clients and, when other replicas listen, publishes it up to
    /// <see cref="BatchSize"/> at a time without waiting for Redis's reply (pipelined), so the consumer keeps pace with
    /// the bus; the gateway is a live view, the bus keeps the record.
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
                Dispatch(envelope);
            }

            if (_peers)
            {
                metrics.BackplaneBatchPublished();
                // The sender's id, then the batch encoded right after it.
                var message = new ArrayBufferWriter<byte>(ReplicaIdLength + 512 * batch.Count);
                message.Write(_replica);
                MessageCodec.EncodeBatch(message, batch);
                Publish(message.WrittenMemory);
            }

            batch.Clear();
        }
    }

    /// <summary>Says hello on the backplane now and every <see cref="HelloInterval"/>: replicas find each other by it.</summary>
    private async Task GreetAsync()
    {
        using var timer = new PeriodicTimer(HelloInterval);
        try
        {
            do
            {
                Publish(_replica);
            }
            while (await timer.WaitForNextTickAsync(_stopping.Token));
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Publishes without waiting; Redis's count of receivers says whether any other replica still listens.</summary>
    private void Publish(ReadOnlyMemory<byte> message)
    {
        var sentAt = Stopwatch.GetTimestamp();
        Task<long> publish;
        try
        {
            publish = redis.GetSubscriber().PublishAsync(Channel, message);
        }
        catch (RedisException ex)
        {
            logger.LogWarning("Backplane publish failed: {Error}", ex.Message);
            return;
        }

        publish.ContinueWith(reply =>
        {
            if (!reply.IsCompletedSuccessfully)
            {
                logger.LogWarning("Backplane publish failed: {Error}", reply.Exception?.InnerException?.Message ?? "cancelled");
                return;
            }

            if (reply.Result > 1)
            {
                _peers = true;
            }
            else if (Volatile.Read(ref _peerHeardAt) < sentAt)
            {
                _peers = false; // only this replica heard it, and no other spoke since it was sent (a newcomer's hello may cross it)
            }

            metrics.ReplicasCounted(reply.Result);
        }, TaskContinuationOptions.ExecuteSynchronously);
    }

    private void Receive(RedisValue value)
    {
        var message = ((ReadOnlyMemory<byte>)value).Span;
        if (message.Length < ReplicaIdLength)
        {
            logger.LogWarning("Ignored a malformed backplane message");
            return;
        }
        if (message[..ReplicaIdLength].SequenceEqual(_replica))
        {
            return; // this replica's own: already dispatched
        }

        Volatile.Write(ref _peerHeardAt, Stopwatch.GetTimestamp());
        _peers = true;
        if (message.Length == ReplicaIdLength)
        {
            return; // a hello
        }

        Envelope[] envelopes;
        try
        {
            envelopes = MessageCodec.DecodeBatch(message[ReplicaIdLength..]);
        }
        catch (MalformedMessageException)
        {
            logger.LogWarning("Ignored a malformed backplane message");
            return;
        }
        foreach (var envelope in envelopes)
        {
            Dispatch(envelope);
        }
    }

    private void Dispatch(Envelope envelope)
    {
        if (ToMessage(envelope) is { } message)
        {
            hub.Dispatch(message);
        }
    }

    /// <summary>The envelope as the gateway's clients get it (read on first use); null for a type it does not know.</summary>
    public static GatewayMessage? ToMessage(Envelope envelope) =>
        Readers.TryGetValue(envelope.Type, out var read)
            ? new GatewayMessage(MessageRouting.WireName(envelope.Type), envelope.Key, envelope.Timestamp.Value, read, envelope)
            : null;

    /// <summary>Subscribes <see cref="OnEnvelopeAsync"/> for every message type the engine consumes.</summary>
    public static void AddSubscriptions(IServiceCollection services, EngineDescriptor engine)
    {
        foreach (var type in engine.Consumes)
        {
            services.AddSingleton(sp => Subscription.ForEnvelopes(type, sp.GetRequiredService<BusFanOut>().OnEnvelopeAsync));
        }
    }

    private static GatewayPayload Read<T>(object? state) where T : IMessage
    {
        var message = MessageCodec.DecodePayload<T>((Envelope)state!);
        var conflationKey = message is IConflatable { ConflationKey: { } key } ? key : null;
        return new GatewayPayload(conflationKey, conflationKey, () => JsonSerializer.Serialize(message, Json));
    }

    /// <summary>
    /// Market data by its kind alone (<see cref="MarketDataEvent.PeekKind"/>): the keys a client's outbox places it by
    /// need nothing more, and a throttled client — the operator's live view — places a hundred thousand ticks a second
    /// and writes a few hundred. The event is decoded only for a frame that is sent (a body that turns out unreadable
    /// then is sent to nobody). A throttled client asked for a live view, not a record: the newest trade print of an
    /// instrument stands for the ones before it within the interval (a tape that wants every print does not throttle).
    /// Bars always count, as do business messages (fills, orders, alerts).
    /// </summary>
    private static GatewayPayload ReadMarketData(Envelope envelope)
    {
        if (MarketDataEvent.PeekKind(envelope.Payload) is not { } kind)
        {
            return Read<MarketDataEvent>(envelope); // throws MalformedMessageException: the message is unreadable
        }

        var kindKey = TopicNames.Join(envelope.Key, kind.ToString()); // the event's ConflationKey, made once
        var conflationKey = MarketDataEvent.Conflates(kind) ? kindKey : null;
        return new GatewayPayload(conflationKey, kind is MarketDataKind.Trade ? kindKey : conflationKey,
            () => JsonSerializer.Serialize(MessageCodec.DecodePayload<MarketDataEvent>(envelope), Json));
    }
}
