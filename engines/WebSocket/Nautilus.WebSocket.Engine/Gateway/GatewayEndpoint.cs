using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Nautilus.Engine.Hosting;
using Nautilus.Platform;
using Nautilus.WebSocket.Contracts;
using Nautilus.WebSocket.Engine.Extensions;

namespace Nautilus.WebSocket.Engine.Gateway;

/// <summary>
/// <c>/ws</c>: clients authenticate with an API key (<c>X-Api-Key</c> header or <c>apiKey</c> query parameter; keys
/// from <see cref="GatewayOptions.ApiKeys"/>), then send JSON operations —
/// <c>{"op":"subscribe","topics":["PRICE_UPDATE:AAPL","MARKET_DATA:*"]}</c>, <c>unsubscribe</c>, <c>ping</c> — and
/// receive the latest message of each topic (<c>"op":"snapshot"</c>) followed by every new one (<c>"op":"update"</c>).
/// A subscribe may carry <c>"throttleMs"</c> (0–60,000): the client then gets a live view — the newest quote, book,
/// trade print or price of each instrument at most once per interval — while bars and business messages still come
/// one by one (what an operator's screen wants at 100,000 ticks a second).
/// </summary>
public static class GatewayEndpoint
{
    private const int MaxFrame = 64 * 1024;
    private const int MaxThrottleMs = 60_000;

    /// <summary>Checks the key, accepts the upgrade and serves the client until it leaves or the engine stops.</summary>
    public static async Task<IResult> AcceptAsync(HttpContext context, GatewayHub hub, GatewayMetrics metrics,
        IOptions<GatewayOptions> options, IHostApplicationLifetime lifetime, ILogger<GatewayHub> logger)
    {
        var keys = options.Value.Keys;

        var presented = context.Request.Headers[GatewayAccess.ApiKeyHeader].FirstOrDefault()
            ?? context.Request.Query[GatewayAccess.ApiKeyQuery].FirstOrDefault();
        if (presented is null || !keys.Any(k => CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(k), Encoding.UTF8.GetBytes(presented))))
        {
            return TypedResults.Problem(statusCode: 401, title: "API key required",
                detail: $"Send a valid key in the {GatewayAccess.ApiKeyHeader} header or the {GatewayAccess.ApiKeyQuery} query parameter.",
                extensions: new Dictionary<string, object?> { ["field"] = GatewayAccess.ApiKeyQuery });
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return ApiProblems.Field("connection", "this endpoint takes WebSocket upgrades only");
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var client = new ClientSession(socket, context.Connection.RemoteIpAddress?.ToString() ?? "?", metrics);
        hub.Add(client);
        metrics.Connected();
        using var closing = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            await ReceiveLoopAsync(socket, client, hub, closing.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            logger.LogDebug("Client {Client} gone: {Error}", client.Id, ex.Message);
        }
        finally
        {
            hub.Remove(client);
            client.Close();
            metrics.Disconnected();
        }

        return Results.Empty;
    }

    private static async Task ReceiveLoopAsync(System.Net.WebSockets.WebSocket socket, ClientSession client, GatewayHub hub, CancellationToken ct)
    {
        var buffer = new byte[MaxFrame];
        while (socket.State == WebSocketState.Open)
        {
            var (length, type, complete) = await WebSocketFrames.ReceiveAsync(socket, buffer, ct);
            if (type == WebSocketMessageType.Close)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", ct);
                return;
            }

            if (!complete)
            {
                client.EnqueueControl(Error($"messages are limited to {MaxFrame} bytes"));
                await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "too big", ct);
                return;
            }

            Handle(Encoding.UTF8.GetString(buffer, 0, length), client, hub);
        }
    }

    private static readonly string PongFrame = JsonSerializer.Serialize(new { op = GatewayOps.Pong });

    private static void Handle(string text, ClientSession client, GatewayHub hub)
    {
        string? op;
        string[] topics;
        int? throttleMs = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            op = json.RootElement.TryGetProperty("op", out var o) ? o.GetString() : null;
            topics = json.RootElement.TryGetProperty("topics", out var t) && t.ValueKind == JsonValueKind.Array
                ? t.EnumerateArray().Select(x => x.GetString() ?? "").ToArray()
                : [];
            if (json.RootElement.TryGetProperty("throttleMs", out var th))
            {
                if (th.ValueKind != JsonValueKind.Number || !th.TryGetInt32(out var ms) || ms is < 0 or > MaxThrottleMs)
                {
                    client.EnqueueControl(Error($"throttleMs must be a whole number of milliseconds from 0 to {MaxThrottleMs}", "throttleMs"));
                    return;
                }

                throttleMs = ms;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            client.EnqueueControl(Error($"not a JSON operation: {ex.Message}"));
            return;
        }

        var bad = topics.FirstOrDefault(t => t.Split(GatewayTopics.Separator) is not [{ Length: > 0 }, { Length: > 0 }]);
        if (bad is not null)
        {
            client.EnqueueControl(Error($"'{bad}' is not a topic: write TYPE:SYMBOL or TYPE:*, e.g. PRICE_UPDATE:AAPL", "topics"));
            return;
        }

        switch (op)
        {
            case GatewayOps.Subscribe:
                if (throttleMs is { } interval)
                {
                    client.ThrottleMs = interval;
                }

                client.Subscribe(topics, now => JsonSerializer.Serialize(new { op = GatewayOps.Subscribed, topics = now, throttleMs = client.ThrottleMs }),
                    hub.Snapshot(topics));
                break;
            case GatewayOps.Unsubscribe:
                client.EnqueueControl(JsonSerializer.Serialize(new { op = GatewayOps.Subscribed, topics = client.Unsubscribe(topics) }));
                break;
            case GatewayOps.Ping:
                client.EnqueueControl(PongFrame);
                break;
            default:
                client.EnqueueControl(Error($"unknown op '{op}': subscribe, unsubscribe or ping", "op"));
                break;
        }
    }

    private static string Error(string message, string? field = null) =>
        JsonSerializer.Serialize(new { op = GatewayOps.Error, field, message });
}
