using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>The WebSocket engine in the running platform: key required, snapshot then live updates, per-client stats.</summary>
[Collection(PlatformCollection.Name)]
public sealed class GatewayTests(PlatformFixture platform)
{
    private static Uri SocketUrl(string? key = null) =>
        new($"ws://localhost:{PlatformFixture.PortOf(EngineCatalog.WebSocket)}/ws" + (key is null ? "" : $"?apiKey={key}"));

    private static async Task<JsonElement> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new byte[1 << 20];
        var (length, _, _) = await WebSocketFrames.ReceiveAsync(socket, buffer, ct);
        return JsonDocument.Parse(Encoding.UTF8.GetString(buffer, 0, length)).RootElement.Clone();
    }

    [Fact]
    public async Task Without_a_valid_key_the_upgrade_is_refused()
    {
        using var anonymous = await platform.Http.GetAsync(PlatformFixture.UrlOf(EngineCatalog.WebSocket, "/ws"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var wrong = new ClientWebSocket();
        await Assert.ThrowsAsync<WebSocketException>(() => wrong.ConnectAsync(SocketUrl("not-the-key"), CancellationToken.None));
    }

    [Fact]
    public async Task A_subscriber_gets_a_snapshot_then_live_updates_of_its_topics_only()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(SocketUrl(platform.GatewayApiKey), timeout.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":"subscribe","topics":["PRICE_UPDATE:AAPL","MARKET_DATA:MSFT"]}"""),
            WebSocketMessageType.Text, true, timeout.Token);

        var subscribed = await ReceiveAsync(socket, timeout.Token);
        Assert.Equal("subscribed", subscribed.GetProperty("op").GetString());

        var topics = new HashSet<string>();
        var updates = 0;
        while (updates < 20)
        {
            var frame = await ReceiveAsync(socket, timeout.Token);
            var op = frame.GetProperty("op").GetString();
            Assert.True(op is "snapshot" or "update", $"unexpected frame {frame}");
            topics.Add(frame.GetProperty("topic").GetString()!);
            updates += op == "update" ? 1 : 0;
        }

        Assert.Subset(new HashSet<string> { "PRICE_UPDATE:AAPL", "MARKET_DATA:MSFT" }, topics);

        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":"subscribe","topics":["no-colon"]}"""), WebSocketMessageType.Text, true, timeout.Token);
        JsonElement error;
        do
        {
            error = await ReceiveAsync(socket, timeout.Token);
        }
        while (error.GetProperty("op").GetString() != "error");

        Assert.Equal("topics", error.GetProperty("field").GetString());

        using var stats = JsonDocument.Parse(await platform.Http.GetStringAsync(PlatformFixture.UrlOf(EngineCatalog.WebSocket, "/api/ws/stats")));
        Assert.True(stats.RootElement.GetProperty("clients").GetInt32() >= 1);
        Assert.True(stats.RootElement.GetProperty("sent").GetInt64() >= 20);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }

    [Fact]
    public async Task A_throttled_subscriber_gets_at_most_one_quote_per_instrument_per_interval_and_a_bad_interval_is_named()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(SocketUrl(platform.GatewayApiKey), timeout.Token);
        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":"subscribe","topics":["MARKET_DATA:AAPL"],"throttleMs":-5}"""),
            WebSocketMessageType.Text, true, timeout.Token);
        var error = await ReceiveAsync(socket, timeout.Token);
        Assert.Equal("error", error.GetProperty("op").GetString());
        Assert.Equal("throttleMs", error.GetProperty("field").GetString());

        await socket.SendAsync(Encoding.UTF8.GetBytes("""{"op":"subscribe","topics":["MARKET_DATA:AAPL"],"throttleMs":500}"""),
            WebSocketMessageType.Text, true, timeout.Token);
        var subscribed = await ReceiveAsync(socket, timeout.Token);
        Assert.Equal("subscribed", subscribed.GetProperty("op").GetString());
        Assert.Equal(500, subscribed.GetProperty("throttleMs").GetInt32());

        // Quotes of AAPL arrive at most once per 500 ms, where the simulator makes tens a second. Counted over a window,
        // not gap by gap: the gateway spaces its sends, but one frame this busy machine hands the test late shortens
        // the gap to the next (a 396 ms gap was seen once), while late frames add only a few to a window's count.
        var window = TimeSpan.FromSeconds(3);
        var quotes = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < window)
        {
            var frame = await ReceiveAsync(socket, timeout.Token);
            if (clock.Elapsed < window && frame.GetProperty("op").GetString() == "update" && frame.GetProperty("data").GetProperty("kind").GetString() == "Quote")
            {
                quotes++;
            }
        }

        Assert.InRange(quotes, 1, (int)(window.TotalMilliseconds / 500) + 4);
        using var stats = JsonDocument.Parse(await platform.Http.GetStringAsync(PlatformFixture.UrlOf(EngineCatalog.WebSocket, "/api/ws/stats")));
        var me = stats.RootElement.GetProperty("connections").EnumerateArray().Single(c => c.GetProperty("throttleMs").GetInt32() == 500);
        Assert.True(me.GetProperty("sampled").GetInt64() > 0, "the simulator's quotes in between were sampled out");
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
    }
}
