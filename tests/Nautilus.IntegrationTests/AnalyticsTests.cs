using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>The Analytics engine's stateless statistics in the running platform, against empyrical's published expectations.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AnalyticsTests(PlatformFixture platform)
{
    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.Analytics, path);

    [Fact]
    public async Task Metrics_of_empyricals_mixed_series_match_and_unsupported_ones_are_null()
    {
        // quantopian/empyrical tests/test_stats.py, "mixed": Sharpe 1.7238613961706866, annual return 1.9135925373194231,
        // annual volatility 0.9136465399704637, max drawdown −0.1.
        double?[] mixed = [null, 0.01, 0.10, -0.04, 0.02, 0.03, 0.02, 0.01, -0.10];
        using var response = await platform.Http.PostAsJsonAsync(Url("/api/analytics/metrics"), new
        {
            returns = mixed,
            periodsPerYear = 252
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1.7238613961706866, report.GetProperty("sharpe").GetDouble(), 12);
        Assert.Equal(1.9135925373194231, report.GetProperty("annualReturn").GetDouble(), 11);
        Assert.Equal(0.9136465399704637, report.GetProperty("annualVolatility").GetDouble(), 12);
        Assert.Equal(-0.1, report.GetProperty("maxDrawdown").GetDouble(), 12);
        Assert.Equal(JsonValueKind.Null, report.GetProperty("beta").ValueKind);
        Assert.Contains(report.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("benchmark"));
    }

    [Fact]
    public async Task Attribution_splits_the_active_return()
    {
        using var response = await platform.Http.PostAsJsonAsync(Url("/api/analytics/attribution"), new
        {
            segments = new[]
            {
                new { name = "Tech", portfolioWeight = 0.6, benchmarkWeight = 0.5, portfolioReturn = 0.10, benchmarkReturn = 0.08 },
                new { name = "Energy", portfolioWeight = 0.4, benchmarkWeight = 0.5, portfolioReturn = 0.02, benchmarkReturn = 0.03 },
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(0.013, result.GetProperty("activeReturn").GetDouble(), 12);
    }

    [Theory]
    [InlineData("/api/analytics/metrics", """{"returns":[]}""", "returns")]
    [InlineData("/api/analytics/metrics", """{"returns":[0.1,"a"]}""", "returns[1]")]
    [InlineData("/api/analytics/metrics", """{"returns":[0.1,-1.5]}""", "returns")]
    [InlineData("/api/analytics/metrics", """{"returns":[0.1,0.2],"benchmark":[0.1]}""", "benchmark")]
    [InlineData("/api/analytics/metrics", """{"returns":[0.1,0.2],"periodsPerYear":0}""", "periodsPerYear")]
    [InlineData("/api/analytics/attribution", """{"segments":[{"name":"A","portfolioWeight":1,"benchmarkWeight":0.5}]}""",
        "segments.benchmarkWeight")]
    public Task Bad_input_is_a_problem_naming_the_field(string path, string json, string field) =>
        Problems.AssertRefusedAsync(platform.Http, Url(path), json, field);
}

/// <summary>The Analytics engine on the buses: valuations stored as day-end values, tear sheets of them, ANALYTICS_RESULT
/// published.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AnalyticsStateTests(PlatformFixture platform)
{
    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.Analytics, path);

    internal static Nautilus.Contracts.PortfolioUpdate Valuation(string portfolio, DateTimeOffset at, decimal nav)
    {
        var usd = Nautilus.Model.Money.Zero(Nautilus.Model.Currency.USD);
        return new(new Nautilus.Model.PortfolioId(portfolio), new Nautilus.Model.Money(nav, Nautilus.Model.Currency.USD), usd, usd, usd,
            usd,
            usd, Nautilus.Model.UnixNanos.From(at));
    }

    [Fact]
    public async Task Valuations_become_a_tear_sheet_and_a_published_result()
    {
        const int days = 40;
        var portfolio = $"anl-{Guid.NewGuid():N}"[..14];
        var first = DateTimeOffset.UtcNow.Date.AddDays(-days + 1);
        // Values in cents, as money is carried.
        var navs = Enumerable.Range(0, days).Select(d => Math.Round(1_000_000m + 10_000m * (decimal)Math.Sin(d / 3.0) + 500m * d,
            2)).ToArray();
        // Each day a morning valuation that the evening one replaces: the day's value is its last.
        var updates = navs.SelectMany((nav, d) => new[]
        {
            Valuation(portfolio, new DateTimeOffset(first.AddDays(d).AddHours(9), TimeSpan.Zero), nav - 777m),
            Valuation(portfolio, new DateTimeOffset(first.AddDays(d).AddHours(21), TimeSpan.Zero), nav),
        }).ToArray();
        await using var bus = await PlatformBus.ConnectAsync(platform);
        await bus.PublishAsync(updates);

        JsonElement sheet = default;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.GetAsync(Url($"/api/analytics/portfolios/{portfolio}/tearsheet"));
            sheet = response.IsSuccessStatusCode
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : default;
            return sheet.ValueKind == JsonValueKind.Object && sheet.GetProperty("returns").GetArrayLength() == days - 1 &&
                   Math.Abs(sheet.GetProperty("wealth")[days - 2].GetDouble() - (double)(navs[^1] / navs[0])) < 1e-12;
        }, TimeSpan.FromSeconds(30), "every day's last valuation stored");

        var returns = navs.Zip(navs.Skip(1), (a, b) => (double)(b / a) - 1).ToArray();
        Assert.Equal((double)(navs[^1] / navs[0]) - 1, sheet.GetProperty("report").GetProperty("cumulativeReturn").GetDouble(), 12);
        using var metrics = await platform.Http.PostAsJsonAsync(Url("/api/analytics/metrics"), new { returns, periodsPerYear = 252 });
        var expected = JsonDocument.Parse(await metrics.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(expected.GetProperty("sharpe").GetDouble(), sheet.GetProperty("report").GetProperty("sharpe").GetDouble(), 10);
        Assert.Equal(expected.GetProperty("maxDrawdown").GetDouble(), sheet.GetProperty("report").GetProperty("maxDrawdown").GetDouble(),
            12);
        Assert.Contains(JsonSerializer.Deserialize<JsonElement[]>(await platform.Http.GetStringAsync(Url("/api/analytics/portfolios")))!,
            p => p.GetProperty("portfolio").GetString() == portfolio && p.GetProperty("days").GetInt32() == days);

        var result = await bus.WaitForAsync<Nautilus.Contracts.AnalyticsResult>(
            r => r.Subject == "portfolio:" + portfolio && r.Metrics.TryGetValue("days", out var d) && d == days, TimeSpan.FromSeconds(40),
            "ANALYTICS_RESULT over all the days");
        Assert.Equal(sheet.GetProperty("report").GetProperty("sharpe").GetDouble(), result.Metrics["sharpe"], 10);

        var unknown = await Problems.ReadAsync(await platform.Http.GetAsync(Url("/api/analytics/portfolios/nobody/tearsheet")),
            HttpStatusCode.NotFound);
        Assert.Equal("portfolio", unknown.GetProperty("field").GetString());
        await Problems.AssertRefusedAsync(platform.Http, Url("/api/analytics/tearsheet"),
            """{ "returns": [0.01, 0.02], "dates": ["2026-01-02", "2026-01-01"] }""", "dates");
        await Problems.AssertRefusedAsync(platform.Http, Url("/api/analytics/rolling"), """{ "returns": [0.01, 0.02], "window": 5 }""",
            "window");
    }

    [Fact]
    public async Task A_portfolio_whose_value_fell_to_zero_does_not_stop_the_results_of_others()
    {
        var blown = $"blown-{Guid.NewGuid():N}"[..14];
        var healthy = $"well-{Guid.NewGuid():N}"[..14];
        var day = DateTimeOffset.UtcNow.Date.AddDays(-3);
        await using var bus = await PlatformBus.ConnectAsync(platform);
        // No return can be taken from a value of zero: that portfolio has no statistics, the engine carries on.
        await bus.PublishAsync(Valuation(blown, new DateTimeOffset(day, TimeSpan.Zero), 1_000m),
            Valuation(blown, new DateTimeOffset(day.AddDays(1), TimeSpan.Zero), 0m));
        await bus.PublishAsync(Valuation(healthy, new DateTimeOffset(day, TimeSpan.Zero), 1_000m),
            Valuation(healthy, new DateTimeOffset(day.AddDays(1), TimeSpan.Zero), 1_010m),
            Valuation(healthy, new DateTimeOffset(day.AddDays(2), TimeSpan.Zero), 1_005m));

        var result = await bus.WaitForAsync<Nautilus.Contracts.AnalyticsResult>(
            r => r.Subject == "portfolio:" + healthy && r.Metrics.TryGetValue("days", out var d) && d == 3, TimeSpan.FromSeconds(40),
            "the healthy portfolio's ANALYTICS_RESULT");
        Assert.Equal(1_005.0 / 1_000 - 1, result.Metrics["cumulativeReturn"], 12);
        Assert.Empty(await bus.ReadAsync<Nautilus.Contracts.AnalyticsResult>(r => r.Subject == "portfolio:" + blown));
        var problem = await Problems.ReadAsync(await platform.Http.GetAsync(Url($"/api/analytics/portfolios/{blown}/tearsheet")),
            HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("values", out _));
    }

    private static readonly Nautilus.Model.InstrumentId Traded = new("STRT", "XNYS");

    /// <summary>An order of <paramref name="strategy"/>, as the Strategy engine will publish it.</summary>
    internal static Nautilus.Contracts.OrderRequest StrategyOrder(string strategy, string id, Nautilus.Model.OrderSide side,
        double quantity,
        DateTimeOffset at) =>
        new(new Nautilus.Model.ClientOrderId(id), new Nautilus.Model.StrategyId(strategy), new Nautilus.Model.PortfolioId("anl-fund"),
            Traded, side,
            Nautilus.Model.OrderType.Market, Nautilus.Model.Quantity.FromDouble(quantity, 0), null, Nautilus.Model.TimeInForce.Day,
            Nautilus.Model.UnixNanos.From(at));

    /// <summary>A fill of an order, as the Execution engine will publish it.</summary>
    internal static Nautilus.Contracts.TradeExecution StrategyFill(string order, DateTimeOffset at, Nautilus.Model.OrderSide side,
        double quantity,
        double price, decimal fee) =>
        new(new Nautilus.Model.ClientOrderId(order), Traded, side, Nautilus.Model.Quantity.FromDouble(quantity, 0),
            Nautilus.Model.Price.FromDouble(price, 2), new Nautilus.Model.Money(fee, Nautilus.Model.Currency.USD),
            new Nautilus.Model.TradeId($"{order}-{at.ToUnixTimeMilliseconds()}"), Nautilus.Model.UnixNanos.From(at));

    [Fact]
    public async Task A_strategys_fills_become_round_trips_with_their_statistics()
    {
        var strategy = $"st-{Guid.NewGuid():N}"[..12];
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        Nautilus.Contracts.OrderRequest Order(string id, Nautilus.Model.OrderSide side, double quantity) => StrategyOrder(strategy, id,
            side, quantity, at);
        Nautilus.Contracts.TradeExecution Fill(string order, int minute, Nautilus.Model.OrderSide side, double quantity, double price,
            decimal fee) =>
            StrategyFill(order, at.AddMinutes(minute), side, quantity, price, fee);
        await using var bus = await PlatformBus.ConnectAsync(platform);
        await bus.PublishAsync(Order($"{strategy}-1", Nautilus.Model.OrderSide.Buy, 100), Order($"{strategy}-2",
            Nautilus.Model.OrderSide.Sell, 100),
            Order($"{strategy}-3", Nautilus.Model.OrderSide.Buy, 50));
        // Long 100 at 10 then 10.5 (two fills), sold at 12: +1.5·50 + 2·50 − fees 1.5 = 173.5; then 50 bought and still open.
        await bus.PublishAsync(Fill($"{strategy}-1", 1, Nautilus.Model.OrderSide.Buy, 50, 10, 0.5m),
            Fill($"{strategy}-1", 2, Nautilus.Model.OrderSide.Buy, 50, 10.5, 0.5m), Fill($"{strategy}-2", 3,
                Nautilus.Model.OrderSide.Sell, 100, 12, 0.5m),
            Fill($"{strategy}-3", 4, Nautilus.Model.OrderSide.Buy, 50, 20, 0.5m));

        JsonElement sheet = default;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.GetAsync(Url($"/api/analytics/strategies/{strategy}/tearsheet"));
            sheet = response.IsSuccessStatusCode
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : default;
            return sheet.ValueKind == JsonValueKind.Object && sheet.GetProperty("fills").GetInt32() == 4;
        }, TimeSpan.FromSeconds(30), "the four fills stored and attributed to the strategy");

        Assert.Equal(2, sheet.GetProperty("trades").GetArrayLength());
        Assert.Equal(173.5, sheet.GetProperty("realisedPnl").GetDouble(), 9);
        Assert.Equal(1.0, sheet.GetProperty("statistics").GetProperty("winRate").GetDouble());
        Assert.Equal(173.5, sheet.GetProperty("daily").EnumerateArray().Last().GetProperty("cumulative").GetDouble(), 9);

        var unknown = await Problems.ReadAsync(await platform.Http.GetAsync(Url("/api/analytics/strategies/nobody/tearsheet")),
            HttpStatusCode.NotFound);
        Assert.Equal("strategy", unknown.GetProperty("field").GetString());
    }
}
