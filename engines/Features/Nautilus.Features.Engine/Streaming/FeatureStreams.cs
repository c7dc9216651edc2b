using System.Collections.Concurrent;
using Nautilus.Contracts;
using Nautilus.Indicators;
using Nautilus.Indicators.Features;
using Nautilus.Messaging;

namespace Nautilus.Features.Engine.Streaming;

/// <summary>The latest features of one instrument and bar interval.</summary>
public sealed record LatestFeatures(string Symbol, int IntervalSeconds, DateTimeOffset BarClose, long Bars, IReadOnlyDictionary<string, double> Values);

/// <summary>
/// Streaming features: for each instrument and bar interval, the default <see cref="FeatureSet"/> fed by every
/// closed bar on the marketdata-bus, publishing FEATURE_UPDATE. The first bar of a stream warms the set up with
/// stored history from the MarketData engine, so a restart does not leave indicators cold for half an hour.
/// Bars of a stream arrive in order (one stream per type, one consumer), and a bar not newer than the last is ignored.
/// </summary>
public sealed class FeatureStreams(IMessagePublisher publisher, BarHistoryClient history, ILogger<FeatureStreams> logger)
{
    private readonly ConcurrentDictionary<(string, int), Stream> _streams = new();

    public IReadOnlyList<LatestFeatures> Latest => _streams.Values.Select(s => s.Latest).OfType<LatestFeatures>().ToArray();

    public LatestFeatures? LatestOf(string symbol, int interval) =>
        _streams.TryGetValue((symbol, interval), out var stream) ? stream.Latest : null;

    public async ValueTask OnMarketDataAsync(MarketDataEvent message, MessageContext context, CancellationToken ct)
    {
        if (message.Kind != MarketDataKind.Bar || message.Bar is not { } bar)
        {
            return;
        }

        var key = (message.InstrumentId, bar.IntervalSeconds);
        if (!_streams.TryGetValue(key, out var stream))
        {
            stream = new Stream(new FeatureSet(FeatureCatalog.DefaultSpecs));
            await WarmUpAsync(stream, message.InstrumentId, bar, ct);
            _streams[key] = stream;
        }

        if (bar.OpenTimeNs <= stream.LastOpenNs)
        {
            return; // redelivered or replayed
        }

        var closeNs = bar.OpenTimeNs + bar.IntervalSeconds * 1_000_000_000L;
        var values = stream.Add(bar.OpenTimeNs, new Bar(bar.OpenTimeNs, (double)bar.Open, (double)bar.High, (double)bar.Low,
            (double)bar.Close, (double)bar.Volume));
        stream.Latest = new LatestFeatures(message.InstrumentId, bar.IntervalSeconds,
            UnixNanos.ToDateTimeOffset(closeNs), stream.Bars, values);
        if (values.Count > 0)
        {
            await publisher.PublishAsync(new FeatureUpdate(message.InstrumentId, closeNs, values, bar.IntervalSeconds),
                new PublishOptions(CorrelationId: context.Envelope.Id), ct);
        }
    }

    private async Task WarmUpAsync(Stream stream, string symbol, BarData bar, CancellationToken ct)
    {
        var open = UnixNanos.ToDateTimeOffset(bar.OpenTimeNs);
        try
        {
            var from = open.AddSeconds(-bar.IntervalSeconds * (stream.Set.WarmUpPeriod + 5));
            var bars = await history.GetAsync(symbol, bar.IntervalSeconds, from, open.AddTicks(-1), ct);
            foreach (var (_, past) in bars)
            {
                stream.Add(past.TsNs, past);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or BarHistoryException or TaskCanceledException)
        {
            // Without history the set warms up on live bars instead.
            logger.LogWarning("No warm-up history for {Symbol} {Interval}s: {Error}", symbol, bar.IntervalSeconds, ex.Message);
        }
    }

    private sealed class Stream(FeatureSet set)
    {
        public FeatureSet Set { get; } = set;
        public long LastOpenNs { get; private set; } = long.MinValue;
        public long Bars { get; private set; }
        public LatestFeatures? Latest { get; set; }

        public Dictionary<string, double> Add(long openNs, Bar bar)
        {
            LastOpenNs = openNs;
            Bars++;
            return Set.Update(bar);
        }
    }
}
