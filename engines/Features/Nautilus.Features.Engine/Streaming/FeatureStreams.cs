using System.Collections.Concurrent;
using Nautilus.Contracts;
using Nautilus.Indicators.Features;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;

namespace Nautilus.Features.Engine.Streaming;

/// <summary>The latest features of one instrument and bar interval.</summary>
public sealed record LatestFeatures(string Symbol, int IntervalSeconds, DateTimeOffset BarClose, long Bars, IReadOnlyDictionary<string, double> Values);

/// <summary>
/// Streaming features: for each instrument and bar interval, the default <see cref="FeatureSet"/> fed by every
/// closed bar on the marketdata-bus, publishing FEATURE_UPDATE. The first bar of a stream warms the set up with
/// stored history from the MarketData engine, so a restart does not leave indicators cold for half an hour.
/// Bars of a stream arrive in order (one stream per type, one consumer), and a bar not newer than the last is ignored.
/// </summary>
public sealed class FeatureStreams(IMessagePublisher publisher, MarketDataClient history, ILogger<FeatureStreams> logger)
{
    private readonly ConcurrentDictionary<(string, int), Stream> _streams = new();

    public IReadOnlyList<LatestFeatures> Latest => _streams.Values.Select(s => s.Latest).OfType<LatestFeatures>().ToArray();

    public LatestFeatures? LatestOf(string symbol, int interval) =>
        _streams.TryGetValue((symbol, interval), out var stream) ? stream.Latest : null;

    /// <summary>Feeds a closed bar to its stream and publishes the features it yields, correlated with the bar's message.</summary>
    public async ValueTask OnBarAsync(Bar bar, MessageContext context, CancellationToken ct)
    {
        var symbol = bar.InstrumentId.Symbol;
        var key = (symbol, bar.BarType.IntervalSeconds);
        if (!_streams.TryGetValue(key, out var stream))
        {
            stream = new Stream(new FeatureSet(FeatureCatalog.DefaultSpecs));
            await WarmUpAsync(stream, bar, ct);
            _streams[key] = stream;
        }

        if (bar.TsEvent <= stream.LastOpen)
        {
            return; // redelivered or replayed
        }

        var values = stream.Add(bar);
        stream.Latest = new LatestFeatures(symbol, bar.BarType.IntervalSeconds, bar.TsClose.ToDateTimeOffset(), stream.Bars, values);
        if (values.Count > 0)
        {
            await publisher.PublishAsync(new FeatureUpdate(bar.BarType, bar.TsClose, values),
                new PublishOptions(CorrelationId: context.Envelope.Id), ct);
        }
    }

    private async Task WarmUpAsync(Stream stream, Bar bar, CancellationToken ct)
    {
        var open = bar.TsEvent.ToDateTimeOffset();
        var interval = bar.BarType.IntervalSeconds;
        try
        {
            var from = open.AddSeconds(-interval * (stream.Set.WarmUpPeriod + 5));
            foreach (var past in await history.GetAllBarsAsync(bar.InstrumentId.Symbol, interval, from, open.AddTicks(-1), ct: ct))
            {
                stream.Add(past);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or MarketDataRequestException or TaskCanceledException)
        {
            // Without history the set warms up on live bars instead.
            logger.LogWarning("No warm-up history for {Symbol} {Interval}s: {Error}", bar.InstrumentId.Symbol, interval, ex.Message);
        }
    }

    private sealed class Stream(FeatureSet set)
    {
        public FeatureSet Set { get; } = set;
        public UnixNanos LastOpen { get; private set; } = new(long.MinValue);
        public long Bars { get; private set; }
        public LatestFeatures? Latest { get; set; }

        public Dictionary<string, double> Add(Bar bar)
        {
            LastOpen = bar.TsEvent;
            Bars++;
            return Set.Update(bar);
        }
    }
}
