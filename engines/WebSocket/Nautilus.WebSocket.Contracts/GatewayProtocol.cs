using System.Text.Json;
using System.Text.Json.Serialization;
using Nautilus.Contracts;

namespace Nautilus.WebSocket.Contracts;

/// <summary>The <c>op</c> of every frame, either way.</summary>
public static class GatewayOps
{
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Ping = "ping";
    public const string Subscribed = "subscribed";
    public const string Pong = "pong";
    public const string Error = "error";

    /// <summary>The latest message of a topic, sent once on subscribing.</summary>
    public const string Snapshot = "snapshot";

    /// <summary>A new message of a topic.</summary>
    public const string Update = "update";
}

/// <summary>
/// What a client sends: <c>{"op":"subscribe","topics":["PRICE_UPDATE:AAPL","MARKET_DATA:*"],"throttleMs":100}</c>,
/// <c>unsubscribe</c> with topics, or <c>ping</c>. <see cref="ThrottleMs"/> (0–60,000) asks for a live view: the newest
/// message of each instrument at most that often.
/// </summary>
public sealed record GatewayRequest(
    string Op,
    IReadOnlyList<string>? Topics = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ThrottleMs = null);

/// <summary>
/// What the gateway sends for a bus message (<c>op</c> snapshot or update): its topic <c>TYPE:KEY</c>, when it was
/// published, and the message as JSON, read with <see cref="ReadData{T}"/> as its type's record
/// (<see cref="MarketDataEvent"/> for MARKET_DATA, <see cref="PriceUpdate"/> for PRICE_UPDATE, …). Control answers
/// (subscribed, pong, error) carry no data.
/// </summary>
public sealed record GatewayFrame(string Op, string? Topic, string? Type, string? Key, long PublishedNs, JsonElement Data)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public bool IsMessage => Op is GatewayOps.Snapshot or GatewayOps.Update;

    public T? ReadData<T>() => Data.ValueKind == JsonValueKind.Undefined ? default : Data.Deserialize<T>(Json);

    public static GatewayFrame? Read(ReadOnlySpan<byte> utf8) => JsonSerializer.Deserialize<GatewayFrame>(utf8, Json);
}

/// <summary>Topic names: <c>TYPE:KEY</c> (<c>PRICE_UPDATE:AAPL</c>) and <c>TYPE:*</c> for every key of a type.</summary>
public static class GatewayTopics
{
    public const char Separator = ':';
    public const string AnyKey = "*";

    public static string Of(string type, string key) => $"{type}{Separator}{key}";

    public static string Every(string type) => Of(type, AnyKey);
}

/// <summary>Where a client presents its key, and where it connects.</summary>
public static class GatewayAccess
{
    public const string Path = "/ws";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string ApiKeyQuery = "apiKey";
}
