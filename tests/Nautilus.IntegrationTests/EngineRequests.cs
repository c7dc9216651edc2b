using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>Requests the trading-loop tests make of the engines: a call with its expected status, instruments and stored bars.</summary>
public static class EngineRequests
{
    /// <summary>Sends <paramref name="body"/> as JSON, asserts <paramref name="expected"/> (with the answer in the message) and
    /// returns the answer's JSON (default when empty).</summary>
    public static async Task<JsonElement> SendAsync(HttpClient http, HttpMethod method, Uri url, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {url}: {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A fresh instrument in the MarketData engine's master (cent ticks, whole units), its symbol starting with
    /// <paramref name="prefix"/>; with <paramref name="bars"/>, their closes stored as its daily bars (open = high = low =
    /// close).</summary>
    public static async Task<string> InstrumentAsync(HttpClient http, string prefix, string venue = "XNAS",
        IEnumerable<(DateOnly Day, decimal Close)>? bars = null)
    {
        var symbol = $"{prefix}{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        await SendAsync(http, HttpMethod.Post, PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, "/api/instruments"), new
        {
            symbol,
            assetClass = "Equity",
            venue,
            currency = "USD",
            tickSize = 0.01,
            lotSize = 1,
            sector = "Technology",
        }, HttpStatusCode.Created);
        if (bars is null)
        {
            return symbol;
        }

        var csv = new StringBuilder("symbol,date,open,high,low,close,volume\n");
        foreach (var (day, close) in bars)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{symbol},{day:yyyy-MM-dd},{close},{close},{close},{close},1000000\n");
        }

        using var import = await http.PostAsync(PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, "/api/bars/import?interval=86400"),
            new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        return symbol;
    }

    /// <summary>A client, an account and a portfolio (id <c>p-{tag}</c>) funded with <paramref name="openingCash"/>.</summary>
    public static async Task<string> FundedPortfolioAsync(HttpClient http, string tag, double openingCash, string? currency = null)
    {
        var nodes = PlatformFixture.UrlOf(EngineCatalog.Portfolio, "/api/portfolio/nodes");
        await SendAsync(http, HttpMethod.Post, nodes, new { id = $"c-{tag}", kind = "Client", name = "Client" }, HttpStatusCode.Created);
        await SendAsync(http, HttpMethod.Post, nodes, new { id = $"a-{tag}", kind = "Account", name = "Custody", parentId = $"c-{tag}" },
            HttpStatusCode.Created);
        await SendAsync(http, HttpMethod.Post, nodes,
            new { id = $"p-{tag}", kind = "Portfolio", name = "Core", parentId = $"a-{tag}", currency, openingCash },
            HttpStatusCode.Created);
        return $"p-{tag}";
    }

    /// <summary>
    /// Waits until <paramref name="engine"/> has handled every <paramref name="type"/> message published so far: its consumer
    /// group on that stream has nothing unread and nothing unacknowledged (from the engine's <c>/api/bus/stats</c>).
    /// </summary>
    public static Task CaughtUpAsync(HttpClient http, EngineDescriptor engine, MessageType type, TimeSpan within) =>
        Eventually.TrueAsync(async () =>
        {
            var stats = await SendAsync(http, HttpMethod.Get, PlatformFixture.UrlOf(engine, "/api/bus/stats"), null, HttpStatusCode.OK);
            return stats.GetProperty("consumerGroups").EnumerateArray().Any(g => g.GetProperty("type").GetString() ==
                MessageRouting.WireName(type) && g.GetProperty("lag").ValueKind == JsonValueKind.Number &&
                g.GetProperty("lag").GetInt64() == 0 && g.GetProperty("pending").GetInt64() == 0);
        }, within, $"{engine.Name} to have handled every {MessageRouting.WireName(type)}");
}
