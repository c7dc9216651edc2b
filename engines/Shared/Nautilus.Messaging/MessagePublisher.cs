using System.Diagnostics;
using Microsoft.Extensions.Options;
using Nautilus.Contracts;
using Nautilus.Platform;

namespace Nautilus.Messaging;

/// <summary>Wraps each message in an envelope (id, source, time, trace context) and hands it to its bus's writer.</summary>
public sealed class MessagePublisher(BusWriters writers, IOptions<BusOptions> options, TimeProvider clock) : IMessagePublisher
{
    public static readonly ActivitySource ActivitySource = new(BusStats.MeterName);

    // Every n-th market-data publish starts a trace (0: none); counted, not random, so the share is exact.
    private readonly long _traceMarketDataEvery = options.Value.MarketDataTraceRatio <= 0 ? 0
        : Math.Max(1, (long)Math.Round(1 / Math.Min(1, options.Value.MarketDataTraceRatio)));
    private long _marketDataPublished;

    public ValueTask PublishAsync<T>(T message, PublishOptions? publishOptions = null, CancellationToken cancellationToken = default)
        where T : IMessage
    {
        ArgumentNullException.ThrowIfNull(message);
        var bus = MessageRouting.BusOf(T.Type);
        Activity? activity = null;
        string? traceParent = null;
        if (bus != Bus.MarketData || TraceThisMarketData())
        {
            // A producer span when someone listens; its id is the W3C traceparent the consumer continues.
            activity = ActivitySource.StartActivity(StreamNames.PublishSpan(T.Type), ActivityKind.Producer);
            activity?.SetTag("messaging.system", "redis");
            activity?.SetTag("messaging.destination.name", StreamNames.Of(T.Type));
            traceParent = (activity ?? Activity.Current)?.Id;
        }

        using var span = activity;

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
        return writers.For(bus).EnqueueAsync(envelope, conflationKey, cancellationToken);
    }

    private bool TraceThisMarketData() =>
        _traceMarketDataEvery > 0 && Interlocked.Increment(ref _marketDataPublished) % _traceMarketDataEvery == 0;

    public Task FlushAsync(CancellationToken cancellationToken = default) =>
        Task.WhenAll(writers.All.Select(w => w.FlushAsync(cancellationToken)));
}
