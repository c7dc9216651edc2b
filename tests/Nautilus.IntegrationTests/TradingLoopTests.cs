using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>
/// The trading loop through the running engines: a deployed strategy's lifecycle and bad input, and parity — one strategy on
/// one stored data set gives the same orders and fills in a backtest and live (bar replay → Strategy → Risk → Execution's
/// paper venue).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class TradingLoopTests(PlatformFixture platform)
{
    private static Uri Strategy(string path) => PlatformFixture.UrlOf(EngineCatalog.Strategy, path);

    private static Uri MarketData(string path) => PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, path);

    private Task<JsonElement> SendAsync(HttpMethod method, Uri url, object? body, HttpStatusCode expected) =>
        EngineRequests.SendAsync(platform.Http, method, url, body, expected);

    /// <summary>SPY's last <paramref name="count"/> closes stored as the daily bars of a fresh symbol.</summary>
    private async Task<(string Symbol, DateOnly[] Days)> ImportSpyAsync(int count)
    {
        var (dates, closes) = SmaCrossByHand.SpyCloses();
        var symbol = await EngineRequests.InstrumentAsync(platform.Http, "LP", "ARCX",
            Enumerable.Range(dates.Length - count, count).Select(i => (dates[i], closes[i])));
        return (symbol, dates[^count..]);
    }

    [Fact]
    public async Task A_strategy_gives_the_same_orders_and_fills_in_a_backtest_and_live_through_the_running_engines()
    {
        var (symbol, days) = await ImportSpyAsync(180);
        var from = days[0].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var to = days[^1].AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var parameters = new { fast = 5, slow = 20 };

        var backtest = await SendAsync(HttpMethod.Post, PlatformFixture.UrlOf(EngineCatalog.Backtesting, "/api/backtests?wait=true"), new
        {
            strategy = "sma-cross",
            parameters,
            data = new { symbol, interval = 86_400, from, to },
            initialCash = 100_000,
        }, HttpStatusCode.OK);
        var expectedFills = backtest.GetProperty("fills").EnumerateArray()
            .Select(f => (f.GetProperty("side").GetString()!, f.GetProperty("quantity").GetDecimal(), f.GetProperty("price").GetDecimal(),
                f.GetProperty("ts").GetDateTimeOffset()))
            .ToArray();
        var expectedOrders = backtest.GetProperty("orders").EnumerateArray()
            .Select(o => (o.GetProperty("side").GetString()!, o.GetProperty("quantity").GetDecimal(), o.GetProperty("status").GetString()!))
            .ToArray();
        Assert.True(expectedFills.Length >= 6, $"only {expectedFills.Length} fills in the backtest");

        var id = $"parity{Guid.NewGuid():N}"[..14];
        var portfolio = $"lp-{id}";
        await SendAsync(HttpMethod.Post, Strategy("/api/strategies"), new
        {
            id,
            strategy = "sma-cross",
            parameters,
            symbols = new[] { symbol },
            portfolioId = portfolio,
            interval = 86_400,
            capital = 100_000,
            warmUpBars = 0,
        }, HttpStatusCode.Created);
        var started = await SendAsync(HttpMethod.Post, Strategy($"/api/strategies/{id}/start"), null, HttpStatusCode.OK);
        Assert.Equal("running", started.GetProperty("status").GetString());

        // Before the open, as a desk does: one order through the whole loop (check, venue, cancel), so the engines meet the new
        // instrument and their order paths are warm before the replay's first decision.
        var probe = (await SendAsync(HttpMethod.Post, PlatformFixture.UrlOf(EngineCatalog.Execution, "/api/execution/orders"),
            new { portfolioId = portfolio, symbol, side = "Buy", quantity = 1, type = "Limit", limitPrice = 0.01 },
                HttpStatusCode.Accepted))
            .GetProperty("clientOrderIds")[0].GetString()!;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.DeleteAsync(PlatformFixture.UrlOf(EngineCatalog.Execution,
                $"/api/execution/orders/{probe}"));
            return response.StatusCode == HttpStatusCode.Accepted;
        }, TimeSpan.FromSeconds(20), "the probe order accepted and cancelled");
        await using var bus = await PlatformBus.ConnectAsync(platform);
        // Paced so the strategy hears of each fill before its next decision, as in a backtest: a bar every 170 ms. The fills
        // themselves do not depend on the pace: an order carries the market time it was decided at, and the paper venue
        // matches it from there whether its own feed is behind the strategy's or ahead of the order (LiveExecutionTests).
        await SendAsync(HttpMethod.Post, MarketData("/api/feeds/bar-replay/start"),
            new { symbol, interval = 86_400, from, to, barsPerSecond = 6 }, HttpStatusCode.OK);
        IReadOnlyList<TradeExecution> fills = [];
        await Eventually.TrueAsync(async () =>
                (fills = await bus.ReadAsync<TradeExecution>(t => t.ClientOrderId.Value.StartsWith(id + "-", StringComparison.Ordinal)))
                .Count >= expectedFills.Length,
            TimeSpan.FromSeconds(60), $"{expectedFills.Length} live fills");
        await Eventually.TrueAsync(async () =>
                (await SendAsync(HttpMethod.Get, MarketData("/api/feeds/bar-replay"), null,
                    HttpStatusCode.OK)).GetProperty("state").GetString()
                == "Stopped", TimeSpan.FromSeconds(30), "the replay to end");

        var live = fills.Select(f => (f.Side.ToString(), f.Quantity.ToDecimal(), f.Price.ToDecimal(),
            f.TsEvent.ToDateTimeOffset())).ToArray();
        if (!live.SequenceEqual(expectedFills))
        {
            // When the loop fell behind the replay, when each message of the first order was published says where.
            var first = id + "-1";
            var timeline = (await bus.ReadPublishedAsync<OrderRequest>(r => r.ClientOrderId.Value == first)).Select(r => $"request " +
                $"{r.Published}")
                .Concat((await bus.ReadPublishedAsync<PreTradeResult>(r => r.Order.ClientOrderId.Value == first)).Select(r => $"verdict " +
                    $"{r.Published}"))
                .Concat((await bus.ReadPublishedAsync<OrderUpdate>(u => u.ClientOrderId.Value == first))
                    .Select(u => $"{u.Message.Status} {u.Published}"));
            Assert.Fail($"live fills {string.Join(", ", live)}\nexpected {string.Join(", ", expectedFills)}\n" +
                string.Join("\n", timeline));
        }

        var orders = (await SendAsync(HttpMethod.Get, PlatformFixture.UrlOf(EngineCatalog.Execution, "/api/execution/orders?limit=5000"),
            null,
                HttpStatusCode.OK)).EnumerateArray()
            .Where(o => o.GetProperty("strategyId").GetString() == id)
            .OrderBy(o => int.Parse(o.GetProperty("clientOrderId").GetString()![(id.Length + 1)..], CultureInfo.InvariantCulture))
            .Select(o => (o.GetProperty("side").GetString()!, o.GetProperty("quantity").GetDecimal(), o.GetProperty("status").GetString()!))
            .ToArray();
        Assert.Equal(expectedOrders, orders);

        var view = await SendAsync(HttpMethod.Get, Strategy($"/api/strategies/{id}"), null, HttpStatusCode.OK);
        Assert.Equal(backtest.GetProperty("finalCash").GetDecimal(), view.GetProperty("cash").GetDecimal());
        Assert.Equal(expectedFills.Length, view.GetProperty("fills").GetInt64());
        var signals = await bus.ReadAsync<StrategySignal>(s => s.StrategyId.Value == id);
        Assert.NotEmpty(signals);

        await SendAsync(HttpMethod.Post, Strategy($"/api/strategies/{id}/stop"), null, HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_deployment_moves_through_its_lifecycle_and_refuses_illegal_moves()
    {
        var (symbol, _) = await ImportSpyAsync(60);
        var id = $"life{Guid.NewGuid():N}"[..12];
        var deployed = await SendAsync(HttpMethod.Post, Strategy("/api/strategies"), new
        {
            id,
            strategy = "mean-reversion",
            symbols = new[] { symbol },
            portfolioId = $"lc-{id}",
            interval = 86_400,
            warmUpBars = 100,
        }, HttpStatusCode.Created);
        Assert.Equal("deployed", deployed.GetProperty("status").GetString());
        await SendAsync(HttpMethod.Post, Strategy($"/api/strategies/{id}/pause"), null, HttpStatusCode.Conflict);
        await SendAsync(HttpMethod.Post, Strategy("/api/strategies"), new
        {
            id,
            strategy = "mean-reversion",
            symbols = new[] { symbol },
            portfolioId = $"lc-{id}",
            interval = 86_400,
        }, HttpStatusCode.Conflict);

        // Started: warmed up on the 60 stored bars (its z-score ready), no order sent while warming up.
        var running = await SendAsync(HttpMethod.Post, Strategy($"/api/strategies/{id}/start"), null, HttpStatusCode.OK);
        Assert.Equal("running", running.GetProperty("status").GetString());
        Assert.Equal(0, running.GetProperty("ordersSent").GetInt64());
        Assert.NotNull(running.GetProperty("lastEvent").GetString());
        await SendAsync(HttpMethod.Post, Strategy($"/api/strategies/{id}/start"), null, HttpStatusCode.Conflict);
        await SendAsync(HttpMethod.Put, Strategy($"/api/strategies/{id}/parameters"), new { parameters = new { window = 30 } },
            HttpStatusCode.Conflict);
        await SendAsync(HttpMethod.Delete, Strategy($"/api/strategies/{id}"), null, HttpStatusCode.Conflict);

        Assert.Equal("paused", (await SendAsync(HttpMethod.Post, Strategy($"/api/strategies/{id}/pause"), null, HttpStatusCode.OK))
            .GetProperty("status").GetString());
        var changed = await SendAsync(HttpMethod.Put, Strategy($"/api/strategies/{id}/parameters"),
            new { parameters = new { window = 30, entryZ = 2.5 } }, HttpStatusCode.OK);
        Assert.Equal(30, changed.GetProperty("parameters").GetProperty("window").GetDouble());
        await SendAsync(HttpMethod.Put, Strategy($"/api/strategies/{id}/parameters"), new { parameters = new { exitZ = 3 } },
            HttpStatusCode.BadRequest);
        Assert.Equal("stopped", (await SendAsync(HttpMethod.Post, Strategy($"/api/strategies/{id}/stop"), null, HttpStatusCode.OK))
            .GetProperty("status").GetString());
        await SendAsync(HttpMethod.Delete, Strategy($"/api/strategies/{id}"), null, HttpStatusCode.NoContent);
        await SendAsync(HttpMethod.Get, Strategy($"/api/strategies/{id}"), null, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"strategy":"sma-cross","symbols":["SYMBOL"],"portfolioId":"p","parameters":{"fast":30,"slow":10}}""",
        "parameters.fast")]
    [InlineData("""{"strategy":"sma-cross","symbols":["NO-SUCH"],"portfolioId":"p"}""", "symbols[0]")]
    [InlineData("""{"strategy":"sma-cross","symbols":[],"portfolioId":"p"}""", "symbols")]
    [InlineData("""{"strategy":"luck","symbols":["SYMBOL"],"portfolioId":"p"}""", "strategy")]
    [InlineData("""{"strategy":"pairs","symbols":["SYMBOL"],"portfolioId":"p"}""", "instruments")]
    [InlineData("""{"strategy":"sma-cross","symbols":["SYMBOL"],"portfolioId":"p","capital":0}""", "capital")]
    [InlineData("""{"strategy":"sma-cross","symbols":["SYMBOL"],"portfolioId":"p","interval":0}""", "interval")]
    public async Task Bad_deployments_are_problems_naming_the_field(string json, string field)
    {
        var (symbol, _) = await ImportSpyAsync(3);
        await Problems.AssertRefusedAsync(platform.Http, Strategy("/api/strategies"), json.Replace("SYMBOL", symbol,
            StringComparison.Ordinal),
            field);
    }
}
