using System.Net;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary><c>POST /api/factors/regress</c> through the running Factor engine.</summary>
[Collection(PlatformCollection.Name)]
public sealed class FactorTests(PlatformFixture platform)
{
    private static Uri Url => PlatformFixture.UrlOf(EngineCatalog.Factor, "/api/factors/regress");

    [Fact]
    public async Task The_hand_solved_four_asset_regression_comes_back_by_name()
    {
        // Market 1 %, sector A +0.2 % and B −0.2 %, style 0.5 %, residuals ±0.1 % orthogonal to the design: R² = 29/30
        // (worked in CrossSectionalRegressionTests).
        var result = await SendAsync(platform.Http, HttpMethod.Post, Url, new
        {
            returns = new[] { 0.018, 0.006, 0.012, 0.004 },
            exposures = new[] { new[] { 1.0 }, [-1.0], [1.0], [-1.0] },
            sectors = new[] { "A", "A", "B", "B" },
            weights = new[] { 1.0, 1, 1, 1 },
        }, HttpStatusCode.OK);
        Assert.Equal(0.01, result.GetProperty("market").GetDouble(), 12);
        Assert.Equal(0.002, result.GetProperty("sectors").GetProperty("A").GetDouble(), 12);
        Assert.Equal(-0.002, result.GetProperty("sectors").GetProperty("B").GetDouble(), 12);
        Assert.Equal(0.005, result.GetProperty("styles")[0].GetDouble(), 12);
        Assert.Equal(0.001, result.GetProperty("residuals")[0].GetDouble(), 12);
        Assert.Equal(29.0 / 30, result.GetProperty("rSquared").GetDouble(), 12);
    }

    [Theory]
    [InlineData("""{"returns":[0.01,0.02,0.03],"exposures":[[1],[2]],"sectors":["A","A","B"]}""", "exposures")]
    [InlineData("""{"returns":[0.01,0.02,0.03],"exposures":[[1],[2],[3]],"sectors":["A","B"]}""", "sectors")]
    [InlineData("""{"returns":[0.01,0.02,0.03],"exposures":[[1],[2],[3]],"sectors":["A","A","B"],"weights":[1,-1,1]}""", "weights[1]")]
    [InlineData("""{"exposures":[[1],[2],[3]],"sectors":["A","A","B"]}""", "returns")]
    [InlineData("""{"returns":[0.01,0.02],"exposures":[[1,2],[2,1]],"sectors":["A","B"]}""", "returns")]
    public async Task Bad_input_is_refused_naming_the_field(string json, string field) =>
        await Problems.AssertRefusedAsync(platform.Http, Url, json, field);

    [Fact]
    public async Task Factor_covariance_and_a_portfolios_risk_split_are_computed_statelessly()
    {
        // The alternating series worked by hand in FactorRiskModelTests: 0.25 a day with one Newey-West lag, × 252.
        var covariance = await SendAsync(platform.Http, HttpMethod.Post,
            PlatformFixture.UrlOf(EngineCatalog.Factor, "/api/factors/covariance"),
            new { factorReturns = new[] { new[] { 1.0 }, [-1.0], [1.0], [-1.0] }, halfLife = 1e12, neweyWestLags = 1 }, HttpStatusCode.OK);
        Assert.Equal(0.25 * 252, covariance.GetProperty("covariance")[0][0].GetDouble(), 6);

        var risk = await SendAsync(platform.Http, HttpMethod.Post, PlatformFixture.UrlOf(EngineCatalog.Factor, "/api/factors/risk"), new
        {
            weights = new[] { 0.5, 0.5 },
            exposures = new[] { new[] { 1.0, 1.0 }, [1.0, -1.0] },
            factorCovariance = new[] { new[] { 0.04, 0.0 }, [0.0, 0.01] },
            specificVariances = new[] { 0.04, 0.04 },
            factorNames = new[] { "market", "momentum" },
        }, HttpStatusCode.OK);
        // Exposures (1, 0): factor variance 0.04, specific 2 · 0.25 · 0.04 = 0.02, total 0.06; the market carries 2/3.
        Assert.Equal(0.06, risk.GetProperty("totalVariance").GetDouble(), 12);
        Assert.Equal("market", risk.GetProperty("factors")[0].GetProperty("factor").GetString());
        Assert.Equal(2.0 / 3, risk.GetProperty("factors")[0].GetProperty("share").GetDouble(), 12);
        Assert.Equal(1.0 / 3, risk.GetProperty("specificShare").GetDouble(), 12);

        await Problems.AssertRefusedAsync(platform.Http, PlatformFixture.UrlOf(EngineCatalog.Factor, "/api/factors/risk"),
            """{"weights":[1],"exposures":[[1]],"factorCovariance":[[0.04,0],[0,0.01]],"specificVariances":[0.04]}""", "exposures[0]");
    }
}
