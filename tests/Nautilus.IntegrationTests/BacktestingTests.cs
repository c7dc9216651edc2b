using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>The Backtesting engine in the running platform: runs on inline and stored bars, their results and files, sweeps
/// shared over the bus, walk-forward, and bad input.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BacktestingTests(PlatformFixture platform)
{
    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.Backtesting, path);

    /// <summary>SPY's closes as inline bars (open = high = low = close: the file has closes only).</summary>
    private static object[] SpyBars(int take = int.MaxValue)
    {
        var (dates, closes) = SmaCrossByHand.SpyCloses();
        return [.. dates.Take(take).Select((d, i) => new
        {
            ts = d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture),
            open = closes[i], high = closes[i], low = closes[i], close = closes[i], volume = 1_000_000,
        })];
    }

    private Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected) =>
        EngineRequests.SendAsync(platform.Http, method, Url(path), body, expected);

    [Fact]
    public async Task Sma_cross_on_inline_spy_bars_trades_as_the_hand_computed_crossover()
    {
        var results = await SendAsync(HttpMethod.Post, "/api/backtests?wait=true",
            new { strategy = "sma-cross", parameters = new { fast = 50, slow = 200 }, bars = SpyBars(), initialCash = 100_000 },
                HttpStatusCode.OK);

        var (dates, closes) = SmaCrossByHand.SpyCloses();
        var expected = SmaCrossByHand.Run(closes, 50, 200, 100_000m);
        Assert.Equal((double)expected.FinalEquity, results.GetProperty("finalEquity").GetDouble(), 6);
        Assert.Equal(closes.Length, results.GetProperty("equity").GetArrayLength());
        var trades = results.GetProperty("trades").EnumerateArray().ToArray();
        var closedByHand = expected.Fills.Count / 2;
        Assert.Equal(closedByHand, trades.Length);
        for (var k = 0; k < trades.Length; k++)
        {
            var (entry, exit) = (expected.Fills[2 * k], expected.Fills[2 * k + 1]);
            Assert.Equal(dates[entry.Bar], DateOnly.FromDateTime(trades[k].GetProperty("entryTime").GetDateTimeOffset().UtcDateTime));
            Assert.Equal(dates[exit.Bar], DateOnly.FromDateTime(trades[k].GetProperty("exitTime").GetDateTimeOffset().UtcDateTime));
            Assert.Equal((double)entry.Price, trades[k].GetProperty("entryPrice").GetDouble(), 9);
            Assert.Equal((double)(exit.Quantity * (exit.Price - entry.Price)), trades[k].GetProperty("pnl").GetDouble(), 6);
        }

        // The statistics are the Analytics library's, of the equity curve.
        var statistics = results.GetProperty("statistics");
        Assert.True(statistics.GetProperty("sharpe").GetDouble() is > 0 and < 2);
        Assert.True(statistics.GetProperty("maxDrawdown").GetDouble() is < 0 and > -0.6);
        Assert.Equal((double)expected.FinalEquity / 100_000 - 1, results.GetProperty("summary").GetProperty("totalReturn").GetDouble(), 9);
    }

    [Fact]
    public async Task A_run_on_stored_bars_matches_the_same_bars_sent_inline_and_its_results_are_served_and_exported()
    {
        // SPY's last 600 closes imported into the MarketData engine as a stored daily series of its own symbol.
        var (dates, closes) = SmaCrossByHand.SpyCloses();
        var slice = Enumerable.Range(closes.Length - 600, 600).ToArray();
        var symbol = await EngineRequests.InstrumentAsync(platform.Http, "BTS", "ARCX", slice.Select(i => (dates[i], closes[i])));

        await using var bus = await PlatformBus.ConnectAsync(platform);
        var from = dates[slice[0]].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = dates[slice[^1]].AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var accepted = await SendAsync(HttpMethod.Post, "/api/backtests", new
        {
            strategy = "sma-cross",
            parameters = new { fast = 10, slow = 30 },
            data = new { symbol, interval = 86_400, from, to },
            fees = new { model = "perUnit", rate = 0.005, minimum = 1 },
            name = "stored spy slice",
        }, HttpStatusCode.Accepted);
        var id = accepted.GetProperty("id").GetString()!;
        var completed = await bus.WaitForAsync<BacktestCompleted>(c => c.RunId == id, TimeSpan.FromSeconds(30), "BACKTEST_COMPLETED");
        Assert.True(completed.Succeeded, completed.Error);

        var status = await SendAsync(HttpMethod.Get, $"/api/backtests/{id}", null, HttpStatusCode.OK);
        Assert.Equal("completed", status.GetProperty("status").GetString());
        Assert.Contains(symbol, status.GetProperty("data").GetString());
        var stored = await SendAsync(HttpMethod.Get, $"/api/backtests/{id}/results", null, HttpStatusCode.OK);
        Assert.Equal(completed.Metrics["finalEquity"], stored.GetProperty("finalEquity").GetDouble(), 6);

        var inline = await SendAsync(HttpMethod.Post, "/api/backtests?wait=true", new
        {
            strategy = "sma-cross",
            parameters = new { fast = 10, slow = 30 },
            bars = SpyBars().Skip(slice[0]).ToArray(),
            fees = new { model = "perUnit", rate = 0.005, minimum = 1 },
        }, HttpStatusCode.OK);
        Assert.Equal(inline.GetProperty("finalEquity").GetDouble(), stored.GetProperty("finalEquity").GetDouble(), 6);
        var fills = await SendAsync(HttpMethod.Get, $"/api/backtests/{id}/fills", null, HttpStatusCode.OK);
        Assert.Equal(inline.GetProperty("fills").GetArrayLength(), fills.GetArrayLength());
        Assert.All(fills.EnumerateArray(), f => Assert.True(f.GetProperty("fee").GetDecimal() >= 1m));

        var equity = await SendAsync(HttpMethod.Get, $"/api/backtests/{id}/equity", null, HttpStatusCode.OK);
        Assert.Equal(600, equity.GetArrayLength());
        Assert.All(equity.EnumerateArray(), p => Assert.True(p.GetProperty("drawdown").GetDouble() <= 0));

        using (var csv = await platform.Http.GetAsync(Url($"/api/backtests/{id}/export?format=csv&what=trades")))
        {
            Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
            var lines = (await csv.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal("symbol,side,quantity,entryTime,entryPrice,exitTime,exitPrice,pnl,fees", lines[0]);
            Assert.Equal(stored.GetProperty("trades").GetArrayLength(), lines.Length - 1);
        }

        var comparison = await SendAsync(HttpMethod.Get, $"/api/backtests/compare?ids={id},{inline.GetProperty("id").GetString()}", null,
            HttpStatusCode.OK);
        var runs = comparison.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(2, runs.Length);
        Assert.All(runs, r => Assert.Equal(1.0, r.GetProperty("wealth")[0].GetProperty("equity").GetDouble(), 9));

        var list = await SendAsync(HttpMethod.Get, "/api/backtests", null, HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), r => r.GetProperty("id").GetString() == id);
        await SendAsync(HttpMethod.Post, $"/api/backtests/{id}/cancel", null, HttpStatusCode.Conflict);
        await SendAsync(HttpMethod.Delete, $"/api/backtests/{id}", null, HttpStatusCode.NoContent);
        await SendAsync(HttpMethod.Get, $"/api/backtests/{id}", null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_sweep_is_shared_out_as_work_items_and_its_best_point_is_a_run_of_those_parameters()
    {
        await using var bus = await PlatformBus.ConnectAsync(platform);
        var grid = new Dictionary<string, double[]> { ["fast"] = [5, 10, 20, 40, 60], ["slow"] = [50, 100, 150, 200, 250, 300] };
        var started = await SendAsync(HttpMethod.Post, "/api/backtests/sweeps", new
        {
            @base = new { strategy = "sma-cross", bars = SpyBars() },
            grid,
            rankBy = "finalEquity",
        }, HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetString()!;
        Assert.Equal(30, started.GetProperty("total").GetInt32());

        var completed = await bus.WaitForAsync<BacktestCompleted>(c => c.RunId == id, TimeSpan.FromSeconds(60),
            "the sweep's BACKTEST_COMPLETED");
        var work = await bus.ReadAsync<BacktestWork>(w => w.SweepId == id);
        Assert.Equal(started.GetProperty("workItems").GetInt32(), work.Select(w => w.Item).Distinct().Count());
        var sweep = await SendAsync(HttpMethod.Get, $"/api/backtests/sweeps/{id}?top=0", null, HttpStatusCode.OK);
        Assert.Equal("completed", sweep.GetProperty("status").GetString());
        var points = sweep.GetProperty("best").EnumerateArray().ToArray();
        Assert.Equal(30, points.Length);
        Assert.Single(points, p => p.GetProperty("skipped").ValueKind == JsonValueKind.String); // fast 60 ≥ slow 50
        var finals = points.Where(p => p.GetProperty("summary").ValueKind == JsonValueKind.Object)
            .Select(p => p.GetProperty("summary").GetProperty("finalEquity").GetDouble()).ToArray();
        Assert.Equal(finals.OrderDescending(), finals);

        var best = points[0].GetProperty("parameters");
        var (fast, slow) = (best.GetProperty("fast").GetDouble(), best.GetProperty("slow").GetDouble());
        Assert.Equal(fast, completed.Metrics["best.fast"]);
        var (_, closes) = SmaCrossByHand.SpyCloses();
        Assert.Equal((double)SmaCrossByHand.Run(closes, (int)fast, (int)slow, 100_000m).FinalEquity, finals[0], 6);
    }

    [Fact]
    public async Task A_cancelled_sweep_stops_and_says_so()
    {
        var started = await SendAsync(HttpMethod.Post, "/api/backtests/sweeps", new
        {
            @base = new { strategy = "sma-cross", bars = SpyBars() },
            ranges = new { fast = new { min = 2, max = 50 }, slow = new { min = 51, max = 300 } },
            samples = 20_000,
        }, HttpStatusCode.Accepted);
        var id = started.GetProperty("id").GetString()!;
        await SendAsync(HttpMethod.Post, $"/api/backtests/sweeps/{id}/cancel", null, HttpStatusCode.Accepted);
        await SendAsync(HttpMethod.Post, $"/api/backtests/sweeps/{id}/cancel", null, HttpStatusCode.Conflict);
        var sweep = await SendAsync(HttpMethod.Get, $"/api/backtests/sweeps/{id}?top=1", null, HttpStatusCode.OK);
        Assert.Equal("cancelled", sweep.GetProperty("status").GetString());
        Assert.True(sweep.GetProperty("done").GetInt32() < 20_000);
        await SendAsync(HttpMethod.Delete, $"/api/backtests/sweeps/{id}", null, HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task Walk_forward_chooses_in_each_training_window_and_reports_the_test_windows()
    {
        var result = await SendAsync(HttpMethod.Post, "/api/backtests/walk-forward", new
        {
            @base = new { strategy = "sma-cross", bars = SpyBars() },
            grid = new Dictionary<string, double[]> { ["fast"] = [10, 20, 50], ["slow"] = [100, 200] },
            folds = 3,
            trainRatio = 2,
        }, HttpStatusCode.OK);
        var folds = result.GetProperty("folds").EnumerateArray().ToArray();
        Assert.Equal(3, folds.Length);
        for (var k = 0; k < folds.Length; k++)
        {
            Assert.True(folds[k].GetProperty("trainTo").GetDateTimeOffset() < folds[k].GetProperty("testFrom").GetDateTimeOffset());
            Assert.Contains(folds[k].GetProperty("chosen").GetProperty("fast").GetDouble(), new[] { 10.0, 20, 50 });
            if (k > 0)
            {
                Assert.True(folds[k - 1].GetProperty("testTo").GetDateTimeOffset() < folds[k].GetProperty("testFrom").GetDateTimeOffset());
            }
        }

        // The stitched out-of-sample curve covers the test windows: 5 parts of the series, 3 of them tested.
        var (dates, _) = SmaCrossByHand.SpyCloses();
        Assert.InRange(result.GetProperty("equity").GetArrayLength(), dates.Length * 3 / 5 - 3, dates.Length * 3 / 5 + 3);
    }

    public static TheoryData<string, string, string> BadInput => new()
    {
        { "/api/backtests", """{"strategy":"sma-cross","parameters":{"fast":50,"slow":20},"bars":BARS}""", "parameters.fast" },
        { "/api/backtests", """{"strategy":"momentum","bars":BARS}""", "strategy" },
        { "/api/backtests", """{"strategy":"sma-cross","bars":[BAR3,BAR2]}""", "bars[1].ts" },
        { "/api/backtests", """{"strategy":"sma-cross","bars":[NEGATIVE,BAR3]}""", "bars[0].close" },
        { "/api/backtests", """{"strategy":"sma-cross","data":{"symbol":"NO-SUCH-SYMBOL","interval":86400,RANGE}}""", "data.symbol" },
        { "/api/backtests", """{"strategy":"sma-cross","bars":BARS,"initialCash":0}""", "initialCash" },
        { "/api/backtests", """{"strategy":"sma-cross","bars":BARS,"fees":{"model":"percent","rate":1}}""", "fees.model" },
        { "/api/backtests", """{"strategy":"sma-cross"}""", "bars" },
        { "/api/backtests/sweeps", """{"base":BASE,"ranges":{"fast":{"min":2,"max":50}},"samples":10000000}""",
            "samples" },
        { "/api/backtests/sweeps", """{"base":BASE,"grid":TEN_MILLION}""", "grid" },
        { "/api/backtests/sweeps", """{"base":BASE,"grid":{"slow":[20]},"rankBy":"luck"}""",
            "rankBy" },
        { "/api/backtests/walk-forward", """{"base":BASE,"grid":{"fast":[5]},"folds":0}""", "folds" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public Task Bad_input_is_a_problem_naming_the_field(string path, string json, string field)
    {
        // Seven parameters of ten values each: ten million combinations.
        var tenMillion = JsonSerializer.Serialize(new[] { "fast", "slow", "atrStop", "atrPeriod", "volWindow", "volTarget", "x" }
            .ToDictionary(n => n, _ => Enumerable.Range(2, 10).ToArray()));
        var filled = new StringBuilder(json)
            .Replace("BASE", """{"strategy":"sma-cross","bars":BARS}""")
            .Replace("BARS", JsonSerializer.Serialize(SpyBars(300)))
            .Replace("BAR3", """{"ts":"2024-01-03T00:00:00Z","open":1,"high":1,"low":1,"close":1}""")
            .Replace("BAR2", """{"ts":"2024-01-02T00:00:00Z","open":1,"high":1,"low":1,"close":1}""")
            .Replace("NEGATIVE", """{"ts":"2024-01-02T00:00:00Z","open":1,"high":1,"low":1,"close":-1}""")
            .Replace("RANGE", "\"from\":\"2020-01-01T00:00:00Z\",\"to\":\"2020-02-01T00:00:00Z\"")
            .Replace("TEN_MILLION", tenMillion);
        return Problems.AssertRefusedAsync(platform.Http, Url(path), filled.ToString(), field);
    }

    [Fact]
    public async Task A_range_with_no_stored_bars_is_a_problem_naming_data()
    {
        var symbol = await EngineRequests.InstrumentAsync(platform.Http, "BTN", "ARCX", [(new DateOnly(2024, 1, 2), 10m),
            (new DateOnly(2024, 1, 3), 11m)]);
        var json = JsonSerializer.Serialize(new
        {
            strategy = "sma-cross",
            data = new { symbol, interval = 86_400, from = "1950-01-01T00:00:00Z", to = "1950-02-01T00:00:00Z" },
        });
        await Problems.AssertRefusedAsync(platform.Http, Url("/api/backtests"), json, "data");
    }
}
