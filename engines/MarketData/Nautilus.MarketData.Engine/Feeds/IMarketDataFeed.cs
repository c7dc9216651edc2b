using System.Text.Json;
using Nautilus.MarketData.Contracts;

namespace Nautilus.MarketData.Engine.Feeds;

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
