using System.Diagnostics;
using Microsoft.Extensions.Options;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Messaging;

/// <summary>Wraps each message in an envelope (id, source, time, trace context) and hands it to its bus's writer.</summary>
public sealed class MessagePublisher(BusWriters writers, IOptions<BusOptions> options, TimeProvider clock) : IMessagePublisher
{
    public static readonly ActivitySource ActivitySource = new(BusStats.MeterName);

    private readonly TraceRateLimiter _marketDataTraces = new(options.Value.MarketDataTracesPerSecond);

    public ValueTask PublishAsync<T>(T message, PublishOptions? publishOptions = null, CancellationToken cancellationToken = default)
        where T : IMessage
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow();
        var bus = MessageRouting.BusOf(T.Type);
        var traced = bus != Bus.MarketData || _marketDataTraces.TryTake(now.UtcTicks);
        // A producer span when traced and someone listens; its id is the W3C traceparent the consumer continues.
        using var activity = traced ? ActivitySource.StartActivity(StreamNames.PublishSpan(T.Type), ActivityKind.Producer) : null;
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.destination.name", StreamNames.Of(T.Type));
        var traceParent = traced ? (activity ?? Activity.Current)?.Id : null;

        var envelope = new Envelope(
            EnvelopeIds.Next(now.ToUnixTimeMilliseconds()),
            T.Type,
            options.Value.Source,
            UnixNanos.From(now),
            publishOptions?.CorrelationId ?? Guid.Empty,
            traceParent,
            publishOptions?.Priority ?? MessagePriority.Normal,
            T.SchemaVersion,
            message.PartitionKey,
            MessageCodec.EncodePayload(message));

        var conflationKey = message is IConflatable conflatable ? conflatable.ConflationKey : null;
        return writers.For(bus).EnqueueAsync(envelope, conflationKey, cancellationToken);
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(writers.All.Select(w => w.FlushAsync(cancellationToken)));
}
