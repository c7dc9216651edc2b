using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>The Execution engine in the running platform: orders through the Risk engine's pre-trade check to the paper venue,
/// fills against the live book, positions, brackets, the state machine's refusals and bad input.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ExecutionTests(PlatformFixture platform)
{
    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.Execution, path);

    private Task<JsonElement> SendAsync(HttpMethod method, Uri url, object? body, HttpStatusCode expected) =>
        EngineRequests.SendAsync(platform.Http, method, url, body, expected);

    /// <summary>A fresh instrument in the MarketData engine's master (cent ticks, whole shares).</summary>
    private async Task<InstrumentId> InstrumentAsync() => new(await EngineRequests.InstrumentAsync(platform.Http, "EX"), "XNAS");

    private static MarketDataEvent Quote(InstrumentId id, decimal bid, decimal bidSize, decimal ask, decimal askSize) =>
        new(0, new QuoteTick(id, Price.FromDecimal(bid, 2), Quantity.FromDecimal(bidSize, 0), Price.FromDecimal(ask, 2),
            Quantity.FromDecimal(askSize, 0), UnixNanos.Now(TimeProvider.System)));

    /// <summary>The order's status in the OMS; null until its ORDER_REQUEST has reached the engine.</summary>
    private async Task<string?> StatusOfAsync(string id)
    {
        using var response = await platform.Http.GetAsync(Url($"/api/execution/orders/{id}"));
        return response.StatusCode == HttpStatusCode.NotFound ? null
            : JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString();
    }

    private async Task WaitForStatusAsync(string id, string status) =>
        await Eventually.TrueAsync(async () => await StatusOfAsync(id) == status, TimeSpan.FromSeconds(20), $"order {id} {status}");

    [Fact]
    public async Task A_limit_order_passes_the_pre_trade_check_and_fills_against_the_book_in_parts()
    {
        var instrument = await InstrumentAsync();
        var portfolio = $"exe-{Guid.NewGuid():N}"[..16];
        await using var bus = await PlatformBus.ConnectAsync(platform);
        var accepted = await SendAsync(HttpMethod.Post, Url("/api/execution/orders"), new
        {
            portfolioId = portfolio,
            symbol = instrument.Symbol,
            side = "Buy",
            quantity = 100,
            type = "Limit",
            limitPrice = 10.00,
        }, HttpStatusCode.Accepted);
        var id = accepted.GetProperty("clientOrderIds")[0].GetString()!;
        var verdict = await bus.WaitForAsync<PreTradeResult>(r => r.Order.ClientOrderId.Value == id, TimeSpan.FromSeconds(20),
            "its PRE_TRADE_RESULT");
        Assert.True(verdict.Accepted, verdict.Reason);
        await WaitForStatusAsync(id, "Accepted");

        // 60 offered at 9.99 (better than the limit) fill at once; the rest when 100 are offered at the limit.
        await bus.PublishAsync(Quote(instrument, 9.95m, 500, 9.99m, 60));
        await WaitForStatusAsync(id, "PartiallyFilled");
        await bus.PublishAsync(Quote(instrument, 9.96m, 500, 10.00m, 100));
        await WaitForStatusAsync(id, "Filled");

        // Published once stored, just after the OMS moved.
        IReadOnlyList<TradeExecution> fills = [];
        await Eventually.TrueAsync(async () => (fills = await bus.ReadAsync<TradeExecution>(t => t.ClientOrderId.Value == id)).Count == 2,
            TimeSpan.FromSeconds(10), "both TRADE_EXECUTIONs");
        Assert.Equal([(60m, 9.99m), (40m, 10.00m)], fills.Select(f => (f.Quantity.ToDecimal(), f.Price.ToDecimal())));
        var change = await bus.WaitForAsync<PositionChange>(p => p.AccountId.Value == portfolio && p.Quantity.ToDecimal() == 100,
            TimeSpan.FromSeconds(10), "the POSITION_CHANGE to 100");
        Assert.Equal(9.994m, change.AveragePrice.ToDecimal());
        IReadOnlyList<OrderUpdate> updates = [];
        await Eventually.TrueAsync(async () => (updates = await bus.ReadAsync<OrderUpdate>(u => u.ClientOrderId.Value == id))
            .Any(u => u.Status == OrderStatus.Filled), TimeSpan.FromSeconds(10), "the ORDER_UPDATE to Filled");
        Assert.Equal(["Initialized", "Submitted", "Accepted", "PartiallyFilled", "Filled"],
            updates.Select(u => u.Status.ToString()).Distinct());

        var positions = await SendAsync(HttpMethod.Get, Url("/api/execution/positions"), null, HttpStatusCode.OK);
        var position = positions.EnumerateArray().Single(p => p.GetProperty("accountId").GetString() == portfolio);
        Assert.Equal(100m, position.GetProperty("quantity").GetDecimal());
        Assert.Equal((9.98m - 9.994m) * 100, position.GetProperty("unrealizedPnl").GetDecimal()); // marked at the last mid

        // The state machine: a filled order cannot be cancelled.
        var problem = await SendAsync(HttpMethod.Delete, Url($"/api/execution/orders/{id}"), null, HttpStatusCode.Conflict);
        Assert.Contains("Filled", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_order_over_a_risk_limit_is_denied_with_the_risk_engines_reason()
    {
        var instrument = await InstrumentAsync();
        var portfolio = $"exd-{Guid.NewGuid():N}"[..16];
        await SendAsync(HttpMethod.Put, PlatformFixture.UrlOf(EngineCatalog.Risk, "/api/risk/limits"), new
        {
            scope = "Portfolio",
            key = portfolio,
            kind = "MaxNotional",
            value = 500,
            changedBy = "test",
            reason = "execution test",
        }, HttpStatusCode.OK);
        var accepted = await SendAsync(HttpMethod.Post, Url("/api/execution/orders"), new
        {
            portfolioId = portfolio,
            symbol = instrument.Symbol,
            side = "Buy",
            quantity = 100,
            type = "Limit",
            limitPrice = 10.00,
        }, HttpStatusCode.Accepted);
        var id = accepted.GetProperty("clientOrderIds")[0].GetString()!;
        await WaitForStatusAsync(id, "Denied");
        var order = await SendAsync(HttpMethod.Get, Url($"/api/execution/orders/{id}"), null, HttpStatusCode.OK);
        Assert.Contains("MaxNotional", order.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_bracket_waits_for_its_entry_then_the_take_profit_cancels_the_stop()
    {
        var instrument = await InstrumentAsync();
        var portfolio = $"exb-{Guid.NewGuid():N}"[..16];
        await using var bus = await PlatformBus.ConnectAsync(platform);
        var accepted = await SendAsync(HttpMethod.Post, Url("/api/execution/orders"), new
        {
            portfolioId = portfolio,
            symbol = instrument.Symbol,
            side = "Buy",
            quantity = 10,
            type = "Limit",
            limitPrice = 20.00,
            stopLoss = 19.00,
            takeProfit = 22.00,
        }, HttpStatusCode.Accepted);
        var ids = accepted.GetProperty("clientOrderIds").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(3, ids.Length);
        await WaitForStatusAsync(ids[0], "Accepted");
        Assert.Equal("Initialized", await StatusOfAsync(ids[1])); // held until the entry fills

        await bus.PublishAsync(Quote(instrument, 19.98m, 100, 20.00m, 100));
        await WaitForStatusAsync(ids[0], "Filled");
        await WaitForStatusAsync(ids[1], "Accepted");
        await WaitForStatusAsync(ids[2], "Accepted");

        await bus.PublishAsync(Quote(instrument, 22.00m, 100, 22.02m, 100));
        await WaitForStatusAsync(ids[2], "Filled");
        await WaitForStatusAsync(ids[1], "Canceled");
        var positions = await SendAsync(HttpMethod.Get, Url("/api/execution/positions?open=false"), null, HttpStatusCode.OK);
        var position = positions.EnumerateArray().Single(p => p.GetProperty("accountId").GetString() == portfolio);
        Assert.Equal(0m, position.GetProperty("quantity").GetDecimal());
        Assert.Equal(20m, position.GetProperty("realizedPnl").GetDecimal()); // 10 × (22 − 20)

        // Modifying the cancelled stop is refused by the state machine.
        await SendAsync(HttpMethod.Patch, Url($"/api/execution/orders/{ids[1]}"), new { triggerPrice = 18.50 }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task After_a_restart_positions_are_rebuilt_from_stored_fills_and_working_orders_still_work()
    {
        var instrument = await InstrumentAsync();
        var portfolio = $"exr-{Guid.NewGuid():N}"[..16];
        await using var bus = await PlatformBus.ConnectAsync(platform);
        var buy = (await SendAsync(HttpMethod.Post, Url("/api/execution/orders"), new
        {
            portfolioId = portfolio,
            symbol = instrument.Symbol,
            side = "Buy",
            quantity = 50,
            type = "Limit",
            limitPrice = 30.00,
        }, HttpStatusCode.Accepted)).GetProperty("clientOrderIds")[0].GetString()!;
        await WaitForStatusAsync(buy, "Accepted");
        await bus.PublishAsync(Quote(instrument, 29.95m, 100, 29.99m, 100));
        await WaitForStatusAsync(buy, "Filled");
        var sell = (await SendAsync(HttpMethod.Post, Url("/api/execution/orders"), new
        {
            portfolioId = portfolio,
            symbol = instrument.Symbol,
            side = "Sell",
            quantity = 50,
            type = "Limit",
            limitPrice = 35.00,
        }, HttpStatusCode.Accepted)).GetProperty("clientOrderIds")[0].GetString()!;
        await WaitForStatusAsync(sell, "Accepted");
        // Stored before the restart: the fill's TRADE_EXECUTION is published only once stored.
        await bus.WaitForAsync<TradeExecution>(t => t.ClientOrderId.Value == buy, TimeSpan.FromSeconds(10), "the stored fill");

        // A crash, not a shutdown: the process tree killed, then started again.
        using (var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            System.Diagnostics.Process.GetProcessById(platform.ProcessIdOf(EngineCatalog.Execution.Name)).Kill(entireProcessTree: true);
            await platform.App.ResourceNotifications.WaitForResourceAsync(EngineCatalog.Execution.Name,
                e => e.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart", cts.Token);
            var result = await platform.App.ResourceCommands.ExecuteCommandAsync(EngineCatalog.Execution.Name, "resource-start", cts.Token);
            Assert.True(result.Success, result.Message);
            await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(EngineCatalog.Execution.Name, cts.Token);
        }

        JsonElement report = default;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.GetAsync(Url("/api/execution/reconciliation"));
            report = response.StatusCode == HttpStatusCode.OK
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone()
                : default;
            return response.StatusCode == HttpStatusCode.OK;
        }, TimeSpan.FromSeconds(30), "the reconciliation after the restart");
        Assert.True(report.GetProperty("fillsReplayed").GetInt32() >= 1);
        Assert.True(report.GetProperty("ordersRestored").GetInt32() >= 1);
        Assert.Equal(0, report.GetProperty("differences").GetArrayLength());
        var positions = await SendAsync(HttpMethod.Get, Url("/api/execution/positions"), null, HttpStatusCode.OK);
        var position = positions.EnumerateArray().Single(p => p.GetProperty("accountId").GetString() == portfolio);
        Assert.Equal((50m, 29.99m), (position.GetProperty("quantity").GetDecimal(), position.GetProperty("averagePrice").GetDecimal()));

        // The resting sell came back with the engine and fills.
        Assert.Equal("Accepted", await StatusOfAsync(sell));
        await bus.PublishAsync(Quote(instrument, 35.00m, 100, 35.05m, 100));
        await WaitForStatusAsync(sell, "Filled");
        positions = await SendAsync(HttpMethod.Get, Url("/api/execution/positions?open=false"), null, HttpStatusCode.OK);
        position = positions.EnumerateArray().Single(p => p.GetProperty("accountId").GetString() == portfolio);
        Assert.Equal((0m, 50 * (35.00m - 29.99m)), (position.GetProperty("quantity").GetDecimal(),
            position.GetProperty("realizedPnl").GetDecimal()));
    }

    [Fact]
    public async Task The_start_up_rebuild_of_positions_from_fills_is_reported() =>
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.GetAsync(Url("/api/execution/reconciliation"));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            return report.GetProperty("differences").GetArrayLength() == 0 && report.GetProperty("fillsReplayed").GetInt32() >= 0;
        }, TimeSpan.FromSeconds(20), "the reconciliation report");

    [Fact]
    public async Task A_twap_parent_sends_its_slices_through_the_check_and_they_fill()
    {
        var instrument = await InstrumentAsync();
        var portfolio = $"ext-{Guid.NewGuid():N}"[..16];
        await using var bus = await PlatformBus.ConnectAsync(platform);
        // Market children are checked at the last price: the Risk engine hears one first.
        await bus.PublishAsync(new PriceUpdate(instrument, Price.FromDecimal(49.99m, 2), Price.FromDecimal(50.01m, 2),
            Price.FromDecimal(50m, 2),
            UnixNanos.Now(TimeProvider.System)));
        var parent = await SendAsync(HttpMethod.Post, Url("/api/execution/algorithms"), new
        {
            portfolioId = portfolio,
            symbol = instrument.Symbol,
            side = "Buy",
            quantity = 30,
            algorithm = "twap",
            durationSeconds = 1.5,
            slices = 3,
        }, HttpStatusCode.Accepted);
        var id = parent.GetProperty("id").GetString()!;
        Assert.Equal([10m, 10m, 10m], parent.GetProperty("schedule").EnumerateArray().Select(s => s.GetProperty("quantity").GetDecimal()));

        JsonElement view = default;
        await Eventually.TrueAsync(async () =>
        {
            await bus.PublishAsync(Quote(instrument, 49.99m, 100, 50.01m, 100));
            view = await SendAsync(HttpMethod.Get, Url($"/api/execution/algorithms/{id}"), null, HttpStatusCode.OK);
            return view.GetProperty("status").GetString() == "completed";
        }, TimeSpan.FromSeconds(20), "all three slices filled");
        Assert.Equal((3, 30m, 50.01m), (view.GetProperty("slicesSent").GetInt32(), view.GetProperty("filled").GetDecimal(),
            view.GetProperty("averagePrice").GetDecimal()));
        var children = await bus.ReadAsync<OrderRequest>(r => r.ClientOrderId.Value.StartsWith(id + "-", StringComparison.Ordinal));
        Assert.Equal(3, children.Count);
    }

    [Fact]
    public async Task A_vwap_schedule_is_computed_statelessly()
    {
        var slices = await SendAsync(HttpMethod.Post, Url("/api/execution/algorithms/schedule?lotSize=100"), new
        {
            portfolioId = "p",
            symbol = "ANY",
            side = "Buy",
            quantity = 10_000,
            algorithm = "vwap",
            durationSeconds = 23_400,
        }, HttpStatusCode.OK);
        var quantities = slices.EnumerateArray().Select(s => s.GetProperty("quantity").GetDecimal()).ToArray();
        Assert.Equal(13, quantities.Length);
        Assert.Equal(10_000m, quantities.Sum());
        Assert.Equal(1_200m, quantities[0]);
        await Problems.AssertRefusedAsync(platform.Http, Url("/api/execution/algorithms/schedule"),
            """{"portfolioId":"p","symbol":"ANY","side":"Buy","quantity":100,"algorithm":"iceberg"}""", "algorithm");
    }

    [Fact]
    public async Task Positions_from_fills_are_computed_statelessly()
    {
        var positions = await SendAsync(HttpMethod.Post, Url("/api/execution/positions/from-fills"), new
        {
            fills = new[]
            {
                new { symbol = "ABC", side = "Buy", quantity = 100m, price = 10m, fee = 1m },
                new { symbol = "ABC", side = "Sell", quantity = 150m, price = 12m, fee = 1m },
            },
            prices = new Dictionary<string, decimal> { ["ABC"] = 11m },
        }, HttpStatusCode.OK);
        var p = positions.EnumerateArray().Single();
        Assert.Equal((-50m, 12m, 198m, 50m), (p.GetProperty("quantity").GetDecimal(), p.GetProperty("averagePrice").GetDecimal(),
            p.GetProperty("realizedPnl").GetDecimal(), p.GetProperty("unrealizedPnl").GetDecimal()));
    }

    [Theory]
    [InlineData("""{"portfolioId":"p1","symbol":"SYMBOL","side":"Buy","quantity":0,"type":"Market"}""", "quantity")]
    [InlineData("""{"portfolioId":"p1","symbol":"SYMBOL","side":"Buy","quantity":-5,"type":"Market"}""", "quantity")]
    [InlineData("""{"portfolioId":"p1","symbol":"SYMBOL","side":"Buy","quantity":1.5,"type":"Market"}""", "quantity")]
    [InlineData("""{"portfolioId":"p1","symbol":"SYMBOL","side":"Buy","quantity":10,"type":"Limit","limitPrice":10.005}""", "limitPrice")]
    [InlineData("""{"portfolioId":"p1","symbol":"SYMBOL","side":"Buy","quantity":10,"type":"Limit"}""", "limitPrice")]
    [InlineData("""{"portfolioId":"p1","symbol":"SYMBOL","side":"Buy","quantity":10,"type":"Limit","limitPrice":10,"timeInForce":"Gtd"}""",
        "expireTime")]
    [InlineData("""{"portfolioId":"p1","symbol":"NO-SUCH","side":"Buy","quantity":10,"type":"Market"}""", "symbol")]
    [InlineData("""{"portfolioId":"p1","symbol":"SYMBOL","side":"Hold","quantity":10,"type":"Market"}""", "side")]
    [InlineData("""{"portfolioId":"p1","symbol":"SYMBOL","side":"Buy","quantity":10,"type":"Limit","limitPrice":20,"stopLoss":19.001}""",
        "stopLoss")]
    public async Task Bad_orders_are_problems_naming_the_field(string json, string field)
    {
        var instrument = await InstrumentAsync();
        await Problems.AssertRefusedAsync(platform.Http, Url("/api/execution/orders"), json.Replace("SYMBOL", instrument.Symbol,
            StringComparison.Ordinal), field);
    }

    [Fact]
    public async Task Cancelling_an_unknown_order_is_not_found()
    {
        using var response = await platform.Http.DeleteAsync(Url("/api/execution/orders/NO-SUCH-ORDER"));
        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
    }
}
