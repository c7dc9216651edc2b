using System.Net;
using System.Text.Json;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary>
/// <c>POST /api/portfolio/optimize</c> through the running Portfolio engine, on PyPortfolioOpt's bundled prices
/// (TestData/stock_prices.csv, MIT) against its published test expectations (tests/test_efficient_frontier.py, test_hrp.py).
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class PortfolioOptimizationTests(PlatformFixture platform)
{
    private const string TwoAssets = "\"assets\":[\"A\",\"B\"],\"mu\":[0.1,0.2],\"covariance\":[[0.04,0],[0,0.09]]";

    private static Uri Url => PlatformFixture.UrlOf(EngineCatalog.Portfolio, "/api/portfolio/optimize");

    [Fact]
    public async Task Maximum_sharpe_from_prices_matches_pypfopt_and_returns_the_frontier()
    {
        var (assets, prices) = (PyPortfolioOptData.Assets, PyPortfolioOptData.Prices);
        var result = await SendAsync(platform.Http, HttpMethod.Post, Url,
            new { assets, prices, objective = "max-sharpe", riskFree = 0.02, frontierPoints = 8 }, HttpStatusCode.OK);
        AssertClose(0.3047768672819914, result.GetProperty("expectedReturn").GetDouble());
        AssertClose(0.22165566922402932, result.GetProperty("volatility").GetDouble());
        AssertClose(1.2847714127003216, result.GetProperty("sharpe").GetDouble());
        Assert.True(result.GetProperty("exact").GetBoolean());
        var weights = result.GetProperty("weights").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(assets, weights.Keys);
        Assert.Equal(1.0, weights.Values.Sum(), 9);
        Assert.Equal(1.0, result.GetProperty("riskContributions").EnumerateObject().Sum(p => p.Value.GetDouble()), 9);
        var frontier = result.GetProperty("frontier").EnumerateArray().ToArray();
        Assert.Equal(8, frontier.Length);
        AssertClose(0.15915084514118694, frontier[0].GetProperty("volatility").GetDouble()); // starts at the minimum volatility
    }

    [Fact]
    public async Task Hrp_from_prices_matches_pypfopt_weights()
    {
        var (assets, prices) = (PyPortfolioOptData.Assets, PyPortfolioOptData.Prices);
        var result = await SendAsync(platform.Http, HttpMethod.Post, Url, new { assets, prices, objective = "hrp" }, HttpStatusCode.OK);
        var expected = PyPortfolioOptData.HrpWeights();
        foreach (var weight in result.GetProperty("weights").EnumerateObject())
        {
            Assert.True(Math.Abs(weight.Value.GetDouble() - expected[weight.Name]) <= 1e-2 * expected[weight.Name], weight.ToString());
        }
    }

    [Fact]
    public async Task From_expected_returns_and_a_covariance_the_objectives_agree_where_they_should()
    {
        // Two assets, uncorrelated: minimum variance weights are inverse variances; risk parity, inverse volatilities.
        var request = new
        {
            assets = new[] { "A", "B" },
            mu = new[] { 0.08, 0.12 },
            covariance = new[] { new[] { 0.04, 0.0 }, new[] { 0.0, 0.09 } },
        };
        var minVol = await SendAsync(platform.Http, HttpMethod.Post, Url, Merge(request, "min-volatility"), HttpStatusCode.OK);
        Assert.Equal(0.09 / 0.13, minVol.GetProperty("weights").GetProperty("A").GetDouble(), 9);
        var erc = await SendAsync(platform.Http, HttpMethod.Post, Url, Merge(request, "erc"), HttpStatusCode.OK);
        Assert.Equal(0.3 / 0.5, erc.GetProperty("weights").GetProperty("A").GetDouble(), 9);
        var cla = await SendAsync(platform.Http, HttpMethod.Post, Url, Merge(request, "cla-max-sharpe"), HttpStatusCode.OK);
        var qp = await SendAsync(platform.Http, HttpMethod.Post, Url, Merge(request, "max-sharpe"), HttpStatusCode.OK);
        Assert.Equal(qp.GetProperty("sharpe").GetDouble(), cla.GetProperty("sharpe").GetDouble(), 9);
    }

    [Theory]
    [InlineData("{" + TwoAssets + ""","bounds":[0,0.4]}""", "bounds")]
    [InlineData("{" + TwoAssets + ""","objective":"efficient-return","targetReturn":0.5}""",
        "targetReturn")]
    [InlineData("""{"assets":["A","B"],"mu":[0.1,0.2],"covariance":[[0.04,0.06],[0.06,0.09]]}""", "covariance")]
    [InlineData("""{"assets":["A","B"],"mu":[0.1,0.2],"covariance":[[0.04,0.01],[0.02,0.09]]}""", "covariance[1][0]")]
    [InlineData("""{"assets":["A","B"],"prices":[[10,20],[11,21]]}""", "prices")]
    [InlineData("""{"assets":["A","B"],"prices":[[10,20],[11,21],[12]]}""", "prices[2]")]
    [InlineData("""{"assets":["A","B"],"mu":[0.1],"covariance":[[0.04,0],[0,0.09]]}""", "mu")]
    [InlineData("{" + TwoAssets + ""","objective":"max-utility"}""", "objective")]
    [InlineData("{" + TwoAssets + ""","objective":"efficient-risk","targetVolatility":0.01}""",
        "targetVolatility")]
    [InlineData("{" + TwoAssets + ""","objective":"black-litterman","views":[{"assets":{"C":1},"return":0.1}]}""",
        "views[0].assets")]
    public async Task Bad_input_is_refused_naming_the_field(string json, string field) =>
        await Problems.AssertRefusedAsync(platform.Http, Url, json, field);

    private static Dictionary<string, object> Merge(object request, string objective)
    {
        var fields = JsonSerializer.SerializeToElement(request).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value.Clone());
        fields["objective"] = objective;
        return fields;
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) < 1e-6 * Math.Abs(expected), $"{actual:R} vs {expected:R}");
}
