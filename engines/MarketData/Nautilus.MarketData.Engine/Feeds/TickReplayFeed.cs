using System.Text.Json;
using System.Threading.Channels;
using Nautilus.MarketData.Domain.Replay;
using Nautilus.MarketData.Engine.Replay;

namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>
/// What to replay: a stored tick file (see <c>/api/replay/files</c>), the instrument of a file without a symbol column,
/// and the pace: <see cref="Speed"/> × real time (1 = as recorded, 60 = a minute a second), 0 = as fast as the pipeline takes them.
/// </summary>
public sealed record TickReplaySettings(string? File = null, string? Symbol = null, double Speed = 1);

/// <summary>
/// Plays a file of trades and quotes into the pipeline in file order with their own timestamps, paced by the gaps
/// between them: every tick is validated, stored, aggregated into bars and published exactly as live ticks are. The
/// feed stops by itself after the last tick.
/// </summary>
public sealed class TickReplayFeed(ChannelWriter<FeedItem> pipeline, ReplayFiles files, ILogger<TickReplayFeed> logger) : BackgroundFeed(logger)
{
    public const string FeedName = "tick-replay";

    private TickReplaySettings _settings = new();
    private int _total;

    public override string Name => FeedName;

    protected override string Description => _settings.File is null
        ? "Replay of a tick file (CSV or Parquet)"
        : $"Replay of {_settings.File} ({Events} of {_total} ticks played, {(_settings.Speed > 0 ? $"×{_settings.Speed}" : "as fast as possible")})";

    protected override object Settings => _settings;

    public override async Task StartAsync(JsonElement? settings, CancellationToken ct)
    {
        var parsed = Parse(settings, new TickReplaySettings());
        if (parsed.File is null || !files.Exists(parsed.File))
        {
            throw new FeedSettingsException("file", parsed.File is null
                ? "required: the name of an uploaded tick file (PUT /api/replay/files/{name})"
                : $"no tick file '{parsed.File}' (GET /api/replay/files lists them)");
        }

        if (parsed.Speed is < 0 or > 1_000_000 || double.IsNaN(parsed.Speed))
        {
            throw new FeedSettingsException("speed", "between 0 (as fast as possible) and 1,000,000 × real time");
        }

        TickImport import;
        try
        {
            import = await files.ReadAsync(parsed.File, parsed.Symbol, ct);
        }
        catch (InvalidDataException ex)
        {
            throw new FeedSettingsException("file", ex.Message);
        }

        if (import.Ticks.Count == 0)
        {
            throw new FeedSettingsException(import.Errors.FirstOrDefault()?.Field ?? "file",
                import.Errors.FirstOrDefault() is { } first ? $"line {first.Line}: {first.Problem}" : "the file has no ticks");
        }

        _settings = parsed;
        _total = import.Ticks.Count;
        await LaunchAsync(token => RunAsync(import.Ticks, parsed.Speed, token));
        logger.LogInformation("Replaying {Count} ticks of {File} at ×{Speed}", import.Ticks.Count, parsed.File, parsed.Speed);
    }

    private async Task RunAsync(IReadOnlyList<FileTick> ticks, double speed, CancellationToken ct)
    {
        var pace = new ReplayPace(TimeProvider.System);
        var firstNs = ticks[0].Tick.TsNs;
        foreach (var (tick, _) in ticks)
        {
            if (speed > 0)
            {
                // Due when the file's elapsed time, compressed by the speed, has passed on the wall clock.
                await pace.WaitUntilAsync(TimeSpan.FromTicks((long)((tick.TsNs - firstNs) / 100 / speed)), ct);
            }

            await pipeline.WriteAsync(new FeedItem(tick), ct);
            Counted();
        }
    }
}
