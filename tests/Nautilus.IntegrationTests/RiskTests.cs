using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>
/// The Risk engine's stateless calculations in the running platform: figures checked against published values, bad input by field.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class RiskTests(PlatformFixture platform)
{
    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.Risk, path);

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(string path, object body)
    {
        using var response = await platform.Http.PostAsJsonAsync(Url(path), body);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task Historical_var_and_es_follow_the_stated_rule()
    {
        // 200 scenarios at 97.5 %: k = 5; the five worst losses are 50, 40, 30, 20, 10 → VaR 10, ES 30.
        var pnl = Enumerable.Range(0, 200).Select(i => (double)(i % 9)).ToArray();
        pnl[3] = -50;
        pnl[30] = -40;
        pnl[70] = -30;
        pnl[110] = -20;
        pnl[150] = -10;
        var (status, body) = await PostAsync("/api/risk/var", new { pnl, confidence = 0.975, method = "historical" });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10, body.GetProperty("var").GetDouble(), 12);
        Assert.Equal(30, body.GetProperty("es").GetDouble(), 12);
        Assert.Equal("historical", body.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Parametric_var_of_positions_has_components_summing_to_it_and_monte_carlo_agrees()
    {
        var random = new Random(11);
        var returns = Enumerable.Range(0, 500).Select(_ => new[] { 0.01 * Gaussian(random), 0.02 * Gaussian(random) }).ToArray();
        var (status, parametric) = await PostAsync("/api/risk/var", new
        {
            returns,
            positions = new[] { 1_000_000.0, 500_000 },
            method = "parametric"
        });
        Assert.Equal(HttpStatusCode.OK, status);
        var components = parametric.GetProperty("components").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        Assert.Equal(parametric.GetProperty("var").GetDouble(), components.Sum(), 1e-6);

        var (_, monteCarlo) = await PostAsync("/api/risk/var",
            new { returns, positions = new[] { 1_000_000.0, 500_000 }, method = "monte-carlo", paths = 200_000, seed = 5 });
        Assert.Equal(parametric.GetProperty("var").GetDouble(), monteCarlo.GetProperty("var").GetDouble(),
            parametric.GetProperty("var").GetDouble() * 0.02);
    }

    [Fact]
    public async Task Backtest_matches_the_published_kupiec_example()
    {
        // MATLAB varbacktest documentation: 95 %, 1,043 observations, 57 exceptions → LR 0.46147, p-value 0.49694.
        var pnl = Enumerable.Repeat(1.0, 1_043).ToArray();
        for (var i = 0; i < 57; i++)
        {
            pnl[i * 18 + 5] = -20;
        }

        var (status, body) = await PostAsync("/api/risk/backtest", new { pnl, var = Enumerable.Repeat(10.0, 1_043), confidence = 0.95 });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(57, body.GetProperty("exceptions").GetInt32());
        Assert.Equal(0.46147, body.GetProperty("kupiec").GetProperty("lr").GetDouble(), 5);
        Assert.Equal(0.49694, body.GetProperty("kupiec").GetProperty("pValue").GetDouble(), 5);
        Assert.Equal(JsonValueKind.Null, body.GetProperty("trafficLight").ValueKind);
    }

    [Fact]
    public async Task Stress_and_pretrade_check_answer_per_position_and_per_limit()
    {
        var (status, stress) = await PostAsync("/api/risk/stress", new
        {
            positions = new object[] { new { instrument = "AAPL", value = 1_000_000, sector = "Technology" }, new { instrument = "XOM",
                value = 500_000, sector = "Energy" } },
            shocks = new[] { new { name = "tech -10%", sectors = new Dictionary<string, double> { ["Technology"] = -0.10 } } },
        });
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(-100_000, stress.GetProperty("scenarios")[0].GetProperty("pnl").GetDouble(), 6);

        var (checkStatus, decision) = await PostAsync("/api/risk/pretrade-check", new
        {
            order = new { portfolio = "fund-1", instrument = "AAPL.XNAS", side = "Buy", quantity = 1_000, price = 200 },
            positions = new[] { new { instrument = "AAPL.XNAS", quantity = 500, price = 200 } },
            equity = 1_000_000,
            limits = new[] { new { scope = "Instrument", key = "AAPL", kind = "MaxPosition", value = 1_200 } },
        });
        Assert.Equal(HttpStatusCode.OK, checkStatus);
        Assert.False(decision.GetProperty("accepted").GetBoolean());
        Assert.Equal(1_500, decision.GetProperty("breaches")[0].GetProperty("value").GetDouble());

        var (_, reducing) = await PostAsync("/api/risk/pretrade-check", new
        {
            order = new { portfolio = "fund-1", instrument = "AAPL.XNAS", side = "Sell", quantity = 100, price = 200 },
            positions = new[] { new { instrument = "AAPL.XNAS", quantity = 500, price = 200 } },
            equity = 1_000_000,
            tradingState = "Reducing",
        });
        Assert.True(reducing.GetProperty("accepted").GetBoolean());
    }

    [Theory]
    [InlineData("/api/risk/var", """{"pnl":[1,2,3],"confidence":1.5}""", "confidence")]
    [InlineData("/api/risk/var", """{"pnl":[1,2,"x"]}""", "pnl[2]")]
    [InlineData("/api/risk/var", """{"pnl":[1,2,3],"method":"magic"}""", "method")]
    [InlineData("/api/risk/var", """{"pnl":[1,2,3,4,5]}""", "pnl")]
    [InlineData("/api/risk/var", """{"returns":[[0.1,0.2],[0.1]],"weights":[0.5,0.5]}""", "returns")]
    [InlineData("/api/risk/backtest", """{"pnl":[1,2,3],"var":[1,2]}""", "var")]
    [InlineData("/api/risk/pretrade-check", """{"order":""" +
                                            """{"portfolio":"p","instrument":"A.X","side":"Buy","quantity":1,"price":1},"limits":[""" +
                                            """{"scope":"Instrument","key":"A","kind":"MaxPosition","value":1},""" +
                                            """{"scope":"Instrument","key":"A","kind":"MaxPosition","value":2}]}""", "limits")]
    [InlineData("/api/risk/stress", """{"positions":[{"instrument":"A","value":1}],"shocks":[""" +
                                    """{"name":"s","instruments":{"A":-2}}]}""", "shocks")]
    public Task Bad_input_is_a_problem_naming_the_field(string path, string json, string field) =>
        Problems.AssertRefusedAsync(platform.Http, Url(path), json, field);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

/// <summary>The Risk engine's live state in the running platform: limits and the kill switch, stored with who and why.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RiskStateTests(PlatformFixture platform)
{
    private static Uri Url(string path) => PlatformFixture.UrlOf(EngineCatalog.Risk, path);

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, Url(path)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await platform.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{method} {path}: {response.StatusCode} {text}");
        return text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }

    [Fact]
    public async Task A_limit_is_stored_with_who_and_why_and_binds_the_live_check()
    {
        var portfolio = $"fund-{Guid.NewGuid():N}"[..16];
        await Eventually.TrueAsync(async () => (await platform.Http.GetAsync(Url("/api/risk/limits"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "the Risk engine's limits loaded");
        var health = await SendAsync(HttpMethod.Get, "/health", null, HttpStatusCode.OK);
        Assert.Equal("Healthy", health.GetProperty("dependencies").GetProperty("risk-state").GetProperty("status").GetString());
        var change = await SendAsync(HttpMethod.Put, "/api/risk/limits",
            new
            {
                scope = "Portfolio",
                key = portfolio,
                kind = "MaxNotional",
                value = 50_000,
                changedBy = "test",
                reason = "integration test"
            },
            HttpStatusCode.OK);
        Assert.Equal(50_000, change.GetProperty("newValue").GetDouble());

        var order = new { portfolio, instrument = "AAPL.XNAS", side = "Buy", quantity = 1_000, price = 100 };
        var refused = await SendAsync(HttpMethod.Post, $"/api/risk/portfolios/{portfolio}/check", order, HttpStatusCode.OK);
        Assert.False(refused.GetProperty("accepted").GetBoolean());
        Assert.Equal("MaxNotional", refused.GetProperty("breaches")[0].GetProperty("kind").GetString());

        var history = await SendAsync(HttpMethod.Get, "/api/risk/limits/history", null, HttpStatusCode.OK);
        Assert.Contains(history.EnumerateArray(),
            c => c.GetProperty("key").GetString() == portfolio && c.GetProperty("changedBy").GetString() == "test");

        var problem = await SendAsync(HttpMethod.Put, "/api/risk/limits",
            new { scope = "Portfolio", key = portfolio, kind = "MaxNotional", value = 10, changedBy = "test" }, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));

        await SendAsync(HttpMethod.Delete, $"/api/risk/limits/Portfolio/MaxNotional?key={portfolio}&changedBy=test&reason=done", null,
            HttpStatusCode.OK);
        var accepted = await SendAsync(HttpMethod.Post, $"/api/risk/portfolios/{portfolio}/check", order, HttpStatusCode.OK);
        Assert.True(accepted.GetProperty("accepted").GetBoolean());
    }

    [Fact]
    public async Task The_kill_switch_halts_every_order_until_trading_is_resumed_and_is_published()
    {
        var portfolio = $"fund-{Guid.NewGuid():N}"[..16];
        var order = new { portfolio, instrument = "MSFT.XNAS", side = "Sell", quantity = 1, price = 400 };
        await Eventually.TrueAsync(async () => (await platform.Http.GetAsync(Url("/api/risk/state"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "the Risk engine's state loaded");
        try
        {
            await SendAsync(HttpMethod.Put, "/api/risk/state", new { state = "Halted", changedBy = "test", reason = "kill switch drill" },
                HttpStatusCode.OK);
            var halted = await SendAsync(HttpMethod.Post, $"/api/risk/portfolios/{portfolio}/check", order, HttpStatusCode.OK);
            Assert.False(halted.GetProperty("accepted").GetBoolean());
            Assert.Contains("kill switch", halted.GetProperty("reason").GetString());

            var states = await SendAsync(HttpMethod.Get, "/api/risk/state", null, HttpStatusCode.OK);
            Assert.Equal("Halted", states.GetProperty("global").GetString());
            Assert.Equal("kill switch drill", states.GetProperty("history")[0].GetProperty("reason").GetString());
        }
        finally
        {
            await SendAsync(HttpMethod.Put, "/api/risk/state", new { state = "Active", changedBy = "test", reason = "drill over" },
                HttpStatusCode.OK);
        }

        Assert.True((await SendAsync(HttpMethod.Post, $"/api/risk/portfolios/{portfolio}/check", order, HttpStatusCode.OK))
            .GetProperty("accepted").GetBoolean());
        await Eventually.TrueAsync(async () =>
        {
            using var stats = JsonDocument.Parse(await platform.Http.GetStringAsync(Url("/api/bus/stats")));
            return stats.RootElement.GetProperty("types").EnumerateArray()
                .Any(t => t.GetProperty("type").GetString() == "RISK_ALERT" && t.GetProperty("written").GetInt64() >= 2);
        }, TimeSpan.FromSeconds(10), "RISK_ALERTs of the state changes written to the bus");
    }
}
