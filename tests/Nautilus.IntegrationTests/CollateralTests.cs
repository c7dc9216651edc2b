using System.Net;
using System.Text.Json;
using MathNet.Numerics.Distributions;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary>The Collateral engine: its calculations over raw inputs, what they refuse, and accounts margined live from the buses.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CollateralTests(PlatformFixture platform)
{
    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.Collateral, path);

    private Task<JsonElement> PostAsync(string path, object body) => SendAsync(platform.Http, HttpMethod.Post, Url(path), body,
        HttpStatusCode.OK);

    /// <summary>BCBS 279 (March 2014), Annex 4, example 1: an unmargined interest-rate netting set; published EAD 569.</summary>
    public static readonly object Example1 = new
    {
        id = "bcbs-279-example-1",
        margined = false,
        trades = new object[]
        {
            new { id = "swap-10y", assetClass = "interest-rate", hedgingSet = "USD", notional = 10_000, mtm = 30, @long = true,
                startYears = 0, endYears = 10, maturityYears = 10 },
            new { id = "swap-4y", assetClass = "interest-rate", hedgingSet = "USD", notional = 10_000, mtm = -20, @long = false,
                startYears = 0, endYears = 4, maturityYears = 4 },
            new { id = "swaption", assetClass = "interest-rate", hedgingSet = "EUR", notional = 5_000, mtm = 50, @long = false,
                startYears = 1, endYears = 11, maturityYears = 1,
                option = new { type = "put", bought = true, strike = 0.05, underlyingPrice = 0.06, volatility = 0.5 } },
        },
    };

    [Fact]
    public async Task SA_CCR_of_BCBS_279_example_1_is_the_published_EAD()
    {
        var result = await PostAsync("/api/collateral/sa-ccr", new { nettingSets = new[] { Example1 } });
        var set = result.GetProperty("nettingSets")[0];
        Assert.Equal("bcbs-279-example-1", set.GetProperty("id").GetString());
        Assert.Equal(569, Math.Floor(set.GetProperty("ead").GetDouble()));
        Assert.Equal(60, set.GetProperty("replacementCost").GetDouble(), 9);
        Assert.Equal(1, set.GetProperty("multiplier").GetDouble());
        Assert.Equal(set.GetProperty("addOn").GetDouble(), set.GetProperty("pfe").GetDouble(), 9);
        var addOn = set.GetProperty("addOn").GetDouble();
        Assert.Equal(addOn, set.GetProperty("addOnByAssetClass").GetProperty("interest-rate").GetDouble(), 9);
        Assert.Equal(set.GetProperty("ead").GetDouble(), result.GetProperty("totalEad").GetDouble(), 9);
    }

    [Fact]
    public async Task Margin_models_cross_margining_the_forecast_and_allocation_answer_from_raw_inputs()
    {
        var positions = new object[]
        {
            new { instrument = "XYZ", quantity = 1_000, price = 100 },
            new { instrument = "XYZ P95", quantity = 10, price = 2.0, underlying = "XYZ", underlyingPrice = 100,
                option = new { type = "put", strike = 95, expiryYears = 0.25, volatility = 0.3 } },
        };
        var regT = await PostAsync("/api/collateral/margin", new { model = "reg-t", positions, equity = 100_000 });
        Assert.Equal(50_000 + 2_000, regT.GetProperty("initial").GetDouble(), 9); // 50 % of the stock, the puts paid in full
        Assert.Equal(25_000.0 / 100_000, regT.GetProperty("utilisation").GetDouble(), 9);
        var portfolio = await PostAsync("/api/collateral/margin", new { model = "portfolio", positions });
        Assert.InRange(portfolio.GetProperty("initial").GetDouble(), 1, 15_000); // the puts cap the −15 % loss of 15,000

        var simm = await PostAsync("/api/collateral/simm",
            new { sensitivities = new[] { new { issuer = "ACME", bucket = 5, delta = 10_000.0 } } });
        Assert.Equal(260_000, simm.GetProperty("deltaMargin").GetDouble(), 6);
        Assert.Equal("ISDA SIMM v2.6", simm.GetProperty("version").GetString());

        var cross = await PostAsync("/api/collateral/cross-margin", new
        {
            model = "portfolio",
            books = new[]
            {
                new[] { new { instrument = "XYZ", quantity = 500.0, price = 40.0 } },
                new[] { new { instrument = "XYZ", quantity = -500.0, price = 40.0 } },
            },
        });
        Assert.Equal(6_000, cross.GetProperty("benefit").GetDouble(), 9);

        // 1,000 shares at 100 on 30,000 of equity: the call comes when the price reaches 93.33 (see ForecastAndAllocationTests).
        var forecast = await PostAsync("/api/collateral/forecast", new
        {
            model = "reg-t",
            positions = new[] { new { instrument = "XYZ", quantity = 1_000.0, price = 100.0 } },
            equity = 30_000,
            volatilities = new Dictionary<string, double> { ["XYZ"] = 0.005 },
        });
        var z = Normal.InvCDF(0, 1, 0.99);
        var lead = (int)Math.Ceiling(Math.Pow(Math.Log(100 / (70_000.0 / 750)) / (z * 0.005), 2));
        Assert.Equal(lead, forecast.GetProperty("callInMinutes").GetInt32());
        Assert.Equal(61, forecast.GetProperty("path").GetArrayLength());
        // A move that wipes the equity out: utilisation past any bound, still an answer.
        var wiped = await PostAsync("/api/collateral/forecast", new
        {
            positions = new[] { new { instrument = "XYZ", quantity = 1_000.0, price = 100.0 } },
            equity = 1_000,
            volatilities = new Dictionary<string, double> { ["XYZ"] = 0.05 },
        });
        Assert.Equal(0, wiped.GetProperty("callInMinutes").GetInt32());
        Assert.Equal(double.MaxValue, wiped.GetProperty("path")[60].GetProperty("utilisation").GetDouble());

        var allocation = await PostAsync("/api/collateral/allocate", new
        {
            assets = new[]
            {
                new { id = "cash", type = "cash", marketValue = 50.0, haircut = 0.0, cost = 0.005 },
                new { id = "ust", type = "government", marketValue = 100.0, haircut = 0.02, cost = 0.001 },
            },
            requirements = new[] { new { id = "ccp", amount = 120.0, eligibleTypes = new[] { "cash", "government" } } },
        });
        Assert.True(allocation.GetProperty("feasible").GetBoolean());
        Assert.Equal(100 * 0.001 + 22 * 0.005, allocation.GetProperty("cost").GetDouble(), 9);
    }

    private const string Sets = """{"nettingSets":[{"id":"a","trades":[""";
    private const string Close = "]}]}";

    [Theory]
    [InlineData("/api/collateral/sa-ccr", Sets + """{"assetClass":"interest-rate","hedgingSet":"USD","notional":100,"mtm":0,""" +
        """ "endYears":1,"maturityYears":1,"option":{"type":"call","bought":true,"strike":0.05,"underlyingPrice":0.06}}""" + Close,
        "nettingSets[0].trades[0].option.volatility")]
    [InlineData("/api/collateral/sa-ccr", Sets + """{"assetClass":"weather","notional":100,"mtm":0,"maturityYears":1}""" + Close,
        "nettingSets[0].trades[0].assetClass")]
    [InlineData("/api/collateral/sa-ccr", Sets + """{"assetClass":"credit","reference":"ACME","rating":"ZZZ","notional":100,""" +
        """ "mtm":0,"endYears":5,"maturityYears":5}""" + Close, "nettingSets[0].trades[0].rating")]
    [InlineData("/api/collateral/sa-ccr", Sets + Close, "nettingSets[0].trades")]
    [InlineData("/api/collateral/sa-ccr", Sets + """{"assetClass":"commodity","hedgingSet":"gems","notional":1,"mtm":0,""" +
        """ "maturityYears":1}""" + Close, "nettingSets[0].trades[0].hedgingSet")]
    [InlineData("/api/collateral/margin", """{"model":"haircut-free","positions":[]}""", "model")]
    [InlineData("/api/collateral/margin", """{"model":"portfolio","positions":[{"instrument":"X P","quantity":1,"price":1,""" +
        """ "underlying":"X","underlyingPrice":10,"option":{"type":"put","strike":9,"expiryYears":0.5}}]}""",
        "positions[0].option.volatility")]
    [InlineData("/api/collateral/simm", """{"sensitivities":[{"issuer":"ACME","bucket":13,"delta":1}]}""", "sensitivities[0].bucket")]
    [InlineData("/api/collateral/forecast", """{"positions":[{"instrument":"X","quantity":1,"price":10}],"equity":100}""",
        "volatilities.X")]
    [InlineData("/api/collateral/allocate", """{"assets":[{"id":"a","type":"cash","marketValue":10,"haircut":1.5}],""" +
        """ "requirements":[{"id":"r","amount":5,"eligibleTypes":["cash"]}]}""", "assets[0].haircut")]
    public async Task Bad_inputs_are_problems_naming_the_field(string path, string body, string field) =>
        await Problems.AssertRefusedAsync(platform.Http, Url(path), body, field);

    [Fact]
    public async Task An_account_is_margined_live_and_its_margin_call_is_published_with_the_forecast_lead_time()
    {
        // The test is the upstream engines here: it publishes the price, the position and the valuation of a fresh account on the
        // real buses. 1,000 shares at 100 on equity 26,000 (Reg-T maintenance 25,000: 96 %); with no minute returns yet the
        // volatility is the 30 % a year fallback, so at the 99 % quantile utilisation reaches 1 when the price has fallen to 98.67.
        var account = $"mc-{Guid.NewGuid():N}"[..14];
        await using var bus = await PlatformBus.ConnectAsync(platform);
        await PublishLeveragedAccountAsync(bus, account, 26_000);

        var call = await bus.WaitForAsync<MarginCall>(c => c.AccountId.Value == account, TimeSpan.FromSeconds(60),
            "the margin call of the leveraged account");
        var sigma = 0.3 / Math.Sqrt(252 * 390);
        var expected = (int)Math.Ceiling(Math.Pow(Math.Log(100 / (74_000.0 / 750)) / (Normal.InvCDF(0, 1, 0.99) * sigma), 2));
        Assert.Equal(expected, (int)Math.Round((call.DueBy.Value - call.TsEvent.Value) / 60e9));
        Assert.True(call.Shortfall.Amount >= 0 && call.Required.Amount > 0, call.ToString());

        var accounts = await SendAsync(platform.Http, HttpMethod.Get, Url("/api/collateral/accounts"), null, HttpStatusCode.OK);
        var margined = accounts.EnumerateArray().Single(a => a.GetProperty("account").GetString() == account);
        Assert.Equal(25_000.0 / 26_000, margined.GetProperty("utilisation").GetDouble(), 9);
        Assert.Equal(expected, margined.GetProperty("callInMinutes").GetInt32());
        var calls = await SendAsync(platform.Http, HttpMethod.Get, Url($"/api/collateral/margin-calls?account={account}"), null,
            HttpStatusCode.OK);
        Assert.Equal(expected, calls[0].GetProperty("leadMinutes").GetInt32());

        // The inventory covers the account's requirement at least cost: treasuries before cash.
        var cash = $"cash-{account}";
        var ust = $"ust-{account}";
        await SendAsync(platform.Http, HttpMethod.Put, Url($"/api/collateral/inventory/{cash}"),
            new { type = "cash", marketValue = 1e12, haircut = 0.0, cost = 0.005 }, HttpStatusCode.OK);
        await SendAsync(platform.Http, HttpMethod.Put, Url($"/api/collateral/inventory/{ust}"),
            new { type = "government", marketValue = 1e12, haircut = 0.02, cost = 0.001 }, HttpStatusCode.OK);
        try
        {
            var allocation = await SendAsync(platform.Http, HttpMethod.Get, Url("/api/collateral/allocation"), null, HttpStatusCode.OK);
            var postings = allocation.GetProperty("allocation").GetProperty("postings").EnumerateArray()
                .Where(p => p.GetProperty("requirement").GetString() == account).ToArray();
            Assert.Equal(25_000, postings.Sum(p => p.GetProperty("collateralValue").GetDouble()), 3);
            Assert.Contains(postings, p => p.GetProperty("asset").GetString() == ust);
        }
        finally
        {
            await SendAsync(platform.Http, HttpMethod.Delete, Url($"/api/collateral/inventory/{cash}"), null, HttpStatusCode.NoContent);
            await SendAsync(platform.Http, HttpMethod.Delete, Url($"/api/collateral/inventory/{ust}"), null, HttpStatusCode.NoContent);
        }
    }

    /// <summary>
    /// As the upstream engines would: a fresh instrument priced at 100, the account long 1,000 of it at 100, and its valuation with
    /// <paramref name="equity"/> (the rest borrowed).
    /// </summary>
    internal static async Task PublishLeveragedAccountAsync(PlatformBus bus, string account, decimal equity)
    {
        var instrument = new InstrumentId($"MC{Guid.NewGuid():N}"[..8].ToUpperInvariant(), "XNAS");
        var now = UnixNanos.Now(TimeProvider.System);
        static Money Usd(decimal amount) => new(amount, Currency.USD);
        await bus.PublishAsync(new PriceUpdate(instrument, Price.FromDouble(99.99, 2), Price.FromDouble(100.01, 2),
            Price.FromDouble(100, 2), now));
        await bus.PublishAsync(new PositionChange(new AccountId(account), instrument, PositionSide.Long, Quantity.FromDouble(1_000, 0),
            Price.FromDouble(100, 2), Usd(0), now));
        await bus.PublishAsync(new PortfolioUpdate(new PortfolioId(account), Usd(equity), Usd(equity - 100_000), Usd(100_000),
            Usd(100_000), Usd(0), Usd(0), now));
    }
}
