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
