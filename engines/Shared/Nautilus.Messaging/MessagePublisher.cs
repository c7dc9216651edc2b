using System.Diagnostics;
using Microsoft.Extensions.Options;
using Nautilus.Contracts;
using Nautilus.Platform;

namespace Nautilus.Messaging;

/// <summary>Wraps each message in an envelope (id, source, time, trace context) and hands it to its bus's writer.</summary>
public sealed class MessagePublisher(BusWriters writers, IOptions<BusOptions> options, TimeProvider clock) : IMessagePublisher
{
    public static readonly ActivitySource ActivitySource = new(BusStats.MeterName);

    public ValueTask PublishAsync<T>(T message, PublishOptions? publishOptions = null, CancellationToken cancellationToken = default)
        where T : IMessage
    {
        ArgumentNullException.ThrowIfNull(message);
        // A producer span only when someone listens (sampling); its id is the W3C traceparent the consumer continues.
        using var activity = ActivitySource.StartActivity(StreamNames.PublishSpan(T.Type), ActivityKind.Producer);
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.destination.name", StreamNames.Of(T.Type));
        var traceParent = (activity ?? Activity.Current)?.Id;

        var now = clock.GetUtcNow();
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
        return writers.For(MessageRouting.BusOf(T.Type)).EnqueueAsync(envelope, conflationKey, cancellationToken);
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(writers.All.Select(w => w.FlushAsync(cancellationToken)));
}
