using System.Net;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary>
/// The VPIN engine on the simulated tape: live VPIN per instrument, VPIN_CALCULATION on the bus, stored history, toxicity alerts the
/// Risk engine acts on. XOM is used because no other test trades it: its alert makes it REDUCING in Risk until cleared here.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class VpinLiveTests(PlatformFixture platform)
{
    private const string Symbol = "XOM";

    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.Vpin, path);

    private static Uri RiskUrl(string path) => PlatformFixture.UrlOf(EngineCatalog.Risk, path);

    [Fact]
    public async Task Live_VPIN_is_published_stored_and_its_alerts_make_Risk_refuse_orders_that_add_to_a_toxic_instrument()
    {
        await using var bus = await PlatformBus.ConnectAsync(platform);
        var settingsUrl = Url($"/api/vpin/instruments/{Symbol}/settings");
        try
        {
            // Buckets of about twenty simulated market orders (100 lots on average; about a bucket a second), five to a window, split
            // by the tape's own side. Thresholds so low that the first two full windows make a flash-crash warning; the CDF of a value
            // can only fall below 0.001 once a thousand are held, which takes this bucket size many minutes.
            await SendAsync(platform.Http, HttpMethod.Put, settingsUrl, new
            {
                bucketVolume = 2_000,
                buckets = 5,
                classification = "given",
                toxicCdf = 0.001,
                flashCrashCdf = 0.001,
                flashCrashBuckets = 2,
                clearCdf = 0,
                minHistory = 1,
            }, HttpStatusCode.OK);

            var published = await bus.WaitForAsync<VpinCalculation>(v => v.InstrumentId.Symbol == Symbol && double.IsFinite(v.Vpin),
                TimeSpan.FromSeconds(60), "a VPIN_CALCULATION of XOM with a full window");
            Assert.InRange(published.Vpin, 0, 1);
            Assert.Equal(2_000, published.BucketVolume.AsDouble());
            Assert.Equal(5, published.Buckets);

            JsonElement live = default;
            await Eventually.TrueAsync(async () =>
            {
                var all = await SendAsync(platform.Http, HttpMethod.Get, Url("/api/vpin/live"), null, HttpStatusCode.OK);
                live = all.EnumerateArray().FirstOrDefault(v => v.GetProperty("symbol").GetString() == Symbol);
                return live.ValueKind == JsonValueKind.Object && live.GetProperty("level").GetString() == "flash-crash";
            }, TimeSpan.FromSeconds(60), "XOM's live VPIN at a flash-crash warning");
            Assert.Equal("configured", live.GetProperty("bucketBasis").GetString());
            Assert.Equal("given", live.GetProperty("classification").GetString());
            Assert.InRange(live.GetProperty("imbalance").GetDouble(), -1, 1);

            // Stored: every bucket of 2,000 lots split into buy and sell, numbered in order; VPIN = mean |buy − sell| ÷ V over five.
            var history = await SendAsync(platform.Http, HttpMethod.Get, Url($"/api/vpin/history/{Symbol}?limit=100"), null,
                HttpStatusCode.OK);
            var points = history.EnumerateArray().ToArray();
            Assert.True(points.Length >= 6, $"{points.Length} buckets stored");
            static (double Buy, double Sell) Volumes(JsonElement p) =>
                (p.GetProperty("buyVolume").GetDouble(), p.GetProperty("sellVolume").GetDouble());
            Assert.All(points, p => Assert.Equal(2_000, Volumes(p).Buy + Volumes(p).Sell, 6));
            var expected = points[^5..].Average(p => Math.Abs(Volumes(p).Buy - Volumes(p).Sell)) / 2_000;
            Assert.Equal(expected, points[^1].GetProperty("vpin").GetDouble(), 9);

            var alerts = await SendAsync(platform.Http, HttpMethod.Get, Url($"/api/vpin/alerts?symbol={Symbol}"), null, HttpStatusCode.OK);
            Assert.Contains(alerts.EnumerateArray(), a => a.GetProperty("to").GetString() == "flash-crash");

            // Risk: XOM is REDUCING, a buy of it is refused, and a RISK_ALERT said why.
            await Eventually.TrueAsync(async () =>
            {
                var states = await SendAsync(platform.Http, HttpMethod.Get, RiskUrl("/api/risk/instruments"), null, HttpStatusCode.OK);
                return states.EnumerateArray().Any(s => IsXom(s) && s.GetProperty("tradingState").GetString() == "Reducing");
            }, TimeSpan.FromSeconds(30), "XOM REDUCING in the Risk engine");
            var portfolio = $"vpin-{Guid.NewGuid():N}"[..16];
            var refused = await SendAsync(platform.Http, HttpMethod.Post, RiskUrl($"/api/risk/portfolios/{portfolio}/check"),
                new { portfolio, instrument = published.InstrumentId.ToString(), side = "Buy", quantity = 10, price = 100 },
                HttpStatusCode.OK);
            Assert.False(refused.GetProperty("accepted").GetBoolean());
            Assert.Contains("flash-crash", refused.GetProperty("reason").GetString());
            await bus.WaitForAsync<RiskAlert>(a => a.Rule == "Toxicity" && a.InstrumentId == published.InstrumentId &&
                a.Severity == AlertSeverity.Critical, TimeSpan.FromSeconds(10), "the Risk engine's critical toxicity alert on XOM");
        }
        finally
        {
            // No level is judged on less than a million VPIN values: the next buckets say normal, and Risk lets XOM trade again.
            await SendAsync(platform.Http, HttpMethod.Put, settingsUrl, new
            {
                bucketVolume = 2_000,
                buckets = 5,
                classification = "given",
                minHistory = 1_000_000
            }, HttpStatusCode.OK);
            await Eventually.TrueAsync(async () =>
            {
                var states = await SendAsync(platform.Http, HttpMethod.Get, RiskUrl("/api/risk/instruments"), null, HttpStatusCode.OK);
                return !states.EnumerateArray().Any(IsXom);
            }, TimeSpan.FromSeconds(60), "XOM back to normal in the Risk engine");
            await SendAsync(platform.Http, HttpMethod.Delete, settingsUrl, null, HttpStatusCode.NoContent);
        }
    }

    private static bool IsXom(JsonElement state) =>
        state.GetProperty("instrument").GetString()!.StartsWith(Symbol + ".", StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"bucketVolume":0}""", "bucketVolume")]
    [InlineData("""{"buckets":0}""", "buckets")]
    [InlineData("""{"classification":"majority"}""", "classification")]
    [InlineData("""{"toxicCdf":0.9,"flashCrashCdf":0.5}""", "flashCrashCdf")]
    public async Task Bad_instrument_settings_are_problems_naming_the_field(string body, string field) =>
        await Problems.AssertRefusedAsync(platform.Http, Url("/api/vpin/instruments/JPM/settings"), body, field, HttpMethod.Put);
}
