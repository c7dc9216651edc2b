using System.Net;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary>The Portfolio engine's book through its API: a family office's hierarchy stored in its schema.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PortfolioBookTests(PlatformFixture platform)
{
    private static Uri Url(string path = "") => PlatformFixture.UrlOf(EngineCatalog.Portfolio, "/api/portfolio/nodes" + path);

    [Fact]
    public async Task A_client_household_account_portfolio_and_sleeve_are_stored_with_inherited_currencies()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await SendAsync(platform.Http, HttpMethod.Post, Url(), new
        {
            id = $"c-{tag}",
            kind = "Client",
            name = "The Alders",
            currency = "GBP"
        },
            HttpStatusCode.Created);
        await SendAsync(platform.Http, HttpMethod.Post, Url(), new
        {
            id = $"t-{tag}",
            kind = "Trust",
            name = "Alder trust",
            parentId = $"c-{tag}"
        },
            HttpStatusCode.Created);
        await SendAsync(platform.Http, HttpMethod.Post, Url(),
            new { id = $"a-{tag}", kind = "Account", name = "Trust custody", parentId = $"t-{tag}", currency = "EUR" },
                HttpStatusCode.Created);
        await SendAsync(platform.Http, HttpMethod.Post, Url(),
            new { id = $"p-{tag}", kind = "Portfolio", name = "Growth", parentId = $"a-{tag}" }, HttpStatusCode.Created);
        var sleeve = await SendAsync(platform.Http, HttpMethod.Post, Url(), new
        {
            id = $"s-{tag}",
            kind = "Sleeve",
            name = "Education 2035",
            parentId = $"p-{tag}",
            goal = new
            {
                targetWeights = new Dictionary<string, double> { ["SPY"] = 0.6, ["AGG"] = 0.4 },
                horizonYears = 10,
                targetReturn = 0.05
            },
        }, HttpStatusCode.Created);
        Assert.Equal("EUR", sleeve.GetProperty("currency").GetString()); // from its account
        Assert.False(sleeve.GetProperty("ownCurrency").GetBoolean());
        var trust = await SendAsync(platform.Http, HttpMethod.Get, Url($"/t-{tag}"), null, HttpStatusCode.OK);
        Assert.Equal("GBP", trust.GetProperty("currency").GetString()); // from its client

        var renamed = await SendAsync(platform.Http, HttpMethod.Put, Url($"/p-{tag}"), new { name = "Long-term growth", currency = "USD" },
            HttpStatusCode.OK);
        Assert.Equal(("Long-term growth", "USD"), (renamed.GetProperty("name").GetString(), renamed.GetProperty("currency").GetString()));
        var all = await SendAsync(platform.Http, HttpMethod.Get, Url(), null, HttpStatusCode.OK);
        Assert.Equal(5, all.EnumerateArray().Count(n => n.GetProperty("id").GetString()!.EndsWith(tag, StringComparison.Ordinal)));

        // A parent with children stays; leaves go first.
        await SendAsync(platform.Http, HttpMethod.Delete, Url($"/a-{tag}"), null, HttpStatusCode.Conflict);
        await SendAsync(platform.Http, HttpMethod.Delete, Url($"/s-{tag}"), null, HttpStatusCode.NoContent);
        await SendAsync(platform.Http, HttpMethod.Get, Url($"/s-{tag}"), null, HttpStatusCode.NotFound);
        await SendAsync(platform.Http, HttpMethod.Post, Url(), new { id = $"c-{tag}", kind = "Client", name = "again" },
            HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("""{"id":"x1","kind":"Sleeve","name":"s","parentId":"nowhere"}""", "parentId")]
    [InlineData("""{"id":"x2","kind":"Portfolio","name":"p"}""", "parentId")]
    [InlineData("""{"id":"x3","kind":"Fund","name":"f"}""", "kind")]
    [InlineData("""{"id":"x4","kind":"Client","name":"c","currency":"usd"}""", "currency")]
    [InlineData("""{"id":"x 5","kind":"Client","name":"c"}""", "id")]
    [InlineData("""{"id":"x6","kind":"Client","name":" "}""", "name")]
    public async Task Bad_nodes_are_refused_naming_the_field(string json, string field) =>
        await Problems.AssertRefusedAsync(platform.Http, Url(), json, field);

    [Fact]
    public async Task A_sleeve_needs_a_portfolio_above_it_and_weights_that_sum_to_one()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await SendAsync(platform.Http, HttpMethod.Post, Url(), new { id = $"c-{tag}", kind = "Client", name = "C" },
            HttpStatusCode.Created);
        await SendAsync(platform.Http, HttpMethod.Post, Url(), new { id = $"a-{tag}", kind = "Account", name = "A", parentId = $"c-{tag}" },
            HttpStatusCode.Created);
        await SendAsync(platform.Http, HttpMethod.Post, Url(), new
        {
            id = $"p-{tag}",
            kind = "Portfolio",
            name = "P",
            parentId = $"a-{tag}"
        },
            HttpStatusCode.Created);
        await Problems.AssertRefusedAsync(platform.Http, Url(),
            Sleeve($"s1-{tag}", $"a-{tag}", """{"targetWeights":{"SPY":1},"horizonYears":5}"""), "parentId");
        await Problems.AssertRefusedAsync(platform.Http, Url(),
            Sleeve($"s2-{tag}", $"p-{tag}", """{"targetWeights":{"SPY":0.5,"AGG":0.3},"horizonYears":5}"""), "goal.targetWeights");
        await Problems.AssertRefusedAsync(platform.Http, Url(),
            Sleeve($"s3-{tag}", $"p-{tag}", """{"targetWeights":{"SPY":1},"horizonYears":0}"""), "goal.horizonYears");
    }

    private static string Sleeve(string id, string parent, string goal) =>
        "{\"id\":\"" + id + "\",\"kind\":\"Sleeve\",\"name\":\"S\",\"parentId\":\"" + parent + "\",\"goal\":" + goal + "}";

    [Fact]
    public async Task Fills_are_valued_statelessly_in_the_base_currency_and_a_missing_fx_rate_is_named()
    {
        var url = PlatformFixture.UrlOf(EngineCatalog.Portfolio, "/api/portfolio/valuation");
        // The FIFO case worked by hand in AccountingTests: realised 650, 50 left at 12, unrealised 100 at 14.
        var value = await SendAsync(platform.Http, HttpMethod.Post, url, new
        {
            fills = new[]
            {
                new { symbol = "XYZ", side = "buy", quantity = 100.0, price = 10.0 },
                new { symbol = "XYZ", side = "buy", quantity = 100.0, price = 12.0 },
                new { symbol = "XYZ", side = "sell", quantity = 150.0, price = 15.0 },
            },
            prices = new Dictionary<string, double> { ["XYZ"] = 14 },
            initialCash = 5_000,
        }, HttpStatusCode.OK);
        Assert.Equal((650.0, 100.0), (value.GetProperty("realizedPnl").GetDouble(), value.GetProperty("unrealizedPnl").GetDouble()));
        Assert.Equal(5_000 + 650 + 100, value.GetProperty("netAssetValue").GetDouble(), 9);

        await Problems.AssertRefusedAsync(platform.Http, url,
            """{"fills":[{"symbol":"SAP","side":"buy","quantity":1,"price":150,"currency":"EUR"}],"baseCurrency":"USD"}""",
            "fills[0].currency");
        await Problems.AssertRefusedAsync(platform.Http, url, """{"fills":[{"symbol":"SAP","side":"hold","quantity":1,"price":150}]}""",
            "fills[0].side");
    }
}
