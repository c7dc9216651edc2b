using System.Net;
using System.Text.Json;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary>The VPIN engine's stateless calculations through the running engine, and what they refuse.</summary>
[Collection(PlatformCollection.Name)]
public sealed class VpinCalculationsTests(PlatformFixture platform)
{
    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.Vpin, path);

    [Fact]
    public async Task Trades_are_classified_by_each_rule_and_VPIN_is_computed_over_buckets()
    {
        // Lee–Ready rows from the tclf project's tests: (3, 2, 4) after a trade at 4 is a sell (midpoint, downtick).
        var classified = await SendAsync(platform.Http, HttpMethod.Post, Url("/api/vpin/classify"), new
        {
            method = "lee-ready",
            trades = new[]
            {
                new { price = 4.0, size = 100.0, bid = 2.0, ask = 4.0 },
                new { price = 3.0, size = 100.0, bid = 2.0, ask = 4.0 },
                new { price = 1.0, size = 100.0, bid = 1.0, ask = 3.0 },
                new { price = 3.0, size = 100.0, bid = 1.0, ask = 3.0 },
            },
        }, HttpStatusCode.OK);
        Assert.Equal(["buy", "sell", "sell", "buy"], classified.GetProperty("sides").EnumerateArray().Select(s => s.GetString()));
        var ticks = await SendAsync(platform.Http, HttpMethod.Post, Url("/api/vpin/classify"),
            new { method = "tick", trades = new[] { new { price = 2.0, size = 1.0 }, new { price = 1.0, size = 1.0 } } },
            HttpStatusCode.OK);
        Assert.Equal(["unknown", "sell"], ticks.GetProperty("sides").EnumerateArray().Select(s => s.GetString()));

        // By hand: buckets of 10, n = 2; (6 buy, 4 sell), (10, 0) and (5, 5) after the buy of 15 is split: 12/20, then 10/20.
        var t0 = new DateTimeOffset(2026, 12, 1, 14, 30, 0, TimeSpan.Zero);
        var vpin = await SendAsync(platform.Http, HttpMethod.Post, Url("/api/vpin/compute"), new
        {
            trades = new[]
            {
                new { ts = t0, price = 10.0, size = 6.0, side = "buy" },
                new { ts = t0.AddSeconds(1), price = 10.0, size = 4.0, side = "sell" },
                new { ts = t0.AddSeconds(2), price = 10.0, size = 15.0, side = "buy" },
                new { ts = t0.AddSeconds(3), price = 10.0, size = 5.0, side = "sell" },
            },
            bucketVolume = 10,
            buckets = 2,
            classification = "given",
        }, HttpStatusCode.OK);
        Assert.Equal([0.6, 0.5], vpin.GetProperty("vpin").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(3, vpin.GetProperty("bucketCount").GetInt32());
        Assert.Equal([6.0, 10, 5], vpin.GetProperty("buyVolume").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal([4.0, 0, 5], vpin.GetProperty("sellVolume").EnumerateArray().Select(v => v.GetDouble()));
    }

    [Fact]
    public async Task Book_imbalance_Kyle_lambda_and_spreads_are_computed_from_raw_inputs()
    {
        var book = await SendAsync(platform.Http, HttpMethod.Post, Url("/api/vpin/book-imbalance"), new
        {
            bids = new[] { new { price = 9.99, size = 300.0 }, new { price = 9.98, size = 200.0 } },
            asks = new[] { new { price = 10.01, size = 100.0 }, new { price = 10.02, size = 100.0 } },
        }, HttpStatusCode.OK);
        Assert.Equal(3.0 / 7, book.GetProperty("imbalance").GetDouble(), 12);

        var kyle = await SendAsync(platform.Http, HttpMethod.Post, Url("/api/vpin/kyle-lambda"),
            new { priceChanges = new[] { -2.0, 1, 1 }, signedVolumes = new[] { -1.0, 0, 1 } }, HttpStatusCode.OK);
        Assert.Equal(1.5, kyle.GetProperty("lambda").GetDouble(), 12);

        var spreads = await SendAsync(platform.Http, HttpMethod.Post, Url("/api/vpin/spreads"), new
        {
            trades = new[] { new { price = 10.03, side = "buy", midpoint = 10.00, midpointLater = 10.02 } },
        }, HttpStatusCode.OK);
        Assert.Equal(0.06, spreads.GetProperty("mean").GetProperty("effective").GetDouble(), 12);
        Assert.Equal(0.02, spreads.GetProperty("trades")[0].GetProperty("realised").GetDouble(), 12);
    }

    [Fact]
    public async Task Each_rule_is_measured_against_the_aggressor_the_simulated_tape_reports()
    {
        JsonElement aapl = default;
        await Eventually.TrueAsync(async () =>
        {
            var all = await SendAsync(platform.Http, HttpMethod.Get, Url("/api/vpin/accuracy"), null, HttpStatusCode.OK);
            aapl = all.EnumerateArray().FirstOrDefault(a => a.GetProperty("symbol").GetString() == "AAPL");
            return aapl.ValueKind == JsonValueKind.Object && aapl.GetProperty("trades").GetInt64() >= 200;
        }, TimeSpan.FromSeconds(60), "200 of AAPL's simulated trades judged");

        var rules = aapl.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("method").GetString()!,
            r => r.GetProperty("accuracy").GetDouble());
        Assert.Equal(["tick", "quote", "lee-ready", "emo"], rules.Keys);
        // Market orders take the touch in the simulator: rules that read the quote name most of them; all beat a coin.
        Assert.All(rules.Values, a => Assert.InRange(a, 0.5, 1));
        Assert.True(rules["lee-ready"] >= rules["tick"] - 0.05, string.Join(", ", rules));
    }

    [Theory]
    [InlineData("/api/vpin/book-imbalance", """{"bids":[{"price":10,"size":-1}],"asks":[]}""", "bids[0]")]
    [InlineData("/api/vpin/kyle-lambda", """{"priceChanges":[1,2,3],"signedVolumes":[1,2]}""", "signedVolumes")]
    [InlineData("/api/vpin/spreads", """{"trades":[{"price":10,"side":"buy","midpoint":10}]}""", "trades[0].midpointLater")]
    [InlineData("/api/vpin/classify", """{"method":"tick","trades":[{"price":10}]}""", "trades[0].size")]
    [InlineData("/api/vpin/classify", """{"method":"majority","trades":[{"price":10,"size":1}]}""", "method")]
    [InlineData("/api/vpin/classify", """{"method":"emo","trades":[{"price":10,"size":1,"ask":10.1}]}""", "trades[0].bid")]
    [InlineData("/api/vpin/compute", """{"trades":[{"ts":"2026-12-01T14:30:00Z","price":10}],"bucketVolume":10}""",
        "trades[0].size")]
    [InlineData("/api/vpin/compute", """{"trades":[{"ts":"2026-12-01T14:30:00Z","price":10,"size":-5}],"bucketVolume":10}""",
        "trades[0].size")]
    [InlineData("/api/vpin/compute", """{"trades":[{"ts":"2026-12-01T14:30:00Z","price":10,"size":5}],"bucketVolume":0}""",
        "bucketVolume")]
    [InlineData("/api/vpin/compute",
        """{"trades":[{"ts":"2026-12-01T14:30:00Z","price":10,"size":5}],"bucketVolume":10,"classification":"given"}""",
        "trades[0].side")]
    [InlineData("/api/vpin/compute", """{"trades":[],"bucketVolume":10}""", "trades")]
    public async Task Bad_inputs_are_problems_naming_the_field(string path, string body, string field) =>
        await Problems.AssertRefusedAsync(platform.Http, Url(path), body, field);
}
