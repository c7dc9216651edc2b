using System.Text.Json;
using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.MarketData.Domain.Replay;
using Nautilus.MarketData.Engine.Instruments;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.MarketData.Engine.Pipeline;
using Nautilus.Model;

namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>
/// What to replay: the stored bars of one instrument and interval in [from, to] (imported files or recorded live
/// bars), at <see cref="BarsPerSecond"/> (0: as fast as the pipeline takes them).
/// </summary>
public sealed record BarReplaySettings(string? Symbol = null, int Interval = 86_400, DateTimeOffset? From = null, DateTimeOffset? To = null,
    double BarsPerSecond = 10);

/// <summary>
/// Plays stored bars back onto the marketdata-bus as MARKET_DATA bars, in time order and at a chosen pace, so
/// features, strategies and the UI see history as if it were live. The bars are already stored; they are not
/// written again. The feed stops by itself after the last bar.
/// </summary>
public sealed class BarReplayFeed(ChannelWriter<FeedItem> pipeline, InstrumentRepository instruments, MarketDataRepository repository,
    ILogger<BarReplayFeed> logger) : BackgroundFeed(logger)
{
    public const string FeedName = "bar-replay";

    private BarReplaySettings _settings = new();
    private int _total;

    public override string Name => FeedName;

    protected override string Description => $"Replay of stored bars ({Events} of {_total} played)";

    protected override object Settings => _settings;

    public override async Task StartAsync(JsonElement? settings, CancellationToken ct)
    {
        var parsed = Parse(settings, new BarReplaySettings());

        if (parsed.Symbol is null || !instruments.IsKnown(parsed.Symbol))
        {
            throw new FeedSettingsException("symbol", parsed.Symbol is null ? "required" : $"unknown instrument '{parsed.Symbol}'");
        }

        if (!MarketDataPipeline.StoredIntervals.Contains(parsed.Interval))
        {
            throw new FeedSettingsException("interval", $"one of {string.Join(", ", MarketDataPipeline.StoredIntervals)} seconds");
        }

        if (parsed.BarsPerSecond is < 0 or > 1_000_000 || double.IsNaN(parsed.BarsPerSecond))
        {
            throw new FeedSettingsException("barsPerSecond", "between 0 (as fast as possible) and 1,000,000");
        }

        var from = parsed.From ?? DateTimeOffset.UnixEpoch;
        var to = parsed.To ?? DateTimeOffset.UtcNow;
        if (to < from)
        {
            throw new FeedSettingsException("to", "the range ends before it starts");
        }

        var bars = await repository.ReadBarsAsync(parsed.Symbol, parsed.Interval, from.UtcDateTime, to.UtcDateTime, ct);
        if (bars.Count == 0)
        {
            throw new FeedSettingsException("symbol", $"no stored {parsed.Interval}-second bars of {parsed.Symbol} in the range: import a file first (POST /api/bars/import)");
        }

        _settings = parsed;
        _total = bars.Count;
        var instrument = new InstrumentSpec(instruments.Cached(parsed.Symbol)!);
        await LaunchAsync(token => RunAsync(bars, instrument, parsed, token));
        logger.LogInformation("Replaying {Count} bars of {Symbol}", bars.Count, parsed.Symbol);
    }

    private async Task RunAsync(BarSeries bars, InstrumentSpec instrument, BarReplaySettings settings, CancellationToken ct)
    {
        var pace = new ReplayPace(TimeProvider.System);
        for (var i = 0; i < bars.Count && !ct.IsCancellationRequested; i++)
        {
            if (settings.BarsPerSecond > 0)
            {
                await pace.WaitUntilAsync(ReplayPace.DueAt(i, settings.BarsPerSecond), ct);
            }

            await pipeline.WriteAsync(new FeedItem(default, null, instrument.ToBar(bars[i])), ct);
            Counted();
        }
    }
}
