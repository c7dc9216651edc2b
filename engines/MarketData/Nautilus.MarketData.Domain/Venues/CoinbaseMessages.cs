using System.Globalization;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.Model;

namespace Nautilus.MarketData.Domain.Venues;

/// <summary>A message of the Coinbase Exchange market-data WebSocket feed (wss://ws-feed.exchange.coinbase.com), as far as we use it.</summary>
public abstract record CoinbaseMessage;

/// <summary>The server's answer to a subscribe: the channels and products now subscribed.</summary>
public sealed record CoinbaseSubscriptions(IReadOnlyList<(string Channel, string[] Products)> Channels) : CoinbaseMessage;

/// <summary>The whole L2 book of a product (level2 / level2_batch), sent first after subscribing.</summary>
public sealed record CoinbaseBookSnapshot(string ProductId, (double Price, double Size)[] Bids, (double Price, double Size)[] Asks) : CoinbaseMessage;

/// <summary>Changes to an L2 book: the new size at a price (0 = the level is gone).</summary>
public sealed record CoinbaseBookUpdate(string ProductId, long TsNs, (bool Bid, double Price, double Size)[] Changes) : CoinbaseMessage;

/// <summary>
/// A trade (match / last_match). Coinbase's <c>side</c> is the resting (maker) order's side, so the aggressor is the
/// other one: a match with side "sell" was a buyer lifting the offer.
/// </summary>
public sealed record CoinbaseTrade(string ProductId, long TradeId, long Sequence, long TsNs, double Price, double Size, AggressorSide Aggressor)
    : CoinbaseMessage;

/// <summary>Sent every second per product on the heartbeat channel: the feed is alive; the last trade id so far.</summary>
public sealed record CoinbaseHeartbeat(string ProductId, long LastTradeId, long TsNs) : CoinbaseMessage;

/// <summary>The server refused something (e.g. an unknown product); it may close the connection after.</summary>
public sealed record CoinbaseError(string Message, string? Reason) : CoinbaseMessage;

/// <summary>
/// Reads Coinbase Exchange feed frames (JSON text, one message each; prices and sizes as decimal strings, times ISO
/// 8601 UTC). Unknown message types — the venue adds them at will — read as null and are skipped; a frame that is not
/// the JSON the type promises throws <see cref="FormatException"/> with the reason.
/// </summary>
public static class CoinbaseMessages
{
    public const string DefaultUrl = "wss://ws-feed.exchange.coinbase.com";

    /// <summary>Public channels that need no authentication: batched L2 (every 50 ms), trades, heartbeats.</summary>
    public static readonly string[] Channels = ["level2_batch", "matches", "heartbeat"];

    /// <summary>The subscribe message (the venue closes a connection that sends none within 5 seconds).</summary>
    public static string Subscribe(IEnumerable<string> productIds) =>
        JsonSerializer.Serialize(new { type = "subscribe", product_ids = productIds.ToArray(), channels = Channels });

    public static CoinbaseMessage? Parse(ReadOnlySpan<byte> frame)
    {
        try
        {
            var reader = new Utf8JsonReader(frame);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type))
            {
                throw new FormatException("not a feed message: no type");
            }

            return type.GetString() switch
            {
                "subscriptions" => new CoinbaseSubscriptions(root.GetProperty("channels").EnumerateArray()
                    .Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("product_ids").EnumerateArray().Select(p => p.GetString()!).ToArray()))
                    .ToArray()),
                "snapshot" => new CoinbaseBookSnapshot(Text(root, "product_id"), Levels(root.GetProperty("bids")), Levels(root.GetProperty("asks"))),
                "l2update" => new CoinbaseBookUpdate(Text(root, "product_id"), Time(root, "time"), root.GetProperty("changes").EnumerateArray()
                    .Select(c => (Side(c[0].GetString()), Number(c[1]), Number(c[2]))).ToArray()),
                "match" or "last_match" => new CoinbaseTrade(Text(root, "product_id"), root.GetProperty("trade_id").GetInt64(),
                    root.TryGetProperty("sequence", out var seq) ? seq.GetInt64() : 0, Time(root, "time"),
                    Number(root.GetProperty("price")), Number(root.GetProperty("size")),
                    Side(root.GetProperty("side").GetString()) ? AggressorSide.Seller : AggressorSide.Buyer),
                "heartbeat" => new CoinbaseHeartbeat(Text(root, "product_id"), root.GetProperty("last_trade_id").GetInt64(), Time(root, "time")),
                "error" => new CoinbaseError(Text(root, "message"), root.TryGetProperty("reason", out var reason) ? reason.GetString() : null),
                _ => null,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new FormatException($"malformed feed message: {ex.Message}", ex);
        }
    }

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");

    /// <summary>"buy" is the bid side, "sell" the ask side.</summary>
    private static bool Side(string? side) => side switch
    {
        "buy" => true,
        "sell" => false,
        _ => throw new FormatException($"side '{side}' is neither buy nor sell"),
    };

    private static double Number(JsonElement value) =>
        value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
            ? n
            : value.ValueKind == JsonValueKind.Number ? value.GetDouble() : throw new FormatException($"'{value}' is not a number");

    private static long Time(JsonElement root, string name) =>
        TextValues.TryParseTime(Text(root, name), out var ns) ? ns : throw new FormatException($"{name} '{root.GetProperty(name)}' is not a time");

    private static (double, double)[] Levels(JsonElement side) =>
        side.EnumerateArray().Select(level => (Number(level[0]), Number(level[1]))).ToArray();
}
