using System.Text.Json;

namespace Nautilus.MarketData.Engine.Feeds;

public enum FeedState { Stopped, Running, Faulted }

/// <summary>A feed as the API and /health show it.</summary>
public sealed record FeedStatus(
    string Name, string Description, FeedState State, long Events, DateTimeOffset? StartedAt, string? Error, object? Settings);

/// <summary>A source of market data: started with its settings, stopped, inspected. Every feed writes to the same pipeline.</summary>
public interface IMarketDataFeed
{
    string Name { get; }

    FeedStatus Status { get; }

    /// <summary>Starts (or restarts with new settings). Invalid settings throw <see cref="FeedSettingsException"/>.</summary>
    Task StartAsync(JsonElement? settings, CancellationToken ct);

    Task StopAsync();
}

/// <summary>Settings a feed refuses, with the field at fault (the API answers problem+json with it).</summary>
public sealed class FeedSettingsException(string field, string problem) : Exception($"{field}: {problem}")
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
