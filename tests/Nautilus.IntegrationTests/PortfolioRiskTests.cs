using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>
/// The Risk engine on live portfolios in the running platform: positions arrive as POSITION_CHANGE on the bus, daily
/// closes come from the MarketData engine, and the VaR, its stored history, the historical stress and the bus form of the
/// pre-trade check are checked against figures computed here from the same closes.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PortfolioRiskTests(PlatformFixture platform)
{
    private const int Days = 300;
    internal static readonly InstrumentId Alpha = new("PRKA", "XNYS");
    internal static readonly InstrumentId Beta = new("PRKB", "XNYS");

    private static Uri Risk(string path) => PlatformFixture.UrlOf(EngineCatalog.Risk, path);

    private static Uri MarketData(string path) => PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, path);

    /// <summary>Deterministic closes ending today: two instruments whose daily moves differ in size and sign.</summary>
    internal static double[] Closes(int seed)
    {
        var random = new Random(seed);
        var closes = new double[Days];
        closes[0] = 100;
        for (var t = 1; t < Days; t++)
        {
            closes[t] = Math.Round(closes[t - 1] * (1 + (random.NextDouble() - 0.5) * 0.06), 2);
        }

        return closes;
    }

    /// <summary>Creates the instrument (once) and stores its daily bars ending today.</summary>
    internal static async Task ImportAsync(HttpClient http, InstrumentId instrument, double[] closes, DateOnly today)
    {
        using (var created = await http.PostAsJsonAsync(MarketData("/api/instruments"),
                   new
                   {
                       symbol = instrument.Symbol,
                       assetClass = "Equity",
                       venue = instrument.Venue,
                       currency = "USD",
                       tickSize = 0.01,
                       lotSize = 1,
                       sector = "Industrials"
                   }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{instrument}: {created.StatusCode}");
        }

        var csv = new StringBuilder("symbol,date,open,high,low,close,volume\n");
        for (var t = 0; t < closes.Length; t++)
        {
            var c = closes[t];
            csv.Append(CultureInfo.InvariantCulture,
                $"{instrument.Symbol},{today.AddDays(t - Days + 1):yyyy-MM-dd},{c},{c},{c},{c},1000\n");
        }

        using var import = await http.PostAsync(MarketData("/api/bars/import?interval=86400"), new StringContent(csv.ToString(),
            Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, import.StatusCode);
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, Risk(path)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await platform.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: {response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    internal static PositionChange Position(string portfolio, InstrumentId instrument, PositionSide side, double quantity, double price) =>
        new(new AccountId(portfolio), instrument, side, Quantity.FromDouble(quantity, 0), Price.FromDouble(price, 2),
            Money.Zero(Currency.USD),
            UnixNanos.Now(TimeProvider.System));

    [Fact]
    public async Task A_live_portfolio_gets_its_historical_var_stored_and_its_worst_days_replayed()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var (alpha, beta) = (Closes(7), Closes(11));
        await ImportAsync(platform.Http, Alpha, alpha, today);
        await ImportAsync(platform.Http, Beta, beta, today);

        var portfolio = $"pvar-{Guid.NewGuid():N}"[..16];
        await using var bus = await PlatformBus.ConnectAsync(platform);
        // Long 100 Alpha at 50, short 40 Beta at 80: positions are valued at their reported price.
        await bus.PublishAsync(Position(portfolio, Alpha, PositionSide.Long, 100, 50), Position(portfolio, Beta, PositionSide.Short, 40,
            80));
        await Eventually.TrueAsync(async () =>
                (await SendAsync(HttpMethod.Get, "/api/risk/portfolios", null, HttpStatusCode.OK)).EnumerateArray()
                .Any(p => p.GetProperty("portfolio").GetString() == portfolio && p.GetProperty("positions").GetArrayLength() == 2),
            TimeSpan.FromSeconds(20), "both positions in the Risk engine");

        // The historical rule computed here: P&L of each day's simple returns on today's values, k = ⌊0.01·299⌋ = 2 worst losses.
        double[] values = [100 * 50.0, -40 * 80.0];
        var pnl = Enumerable.Range(1, Days - 1)
            .Select(t => values[0] * (alpha[t] / alpha[t - 1] - 1) + values[1] * (beta[t] / beta[t - 1] - 1)).ToArray();
        var worst = pnl.Select(p => -p).OrderDescending().Take(2).ToArray();

        // A VaR limit below what the portfolio carries: the computation alerts it and shows its utilisation.
        await SendAsync(HttpMethod.Put, "/api/risk/limits",
            new { scope = "Portfolio", key = portfolio, kind = "MaxVar", value = worst[1] / 2, changedBy = "test", reason = "VaR limit" },
            HttpStatusCode.OK);
        var var = await SendAsync(HttpMethod.Post, $"/api/risk/portfolios/{portfolio}/var", null, HttpStatusCode.OK);
        Assert.Equal(worst[1], var.GetProperty("var").GetDouble(), 6);
        Assert.Equal(worst.Average(), var.GetProperty("es").GetDouble(), 6);
        Assert.Equal(Days - 1, var.GetProperty("scenarios").GetInt32());
        Assert.Equal(0.99, var.GetProperty("confidence").GetDouble());
        var components = var.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("component").GetDouble()).ToArray();
        Assert.Equal(2, components.Length);
        Assert.Equal(var.GetProperty("var").GetDouble(), components.Sum(), 6);

        var view = (await SendAsync(HttpMethod.Get, "/api/risk/portfolios", null, HttpStatusCode.OK)).EnumerateArray()
            .Single(p => p.GetProperty("portfolio").GetString() == portfolio);
        var varUse = view.GetProperty("utilisation").EnumerateArray().Single(u => u.GetProperty("kind").GetString() == "MaxVar");
        Assert.Equal(2, varUse.GetProperty("utilisation").GetDouble(), 9);
        await Eventually.TrueAsync(async () => (await SendAsync(HttpMethod.Get, "/api/risk/alerts?limit=500", null, HttpStatusCode.OK))
                .EnumerateArray().Any(a =>
                    a.GetProperty("portfolio").GetString() == portfolio && a.GetProperty("rule").GetString() == "MaxVar"),
            TimeSpan.FromSeconds(10), "the VaR limit breach alerted and journaled");
        var latest = await SendAsync(HttpMethod.Get, $"/api/risk/portfolios/{portfolio}/var", null, HttpStatusCode.OK);
        Assert.Equal(var.GetProperty("var").GetDouble(), latest.GetProperty("var").GetDouble());
        var history = await SendAsync(HttpMethod.Get, $"/api/risk/portfolios/{portfolio}/var/history", null, HttpStatusCode.OK);
        var point = Assert.Single(history.GetProperty("points").EnumerateArray());
        Assert.Equal(today.ToString("yyyy-MM-dd"), point.GetProperty("day").GetString());
        Assert.Equal(JsonValueKind.Null, point.GetProperty("pnl").ValueKind); // tomorrow's close is not known yet
        Assert.Equal(JsonValueKind.Null, history.GetProperty("backtest").ValueKind);

        var stress = await SendAsync(HttpMethod.Post, $"/api/risk/portfolios/{portfolio}/stress/historical", new { worst = 3 },
            HttpStatusCode.OK);
        var scenarios = stress.GetProperty("scenarios");
        Assert.Equal(3, scenarios.GetArrayLength());
        var worstDay = Array.IndexOf(pnl, pnl.Min());
        Assert.Equal(today.AddDays(worstDay - Days + 2).ToString("yyyy-MM-dd"), scenarios[0].GetProperty("scenario").GetString());
        Assert.Equal(pnl.Min(), scenarios[0].GetProperty("pnl").GetDouble(), 6);

        var unknown = await Problems.ReadAsync(await platform.Http.PostAsync(Risk("/api/risk/portfolios/nobody-here/var"), null),
            HttpStatusCode.NotFound);
        Assert.Equal("portfolio", unknown.GetProperty("field").GetString());
        var stressUrl = Risk($"/api/risk/portfolios/{portfolio}/stress/historical");
        var backwards = await Problems.ReadAsync(await platform.Http.PostAsJsonAsync(stressUrl,
            new { from = "2026-01-02", to = "2025-01-02" }), HttpStatusCode.BadRequest);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("from", out _));
    }

    [Fact]
    public async Task An_order_request_on_the_bus_is_answered_with_one_pre_trade_result_and_refusals_are_journaled()
    {
        var portfolio = $"pbus-{Guid.NewGuid():N}"[..16];
        await using var bus = await PlatformBus.ConnectAsync(platform);
        OrderRequest Order(string id) => new(new ClientOrderId(id), new StrategyId("bus-test"), new PortfolioId(portfolio), Alpha,
            OrderSide.Buy,
            OrderType.Limit, Quantity.FromDouble(10, 0), Price.FromDouble(50, 2), TimeInForce.Day, UnixNanos.Now(TimeProvider.System));

        var accepted = $"{portfolio}-1";
        await bus.PublishAsync(Order(accepted));
        var first = await bus.WaitForAsync<PreTradeResult>(r => r.Order.ClientOrderId.Value == accepted, TimeSpan.FromSeconds(20),
            "the Risk engine's answer on the bus");
        Assert.True(first.Accepted, first.Reason);
        Assert.Equal(TradingState.Active, first.TradingState);

        await SendAsync(HttpMethod.Put, "/api/risk/state",
            new { state = "Halted", portfolio, changedBy = "test", reason = "bus drill" }, HttpStatusCode.OK);
        var refused = $"{portfolio}-2";
        await bus.PublishAsync(Order(refused));
        var second = await bus.WaitForAsync<PreTradeResult>(r => r.Order.ClientOrderId.Value == refused, TimeSpan.FromSeconds(20),
            "the refusal on the bus");
        Assert.False(second.Accepted);
        Assert.Equal(TradingState.Halted, second.TradingState);
        Assert.Contains("halted", second.Reason);
        Assert.Single(await bus.ReadAsync<PreTradeResult>(r => r.Order.ClientOrderId.Value == refused));

        await Eventually.TrueAsync(async () => (await SendAsync(HttpMethod.Get, "/api/risk/alerts?limit=500", null, HttpStatusCode.OK))
                .EnumerateArray().Any(a =>
                    a.GetProperty("portfolio").GetString() == portfolio && a.GetProperty("message").GetString()!.StartsWith("order " +
                        "refused", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(10), "the refusal's RISK_ALERT stored in the journal");
    }
}
