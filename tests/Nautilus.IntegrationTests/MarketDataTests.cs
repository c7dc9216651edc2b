using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>The MarketData engine in the running platform: simulator on by default, bus and PostgreSQL fed, REST answers.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MarketDataTests(PlatformFixture platform)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, path);

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await platform.Http.GetAsync(Url(path));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The body of a successful GET, or null (not there yet) — for polling.</summary>
    private async Task<JsonElement?> TryGetJsonAsync(string path)
    {
        using var response = await platform.Http.GetAsync(Url(path));
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
    }

    [Fact]
    public async Task The_simulator_runs_by_default_and_quotes_move()
    {
        await Eventually.TrueAsync(async () => (await TryGetJsonAsync("/api/feeds/simulator"))?.GetProperty("events").GetInt64() > 100,
            Patience, "the simulator produces events");
        Assert.Equal("Running", (await GetJsonAsync("/api/feeds/simulator")).GetProperty("state").GetString());

        await Eventually.TrueAsync(async () => await TryGetJsonAsync("/api/quotes/AAPL") is not null, Patience, "a quote of AAPL");
        var first = await GetJsonAsync("/api/quotes/AAPL");
        Assert.True(first.GetProperty("bid").GetDouble() < first.GetProperty("ask").GetDouble());
        await Eventually.TrueAsync(async () => (await TryGetJsonAsync("/api/quotes/AAPL"))?.GetProperty("ts").GetString() != first.GetProperty("ts").GetString(),
            Patience, "the AAPL quote changes");

        var book = await GetJsonAsync("/api/book/AAPL");
        Assert.Equal(10, book.GetProperty("bidPrices").GetArrayLength());
        Assert.True(book.GetProperty("bidPrices")[0].GetDouble() < book.GetProperty("askPrices")[0].GetDouble());
    }

    [Fact]
    public async Task Trades_and_bars_are_stored_and_market_data_is_on_the_bus()
    {
        await Eventually.TrueAsync(async () => (await TryGetJsonAsync("/api/bars/MSFT?interval=1"))?.GetProperty("items").GetArrayLength() > 0,
            Patience, "one-second bars of MSFT stored in PostgreSQL");
        var trades = await GetJsonAsync("/api/trades/MSFT?limit=5");
        Assert.InRange(trades.GetProperty("items").GetArrayLength(), 1, 5);
        var trade = trades.GetProperty("items")[0];
        Assert.True(trade.GetProperty("price").GetDouble() > 0);
        Assert.Contains(trade.GetProperty("aggressor").GetString(), new[] { "Buyer", "Seller" });

        var stats = await GetJsonAsync("/api/bus/stats");
        var published = stats.GetProperty("types").EnumerateArray().Where(t => t.GetProperty("type").GetString() == "MARKET_DATA").ToArray();
        Assert.True(Assert.Single(published).GetProperty("published").GetInt64() > 0);

        var health = await GetJsonAsync("/health");
        var writers = health.GetProperty("dependencies").GetProperty(InfrastructureNames.PostgresServer).GetProperty("data").GetProperty("writers");
        Assert.Contains(writers.EnumerateArray(), w => w.GetProperty("table").GetString() == "marketdata.trade_blocks" && w.GetProperty("written").GetInt64() > 0);
        Assert.Equal("Healthy", health.GetProperty("dependencies").GetProperty("feeds").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_requests_get_problem_details_naming_the_field()
    {
        var unknown = await Problems.ReadAsync(await platform.Http.GetAsync(Url("/api/quotes/NOPE")), HttpStatusCode.NotFound);
        Assert.Equal("symbol", unknown.GetProperty("field").GetString());

        var interval = await Problems.ReadAsync(await platform.Http.GetAsync(Url("/api/bars/AAPL?interval=7")), HttpStatusCode.BadRequest);
        Assert.True(interval.GetProperty("errors").TryGetProperty("interval", out _));

        var range = await Problems.ReadAsync(await platform.Http.GetAsync(Url("/api/trades/AAPL?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")), HttpStatusCode.BadRequest);
        Assert.True(range.GetProperty("errors").TryGetProperty("to", out _));

        var limit = await Problems.ReadAsync(await platform.Http.GetAsync(Url("/api/trades/AAPL?limit=0")), HttpStatusCode.BadRequest);
        Assert.True(limit.GetProperty("errors").TryGetProperty("limit", out _));

        var rate = await Problems.ReadAsync(await platform.Http.PostAsJsonAsync(Url("/api/feeds/simulator/start"), new { eventsPerSecond = -5 }), HttpStatusCode.BadRequest);
        Assert.True(rate.GetProperty("errors").TryGetProperty("eventsPerSecond", out _));
        Assert.Equal("Running", (await GetJsonAsync("/api/feeds/simulator")).GetProperty("state").GetString());

        var scenario = await Problems.ReadAsync(await platform.Http.PostAsJsonAsync(Url("/api/feeds/simulator/scenarios"),
            new { symbol = "AAPL", kind = "FlashCrash", magnitude = 0.5 }), HttpStatusCode.BadRequest);
        Assert.True(scenario.GetProperty("errors").TryGetProperty("magnitude", out _));

        var feed = await Problems.ReadAsync(await platform.Http.PostAsync(Url("/api/feeds/nope/start"), null), HttpStatusCode.NotFound);
        Assert.Equal("name", feed.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Instruments_can_be_created_read_refused_and_deleted()
    {
        var instrument = new { symbol = "TEST-ITG", assetClass = "Equity", venue = "NYSE", currency = "USD", tickSize = 0.01, lotSize = 1, sector = "Industrials" };
        using (var created = await platform.Http.PostAsJsonAsync(Url("/api/instruments"), instrument))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        Assert.Equal("Industrials", (await GetJsonAsync("/api/instruments/TEST-ITG")).GetProperty("sector").GetString());
        await Problems.ReadAsync(await platform.Http.PostAsJsonAsync(Url("/api/instruments"), instrument), HttpStatusCode.Conflict);

        var invalid = await Problems.ReadAsync(await platform.Http.PostAsJsonAsync(Url("/api/instruments"),
            new { symbol = "BAD1", assetClass = "Equity", venue = "NYSE", currency = "usd", tickSize = 0, lotSize = 1, sector = "X" }), HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("tickSize", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("currency", out _));

        using (var deleted = await platform.Http.DeleteAsync(Url("/api/instruments/TEST-ITG")))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await Problems.ReadAsync(await platform.Http.GetAsync(Url("/api/instruments/TEST-ITG")), HttpStatusCode.NotFound);
        Assert.True((await GetJsonAsync("/api/instruments")).GetArrayLength() >= 50);
    }

    [Fact]
    public async Task A_real_daily_file_is_imported_and_read_back_and_bad_rows_are_reported()
    {
        using (var etf = await platform.Http.PostAsJsonAsync(Url("/api/instruments"),
                   new { symbol = "SPY", assetClass = "Etf", venue = "NYSEARCA", currency = "USD", tickSize = 0.01, lotSize = 1, sector = "Index" }))
        {
            Assert.True(etf.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        }

        // SPY daily closes 1993-01-29 … 2019-12-09 (PyPortfolioOpt test resources, MIT).
        var csv = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "spy_prices.csv"));
        // 27 years of daily bars: the first import also creates the ~350 monthly partitions they fall in.
        using var patient = new HttpClient { Timeout = TimeSpan.FromSeconds(90) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var upload = await patient.PostAsync(Url("/api/bars/import?interval=86400"), new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        Console.WriteLine($"import of {csv.Length:N0} bytes took {clock.Elapsed.TotalSeconds:F1} s");
        var report = JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal(6765, report.GetProperty("stored").GetInt32());
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());

        var bars = await GetJsonAsync("/api/bars/SPY?interval=86400&from=1993-01-01T00:00:00Z&to=2020-01-01T00:00:00Z&limit=2");
        Assert.Equal(UnixNanos.From(new DateTime(1993, 1, 29, 0, 0, 0, DateTimeKind.Utc)).Value, bars.GetProperty("items")[0].GetProperty("tsEvent").GetInt64());
        Assert.Equal(26.583992, bars.GetProperty("items")[0].GetProperty("close").GetDouble());
        Assert.NotNull(bars.GetProperty("nextCursor").GetString());

        const string bad = "Date,Open,High,Low,Close,Volume\n2030-01-02,10,11,9,10.5,100\n2030-01-03,10,9,11,10.5,100\nnot-a-date,1,1,1,1,1\n2030-01-06,10,11,9,10.5,100\n";
        using var badUpload = await platform.Http.PostAsync(Url("/api/bars/import?interval=86400&symbol=SPY"), new StringContent(bad, System.Text.Encoding.UTF8, "text/csv"));
        var badReport = JsonDocument.Parse(await badUpload.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, badUpload.StatusCode);
        Assert.Equal(2, badReport.GetProperty("stored").GetInt32());
        Assert.Equal([3, 4], badReport.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("line").GetInt32()));
        var stored = await GetJsonAsync("/api/bars/SPY?interval=86400&from=2030-01-01T00:00:00Z&to=2030-12-31T00:00:00Z");
        Assert.Equal(2, stored.GetProperty("items").GetArrayLength());

        var unknown = await Problems.ReadAsync(await platform.Http.PostAsync(Url("/api/bars/import?symbol=NOPE"), new StringContent(bad)), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("symbol", out _));
    }

    [Fact]
    public async Task Stored_bars_replay_onto_the_bus_and_become_features()
    {
        using (var created = await platform.Http.PostAsJsonAsync(Url("/api/instruments"),
                   new { symbol = "RPLY", assetClass = "Equity", venue = "NYSE", currency = "USD", tickSize = 0.01, lotSize = 1, sector = "Industrials" }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict);
        }

        var noBars = await Problems.ReadAsync(await platform.Http.PostAsJsonAsync(Url("/api/feeds/bar-replay/start"), new { symbol = "RPLY", interval = 86400 }),
            HttpStatusCode.BadRequest);
        Assert.Contains("import a file first", noBars.GetProperty("errors").GetProperty("symbol")[0].GetString());

        var csv = new System.Text.StringBuilder("symbol,date,open,high,low,close,volume\n");
        for (var i = 0; i < 60; i++)
        {
            var close = 100 + 10 * Math.Sin(i / 5.0);
            csv.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"RPLY,{new DateTime(2020, 1, 1).AddDays(i):yyyy-MM-dd},{close - 0.5},{close + 1},{close - 1},{close},{1000 + i}\n");
        }

        using (var import = await platform.Http.PostAsync(Url("/api/bars/import"), new StringContent(csv.ToString(), System.Text.Encoding.UTF8, "text/csv")))
        {
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        }

        // Paced faster than the runtime's timers tick (the feed used a timer per bar: above 1,000 bars/s it failed).
        using (var start = await platform.Http.PostAsJsonAsync(Url("/api/feeds/bar-replay/start"),
                   new { symbol = "RPLY", interval = 86400, barsPerSecond = 5_000 }))
        {
            Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        }

        await Eventually.TrueAsync(async () => (await TryGetJsonAsync("/api/feeds/bar-replay")) is { } feed &&
                                               feed.GetProperty("events").GetInt64() == 60 && feed.GetProperty("state").GetString() == "Stopped",
            TimeSpan.FromSeconds(30), "all 60 bars replayed and the feed stopped by itself");

        var features = PlatformFixture.UrlOf(EngineCatalog.Features, "/api/features/RPLY/latest?interval=86400");
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.GetAsync(features);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("bars").GetInt64() == 60 && json.RootElement.GetProperty("values").TryGetProperty("sma(20)", out _);
        }, TimeSpan.FromSeconds(30), "features of the 60 replayed daily bars");
    }
}
