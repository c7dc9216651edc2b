using System.Text.Json;
using Nautilus.MarketData.Contracts;

namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>
/// The life of a feed that runs a loop in the background: started (again) with new settings, stopped, counted, and
/// faulted with its error when the loop throws. Feeds differ only in their settings and their loop.
/// </summary>
public abstract class BackgroundFeed(ILogger logger) : IMarketDataFeed
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _stop;
    private Task _loop = Task.CompletedTask;
    private long _events;
    private DateTimeOffset? _startedAt;
    private string? _error;
    private FeedState _state = FeedState.Stopped;

    public abstract string Name { get; }

    protected abstract string Description { get; }

    protected abstract object Settings { get; }

    public FeedStatus Status => new(Name, Description, _state, Events, _startedAt, _error, Settings);

    protected long Events => Interlocked.Read(ref _events);

    public abstract Task StartAsync(JsonElement? settings, CancellationToken ct);

    public async Task StopAsync()
    {
        Task loop;
        lock (_gate)
        {
            _stop?.Cancel();
            loop = _loop;
        }

        await loop;
    }

    /// <summary>Counts one event handed to the pipeline.</summary>
    protected void Counted() => Interlocked.Increment(ref _events);

    /// <summary>Stops the running loop, then runs <paramref name="loop"/>; the feed is Stopped when it returns.</summary>
    protected async Task LaunchAsync(Func<CancellationToken, Task> loop)
    {
        await StopAsync();
        lock (_gate)
        {
            _events = 0;
            _error = null;
            _startedAt = DateTimeOffset.UtcNow;
            _state = FeedState.Running;
            _stop = new CancellationTokenSource();
            var token = _stop.Token;
            _loop = Task.Run(async () =>
            {
                try
                {
                    await loop(token);
                    _state = FeedState.Stopped;
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    _state = FeedState.Stopped;
                }
                catch (Exception ex)
                {
                    _error = ex.Message;
                    _state = FeedState.Faulted;
                    logger.LogError(ex, "Feed {Feed} failed", Name);
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>Settings from the request body (defaults when there is none); a malformed field is the caller's error.</summary>
    protected static T Parse<T>(JsonElement? settings, T defaults)
    {
        try
        {
            return settings is { ValueKind: JsonValueKind.Object } json
                ? json.Deserialize<T>(JsonSerializerOptions.Web) ?? defaults
                : defaults;
        }
        catch (JsonException ex)
        {
            throw new FeedSettingsException(ex.Path?.TrimStart('$', '.') is { Length: > 0 } p ? p : "settings", ex.Message);
        }
    }
}
