using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>The Features engine in the running platform: bars from the marketdata-bus in, FEATURE_UPDATE out, REST.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FeaturesTests(PlatformFixture platform)
{
    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.Features, path);

    [Fact]
    public async Task Closed_bars_become_feature_updates_on_the_logic_bus()
    {
        JsonElement latest = default;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.GetAsync(Url("/api/features/AAPL/latest?interval=1"));
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            latest = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            return latest.GetProperty("values").TryGetProperty("logret", out _);
        }, TimeSpan.FromSeconds(60), "features of AAPL's one-second bars");

        Assert.True(latest.GetProperty("bars").GetInt64() >= 2);
        await Eventually.TrueAsync(async () =>
        {
            using var stats = JsonDocument.Parse(await platform.Http.GetStringAsync(Url("/api/bus/stats")));
            var types = stats.RootElement.GetProperty("types").EnumerateArray().ToArray();
            return types.Any(t => t.GetProperty("type").GetString() == "MARKET_DATA" && t.GetProperty("consumed").GetInt64() > 0) &&
                   types.Any(t => t.GetProperty("type").GetString() == "FEATURE_UPDATE" && t.GetProperty("written").GetInt64() > 0);
        }, TimeSpan.FromSeconds(30), "MARKET_DATA consumed and FEATURE_UPDATE written");
    }

    [Fact]
    public async Task Stateless_compute_matches_ta_lib_and_refuses_bad_input_by_field()
    {
        // TA-Lib's regression bars (TA-Lib/ta-lib test_data.c): SMA(30) at bar 29 is 90.426333 (test_ma.c).
        var bars = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "TestData", "talib_daily_ref_0.csv")).Skip(1)
            .Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .Select(f => new { open = f[1], high = f[2], low = f[3], close = f[4], volume = f[5] }).ToArray();
        using var response = await platform.Http.PostAsJsonAsync(Url("/api/features/compute"), new { bars, features = new[] { "sma(30)", "rsi" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var rows = json.RootElement.GetProperty("rows");
        Assert.Equal(252, rows.GetArrayLength());
        Assert.False(rows[28].GetProperty("values").TryGetProperty("sma(30)", out _));
        Assert.Equal(90.426333, rows[29].GetProperty("values").GetProperty("sma(30)").GetDouble(), 5);

        using var empty = await platform.Http.PostAsJsonAsync(Url("/api/features/compute"), new { bars = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("\"bars\"", await empty.Content.ReadAsStringAsync());

        using var badSpec = await platform.Http.PostAsJsonAsync(Url("/api/features/compute"), new { bars, features = new[] { "sma(0)" } });
        Assert.Equal(HttpStatusCode.BadRequest, badSpec.StatusCode);
        Assert.Contains("features[0]", await badSpec.Content.ReadAsStringAsync());

        using var notFinite = await platform.Http.PostAsync(Url("/api/features/compute"),
            new StringContent("""{"bars":[{"open":1,"high":2,"low":0.5,"close":-1,"volume":10}]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, notFinite.StatusCode);
        Assert.Contains("bars[0]", await notFinite.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Features_over_stored_history_come_from_the_market_data_engine()
    {
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.GetAsync(Url("/api/features/JPM?interval=1&features=sma(3);logret"));
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("rows").EnumerateArray().Any(r => r.GetProperty("values").TryGetProperty("sma(3)", out _));
        }, TimeSpan.FromSeconds(60), "sma(3) over JPM's stored one-second bars");

        using var unknown = await platform.Http.GetAsync(Url("/api/features/NOPE?interval=1"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_websocket_client_receives_the_features_of_the_live_bars()
    {
        // End to end: simulator → MarketData (bars stored and on the bus) → Features → FEATURE_UPDATE → gateway → client.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var socket = new System.Net.WebSockets.ClientWebSocket();
        await socket.ConnectAsync(new Uri($"ws://localhost:{PlatformFixture.PortOf(EngineCatalog.WebSocket)}/ws?apiKey={platform.GatewayApiKey}"), timeout.Token);
        await socket.SendAsync(System.Text.Encoding.UTF8.GetBytes("""{"op":"subscribe","topics":["FEATURE_UPDATE:AAPL"]}"""),
            System.Net.WebSockets.WebSocketMessageType.Text, true, timeout.Token);

        var buffer = new byte[1 << 20];
        while (true)
        {
            var (length, _, _) = await WebSocketFrames.ReceiveAsync(socket, buffer, timeout.Token);
            using var frame = JsonDocument.Parse(buffer.AsMemory(0, length));
            if (frame.RootElement.GetProperty("op").GetString() != "update")
            {
                continue;
            }

            var data = frame.RootElement.GetProperty("data");
            Assert.Equal("AAPL.NASDAQ", data.GetProperty("barType").GetProperty("instrumentId").GetString());
            Assert.True(data.GetProperty("values").EnumerateObject().Any(), "feature values");
            break;
        }
    }
}
