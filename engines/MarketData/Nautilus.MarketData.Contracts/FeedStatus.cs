using System.Text.Json.Serialization;

namespace Nautilus.MarketData.Contracts;

[JsonConverter(typeof(JsonStringEnumConverter<FeedState>))]
public enum FeedState { Stopped, Running, Faulted }

/// <summary>
/// A feed of the MarketData engine as <c>GET /api/feeds</c> and <c>/health</c> show it: its state, how many events it
/// has produced, and the settings it runs with (the JSON <c>POST /api/feeds/{name}/start</c> takes).
/// </summary>
public sealed record FeedStatus(
    string Name, string Description, FeedState State, long Events, DateTimeOffset? StartedAt, string? Error, object? Settings);
