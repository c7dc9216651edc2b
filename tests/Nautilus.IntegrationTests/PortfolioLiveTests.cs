using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary>
/// The Portfolio engine live: a funded portfolio trades through Risk and Execution on replayed bars; its fills, the prices and
/// the book value it (holdings, P&amp;L, cash, NAV history, PORTFOLIO_UPDATE); a rebalancing proposal is approved, sent as
/// orders and filled. And what it cannot value: a holding without a price, a currency without an FX rate.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PortfolioLiveTests(PlatformFixture platform)
{
    private static Uri Portfolio(string path) => PlatformFixture.UrlOf(EngineCatalog.Portfolio, path);

    private static Uri MarketData(string path) => PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, path);

    private static Uri Execution(string path) => PlatformFixture.UrlOf(EngineCatalog.Execution, path);

    private Task<JsonElement> SendAsync(HttpMethod method, Uri url, object? body, HttpStatusCode expected) =>
        EngineRequests.SendAsync(platform.Http, method, url, body, expected);

    /// <summary>Replays the stored daily bars of [from, to] quickly and waits for the replay to end.</summary>
    private async Task ReplayAsync(string symbol, DateOnly from, DateOnly to)
    {
        await SendAsync(HttpMethod.Post, MarketData("/api/feeds/bar-replay/start"), new
        {
            symbol,
            interval = 86_400,
            from = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            to = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            barsPerSecond = 20,
        }, HttpStatusCode.OK);
        await Eventually.TrueAsync(async () => (await SendAsync(HttpMethod.Get, MarketData("/api/feeds/bar-replay"), null,
            HttpStatusCode.OK)).GetProperty("state").GetString() == "Stopped", TimeSpan.FromSeconds(30), "the replay to end");
    }

    /// <summary>Waits until the order has passed the pre-trade check and works at the paper venue.</summary>
    private Task AcceptedAsync(string clientOrderId) => Eventually.TrueAsync(async () =>
    {
        using var response = await platform.Http.GetAsync(Execution($"/api/execution/orders/{clientOrderId}"));
        return response.StatusCode == HttpStatusCode.OK &&
            JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString() == "Accepted";
    }, TimeSpan.FromSeconds(20), $"{clientOrderId} accepted at the venue");

    private async Task<JsonElement?> ValuationAsync(string portfolio)
    {
        using var response = await platform.Http.GetAsync(Portfolio($"/api/portfolio/portfolios/{portfolio}/valuation"));
        return response.StatusCode == HttpStatusCode.OK
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone()
            : null;
    }

    private static double Held(JsonElement valuation, string symbol) => valuation.GetProperty("valuation").GetProperty("holdings")
        .EnumerateArray().Where(h => h.GetProperty("symbol").GetString() == symbol).Sum(h => h.GetProperty("quantity").GetDouble());

    [Fact]
    public async Task A_portfolio_is_valued_from_its_fills_and_prices_and_a_rebalancing_proposal_is_sent_and_filled()
    {
        var (dates, closes) = SmaCrossByHand.SpyCloses();
        var days = dates[^30..];
        var symbol = await InstrumentAsync(platform.Http, "PV", "ARCX", days.Zip(closes[^30..]));
        var portfolio = await FundedPortfolioAsync(platform.Http, Guid.NewGuid().ToString("N")[..8], 100_000);
        await using var bus = await PlatformBus.ConnectAsync(platform);

        // The first ten days set the venue's clock for the instrument; the buy fills on a later bar's open.
        await ReplayAsync(symbol, days[0], days[9]);
        await CaughtUpAsync(platform.Http, EngineCatalog.Execution, MessageType.MarketData, TimeSpan.FromSeconds(20));
        var buy = (await SendAsync(HttpMethod.Post, Execution("/api/execution/orders"),
                new { portfolioId = portfolio, symbol, side = "Buy", quantity = 100, type = "Market" }, HttpStatusCode.Accepted))
            .GetProperty("clientOrderIds")[0].GetString()!;
        await AcceptedAsync(buy);
        await ReplayAsync(symbol, days[10], days[19]);
        var bought = await bus.WaitForAsync<TradeExecution>(t => t.ClientOrderId.Value == buy, TimeSpan.FromSeconds(20), "the buy's fill");
        Assert.Equal(portfolio, bought.AccountId?.Value);
        Assert.Equal(UnixNanos.From(days[10].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), bought.TsEvent); // day 10's open

        // Valued at day 19's close (a daily bar's price is known at its close: midnight after the day).
        var asOf = new DateTimeOffset(days[19].AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        JsonElement valuation = default;
        await Eventually.TrueAsync(async () => await ValuationAsync(portfolio) is { } v && (valuation = v).GetProperty("asOf")
            .GetDateTimeOffset() == asOf, TimeSpan.FromSeconds(20), "the valuation at day 19's close");
        var (fillPrice, fee, last) = (bought.Price.AsDouble(), (double)bought.Fee.Amount, (double)closes[^11]);
        var v = valuation.GetProperty("valuation");
        var holding = v.GetProperty("holdings")[0];
        Assert.Equal(100, holding.GetProperty("quantity").GetDouble());
        Assert.Equal(fillPrice, holding.GetProperty("averageCost").GetDouble(), 9);
        Assert.Equal(last, holding.GetProperty("price").GetDouble(), 9);
        Assert.Equal(100 * (last - fillPrice), v.GetProperty("unrealizedPnl").GetDouble(), 6);
        Assert.Equal(100_000 - 100 * fillPrice - fee, v.GetProperty("cash").GetDouble(), 6);
        Assert.Equal(100_000 - 100 * fillPrice - fee + 100 * last, v.GetProperty("netAssetValue").GetDouble(), 6);
        Assert.Equal("average-cost", (await SendAsync(HttpMethod.Get,
            Portfolio($"/api/portfolio/portfolios/{portfolio}/valuation?method=average-cost"), null, HttpStatusCode.OK))
            .GetProperty("valuation").GetProperty("method").GetString());
        await Eventually.TrueAsync(async () => (await ValuationAsync(portfolio))?.GetProperty("breaks").GetArrayLength() == 0,
            TimeSpan.FromSeconds(10), "the Execution engine's position to agree");

        // NAV history in market time, one point per day from the fill on, the last one the valuation's; published as well.
        var nav = (await SendAsync(HttpMethod.Get, Portfolio($"/api/portfolio/portfolios/{portfolio}/nav"), null, HttpStatusCode.OK))
            .EnumerateArray().ToArray();
        Assert.InRange(nav.Length, 2, 21);
        Assert.Equal(asOf, nav[^1].GetProperty("ts").GetDateTimeOffset());
        Assert.Equal(v.GetProperty("netAssetValue").GetDouble(), nav[^1].GetProperty("netAssetValue").GetDouble(), 6);
        Assert.True(nav.Zip(nav.Skip(1)).All(p => p.First.GetProperty("ts").GetDateTimeOffset() < p.Second.GetProperty("ts")
            .GetDateTimeOffset()));
        var update = await bus.WaitForAsync<PortfolioUpdate>(u => u.PortfolioId.Value == portfolio && u.TsEvent == UnixNanos.From(asOf),
            TimeSpan.FromSeconds(10), "PORTFOLIO_UPDATE at day 19's close");
        // On the bus in money, rounded to the currency's cents.
        Assert.Equal(v.GetProperty("netAssetValue").GetDouble(), (double)update.NetAssetValue.Amount, 0.005);
        // Consumed: the Risk engine's equity of the portfolio is that NAV, and the Analytics engine stores its day-end values.
        await Eventually.TrueAsync(async () => (await SendAsync(HttpMethod.Get, PlatformFixture.UrlOf(EngineCatalog.Risk,
                "/api/risk/portfolios"), null, HttpStatusCode.OK)).EnumerateArray().Any(p => p.GetProperty("portfolio").GetString() ==
                portfolio && p.GetProperty("equity").GetDouble() == (double)update.NetAssetValue.Amount),
            TimeSpan.FromSeconds(10), "the Risk engine's equity from PORTFOLIO_UPDATE");
        await Eventually.TrueAsync(async () => (await SendAsync(HttpMethod.Get, PlatformFixture.UrlOf(EngineCatalog.Analytics,
                "/api/analytics/portfolios"), null, HttpStatusCode.OK)).EnumerateArray().Any(p =>
                p.GetProperty("portfolio").GetString() == portfolio),
            TimeSpan.FromSeconds(10), "the Analytics engine's day-end values from PORTFOLIO_UPDATE");

        // Half the NAV in the instrument: a sale of whole shares, no costs.
        var navNow = v.GetProperty("netAssetValue").GetDouble();
        var expected = Math.Round((0.5 * navNow - 100 * last) / last, MidpointRounding.AwayFromZero);
        var proposal = await SendAsync(HttpMethod.Post, Portfolio($"/api/portfolio/portfolios/{portfolio}/proposals"),
            new { targetWeights = new Dictionary<string, double> { [symbol] = 0.5 }, costBps = 0 }, HttpStatusCode.Created);
        var trade = proposal.GetProperty("proposal").GetProperty("trades")[0];
        Assert.Equal(expected < 0 ? "Sell" : "Buy", trade.GetProperty("side").GetString());
        Assert.Equal(Math.Abs(expected), trade.GetProperty("quantity").GetDouble());
        var id = proposal.GetProperty("id").GetString()!;
        await CaughtUpAsync(platform.Http, EngineCatalog.Execution, MessageType.MarketData, TimeSpan.FromSeconds(20));
        var sent = await SendAsync(HttpMethod.Post, Portfolio($"/api/portfolio/proposals/{id}/approve"), null, HttpStatusCode.OK);
        Assert.Equal("Sent", sent.GetProperty("status").GetString());
        var order = sent.GetProperty("clientOrderIds")[0].GetString()!;
        using (var again = await platform.Http.PostAsync(Portfolio($"/api/portfolio/proposals/{id}/approve"), null))
        {
            await Problems.ReadAsync(again, HttpStatusCode.Conflict);
        }

        // Through the pre-trade check to the venue, filled on the next bars.
        await AcceptedAsync(order);
        await ReplayAsync(symbol, days[20], days[29]);
        var rebalanced = await bus.WaitForAsync<TradeExecution>(t => t.ClientOrderId.Value == order, TimeSpan.FromSeconds(20),
            "the rebalancing fill");
        await Eventually.TrueAsync(async () => await ValuationAsync(portfolio) is { } after && Held(after, symbol) == 100 + expected,
            TimeSpan.FromSeconds(20), "the holding after rebalancing");
        var final = (await ValuationAsync(portfolio))!.Value.GetProperty("valuation");
        Assert.Equal(100_000 - 100 * fillPrice - fee - expected * rebalanced.Price.AsDouble() - (double)rebalanced.Fee.Amount,
            final.GetProperty("cash").GetDouble(), 6);
    }

    [Fact]
    public async Task A_portfolio_is_not_valued_before_each_holding_has_a_price_nor_without_its_fx_rate()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var portfolio = await FundedPortfolioAsync(platform.Http, tag, 10_000, currency: "EUR");
        var instrument = new InstrumentId($"NOPX{tag}".ToUpperInvariant(), "XNAS");
        await using var bus = await PlatformBus.ConnectAsync(platform);
        var now = UnixNanos.Now(TimeProvider.System);
        // A fill in USD booked to the EUR portfolio, as the Execution engine publishes it.
        await bus.PublishAsync(new TradeExecution(new ClientOrderId($"o-{tag}"), instrument, OrderSide.Buy, Quantity.FromDecimal(10, 0),
            Price.FromDecimal(50m, 2), new Money(0m, Currency.USD), new TradeId($"t-{tag}"), now, new AccountId(portfolio)));

        JsonElement problem = default;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.GetAsync(Portfolio($"/api/portfolio/portfolios/{portfolio}/valuation"));
            return response.StatusCode == HttpStatusCode.Conflict && (problem = await Problems.ReadAsync(response,
                HttpStatusCode.Conflict)).GetProperty("field").GetString() == "prices";
        }, TimeSpan.FromSeconds(20), "the fill booked and refused as unpriced");
        Assert.Contains(instrument.Symbol, problem.GetProperty("detail").GetString());
        var listed = (await SendAsync(HttpMethod.Get, Portfolio("/api/portfolio/portfolios"), null, HttpStatusCode.OK)).EnumerateArray()
            .Single(p => p.GetProperty("portfolioId").GetString() == portfolio);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("netAssetValue").ValueKind);

        // Priced in USD: the EUR portfolio still needs EUR/USD.
        await bus.PublishAsync(new PriceUpdate(instrument, Price.FromDecimal(54.9m, 2), Price.FromDecimal(55.1m, 2),
            Price.FromDecimal(55m, 2), now));
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.GetAsync(Portfolio($"/api/portfolio/portfolios/{portfolio}/valuation"));
            return response.StatusCode == HttpStatusCode.Conflict && (await Problems.ReadAsync(response, HttpStatusCode.Conflict))
                .GetProperty("field").GetString() == "fxRates";
        }, TimeSpan.FromSeconds(20), "the valuation refused for want of an FX rate");

        // 1.25 USD per EUR: 10 × 55 USD = 440 EUR held; cash 10,000 − 400 EUR.
        await bus.PublishAsync(new PriceUpdate(new InstrumentId("EURUSD", "IDEALPRO"), Price.FromDecimal(1.2499m, 4),
            Price.FromDecimal(1.2501m, 4), Price.FromDecimal(1.25m, 4), now));
        JsonElement? valued = null;
        await Eventually.TrueAsync(async () => (valued = await ValuationAsync(portfolio)) is not null, TimeSpan.FromSeconds(20),
            "the valuation once EUR/USD is priced");
        var v = valued!.Value.GetProperty("valuation");
        Assert.Equal("EUR", v.GetProperty("baseCurrency").GetString());
        Assert.Equal(440, v.GetProperty("marketValue").GetDouble(), 9);
        Assert.Equal(9_600, v.GetProperty("cash").GetDouble(), 9);
        Assert.Equal(10_040, v.GetProperty("netAssetValue").GetDouble(), 9);
    }

    [Fact]
    public async Task Bad_rebalancing_requests_are_problems_naming_the_field()
    {
        var url = Portfolio("/api/portfolio/rebalance");
        await Problems.AssertRefusedAsync(platform.Http, url,
            """{"cash":1000,"holdings":[{"symbol":"A","quantity":0,"price":10}],"targetWeights":{"A":1.2}}""", "targetWeights.A");
        await Problems.AssertRefusedAsync(platform.Http, url,
            """{"cash":1000,"holdings":[{"symbol":"A","quantity":0,"price":10}],"targetWeights":{"B":0.5}}""", "targetWeights.B");
        await Problems.AssertRefusedAsync(platform.Http, url,
            """{"cash":1000,"holdings":[{"symbol":"A","quantity":0,"price":0}],"targetWeights":{"A":0.5}}""", "holdings[0].price");
        await Problems.AssertRefusedAsync(platform.Http, url, """{"cash":1000,"targetWeights":{"A":0.5}}""", "holdings");
        var unknown = await Problems.ReadAsync(await platform.Http.PostAsync(Portfolio("/api/portfolio/portfolios/no-such/proposals"),
            JsonContent.Create(new { targetWeights = new { A = 1 } })), HttpStatusCode.NotFound);
        Assert.Equal("id", unknown.GetProperty("field").GetString());

        var ok = await SendAsync(HttpMethod.Post, url, new
        {
            cash = 10_000,
            holdings = new object[]
            {
                new { symbol = "A", quantity = 100, price = 500 }, new { symbol = "B", quantity = 0, price = 200, lotSize = 10 },
            },
            targetWeights = new Dictionary<string, double> { ["A"] = 0.5, ["B"] = 0.4 },
            costBps = 10,
        }, HttpStatusCode.OK);
        // NAV 60,000: A 30,000 − 50,000 → −40; B 24,000 → 120 (12 lots); costs 10 bp of 44,000.
        Assert.Equal([("A", "Sell", 40.0), ("B", "Buy", 120.0)], ok.GetProperty("trades").EnumerateArray()
            .Select(t => (t.GetProperty("symbol").GetString(), t.GetProperty("side").GetString(), t.GetProperty("quantity").GetDouble())));
        Assert.Equal(44, ok.GetProperty("estimatedCost").GetDouble(), 9);
    }
}
