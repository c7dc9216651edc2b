using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary>
/// The factor model over stored data through the running engines: a universe's daily bars stored in MarketData, a run of the
/// Factor engine over them, its factor returns, exposures, covariance and a portfolio's risk; and what it refuses.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class FactorModelTests(PlatformFixture platform)
{
    private const int Assets = 12, Days = 320;
    private static readonly DateOnly Start = new(2023, 1, 1);

    private static Uri Factor(string path) => PlatformFixture.UrlOf(EngineCatalog.Factor, path);

    /// <summary>12 instruments in 3 sectors with shares outstanding and 320 daily bars of seeded random walks and volumes.</summary>
    private async Task<(string[] Symbols, double[][] Closes)> UniverseAsync()
    {
        var random = new Random(23);
        var tag = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var symbols = new string[Assets];
        var closes = new double[Assets][];
        for (var i = 0; i < Assets; i++)
        {
            symbols[i] = $"FM{tag}{i:D2}";
            await SendAsync(platform.Http, HttpMethod.Post, PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, "/api/instruments"), new
            {
                symbol = symbols[i],
                assetClass = "Equity",
                venue = "XNYS",
                currency = "USD",
                tickSize = 0.0001,
                lotSize = 1,
                sector = new[] { "Energy", "Health", "Tech" }[i % 3],
                sharesOutstanding = 1_000_000L * (i + 1),
            }, HttpStatusCode.Created);
            closes[i] = new double[Days];
            var csv = new StringBuilder("symbol,date,open,high,low,close,volume\n");
            var close = 20.0 + 5 * i;
            for (var d = 0; d < Days; d++)
            {
                close *= Math.Exp(0.0003 * (i - 5) + 0.015 * (random.NextDouble() - 0.5) * (1 + i % 4));
                closes[i][d] = Math.Round(close, 4);
                var c = closes[i][d].ToString(CultureInfo.InvariantCulture);
                csv.Append(CultureInfo.InvariantCulture,
                    $"{symbols[i]},{Start.AddDays(d):yyyy-MM-dd},{c},{c},{c},{c},{(int)(50_000 * (1 + random.NextDouble()) * (i + 1))}\n");
            }

            using var import = await platform.Http.PostAsync(
                PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, "/api/bars/import?interval=86400"),
                new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));
            Assert.Equal(HttpStatusCode.OK, import.StatusCode);
        }

        return (symbols, closes);
    }

    [Fact]
    public async Task A_run_over_stored_bars_stores_factor_returns_exposures_covariance_and_decomposes_a_portfolios_risk()
    {
        var (symbols, closes) = await UniverseAsync();
        var run = await SendAsync(platform.Http, HttpMethod.Post, Factor("/api/factors/runs"),
            new { symbols, from = Start, to = Start.AddDays(Days - 1) }, HttpStatusCode.Created);
        var id = run.GetProperty("id").GetString()!;
        Assert.Equal("market-cap", run.GetProperty("capitalisationBasis").GetString());
        Assert.Equal(Days - 253, run.GetProperty("days").GetInt32()); // a year of history, then a return to the next day
        Assert.Equal(["market", "sector:Energy", "sector:Health", "sector:Tech", "momentum", "size", "volatility", "liquidity"],
            run.GetProperty("factors").EnumerateArray().Select(f => f.GetString()));

        var returns = await SendAsync(platform.Http, HttpMethod.Get, Factor($"/api/factors/runs/{id}/returns"), null, HttpStatusCode.OK);
        var dates = returns.GetProperty("dates").EnumerateArray().Select(d => DateOnly.Parse(d.GetString()!, CultureInfo.InvariantCulture))
            .ToArray();
        Assert.Equal(Days - 253, dates.Length);
        var factors = returns.GetProperty("factors");
        for (var d = 0; d < dates.Length; d++)
        {
            var sectorSum = new[] { "Energy", "Health", "Tech" }.Sum(s => factors.GetProperty($"sector:{s}")[d].GetDouble());
            Assert.Equal(0, sectorSum, 12);
        }

        // The stored day agrees with the stateless regression of that day's returns on the stored exposures and weights.
        var day = dates[^1];
        var exposures = await SendAsync(platform.Http, HttpMethod.Get,
            Factor($"/api/factors/runs/{id}/exposures?date={day:yyyy-MM-dd}"), null, HttpStatusCode.OK);
        var assets = exposures.GetProperty("assets").EnumerateArray().ToArray();
        Assert.Equal(Assets, assets.Length);
        var t = day.DayNumber - Start.DayNumber;
        var index = assets.Select(a => Array.IndexOf(symbols, a.GetProperty("symbol").GetString())).ToArray();
        var regressed = await SendAsync(platform.Http, HttpMethod.Post, Factor("/api/factors/regress"), new
        {
            returns = index.Select(i => closes[i][t] / closes[i][t - 1] - 1).ToArray(),
            exposures = assets.Select(a => a.GetProperty("styles").EnumerateArray().Select(x => x.GetDouble()).ToArray()).ToArray(),
            sectors = assets.Select(a => a.GetProperty("sector").GetString()).ToArray(),
            weights = assets.Select(a => a.GetProperty("weight").GetDouble()).ToArray(),
        }, HttpStatusCode.OK);
        var lastDay = dates.Length - 1;
        Assert.Equal(factors.GetProperty("market")[lastDay].GetDouble(), regressed.GetProperty("market").GetDouble(), 12);
        Assert.Equal(factors.GetProperty("momentum")[lastDay].GetDouble(), regressed.GetProperty("styles")[0].GetDouble(), 12);
        // Weights are √(close × shares) at the close before the day.
        var first = index[0];
        Assert.Equal(Math.Sqrt(closes[first][t - 1] * 1_000_000L * (first + 1)), assets[0].GetProperty("weight").GetDouble(), 6);

        var covariance = await SendAsync(platform.Http, HttpMethod.Get, Factor($"/api/factors/runs/{id}/covariance?halfLife=30"), null,
            HttpStatusCode.OK);
        var matrix = covariance.GetProperty("covariance").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetDouble())
            .ToArray()).ToArray();
        Assert.Equal(8, matrix.Length);
        Assert.All(Enumerable.Range(0, 8), a => Assert.All(Enumerable.Range(0, 8), b => Assert.Equal(matrix[a][b], matrix[b][a], 15)));
        Assert.All(covariance.GetProperty("volatilities").EnumerateArray(), v => Assert.True(v.GetDouble() > 0));

        var risk = await SendAsync(platform.Http, HttpMethod.Post, Factor($"/api/factors/runs/{id}/risk"),
            new { weights = symbols[..4].ToDictionary(s => s, _ => 0.25) }, HttpStatusCode.OK);
        var shares = risk.GetProperty("factors").EnumerateArray().Sum(f => f.GetProperty("share").GetDouble()) +
            risk.GetProperty("specificShare").GetDouble();
        Assert.Equal(1, shares, 9);
        Assert.Equal(1, risk.GetProperty("factors")[0].GetProperty("exposure").GetDouble(), 12); // fully invested: market exposure 1
        Assert.True(risk.GetProperty("volatility").GetDouble() > 0);

        using var refusal = await platform.Http.PostAsJsonAsync(Factor($"/api/factors/runs/{id}/risk"),
            new { weights = new Dictionary<string, double> { ["NOT-IN-RUN"] = 1 } });
        var problem = await Problems.ReadAsync(refusal, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("weights.NOT-IN-RUN", out _), problem.ToString());
    }

    [Fact]
    public async Task Value_comes_from_published_figures_and_user_defined_factors_from_the_Features_engine()
    {
        var (symbols, closes) = await UniverseAsync();
        // Ten of the twelve publish a book value per share early on, and a different one on the last modelled day: that one is
        // not yet known at the close before it, where the exposures the last day is regressed on are measured.
        var lastDay = Start.AddDays(Days - 1);
        var stored = await SendAsync(platform.Http, HttpMethod.Post, PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine,
            "/api/fundamentals"), symbols[..10].SelectMany((s, i) => new object[]
            {
                new { symbol = s, asOf = Start.AddDays(30), bookValuePerShare = 4.0 + i },
                new { symbol = s, asOf = lastDay, bookValuePerShare = 40.0 - i, salesPerShare = 10.0 },
            }).ToArray(), HttpStatusCode.OK);
        Assert.Equal(20, stored.GetProperty("stored").GetInt32());
        var run = await SendAsync(platform.Http, HttpMethod.Post, Factor("/api/factors/runs"),
            new { symbols, from = Start, to = lastDay, userFactors = new[] { "rsi(14)", "bb(20,2).bandwidth" } },
            HttpStatusCode.Created);
        Assert.Equal(["momentum", "size", "volatility", "liquidity", "value", "feature:bb(20,2).bandwidth", "feature:rsi(14)"],
            run.GetProperty("styles").EnumerateArray().Select(f => f.GetString()));
        var id = run.GetProperty("id").GetString()!;
        var day = DateOnly.Parse(run.GetProperty("lastDay").GetString()!, CultureInfo.InvariantCulture);
        var exposures = await SendAsync(platform.Http, HttpMethod.Get,
            Factor($"/api/factors/runs/{id}/exposures?date={day:yyyy-MM-dd}"), null, HttpStatusCode.OK);

        // A day's exposures are measured at the close before it: the RSI the Features engine gives each asset on that day, which
        // standardisation (monotone) keeps in the same order.
        var before = day.AddDays(-1);
        var rsi = new Dictionary<string, double>();
        foreach (var symbol in symbols)
        {
            var series = await SendAsync(platform.Http, HttpMethod.Get, PlatformFixture.UrlOf(EngineCatalog.Features,
                $"/api/features/{symbol}?interval=86400&from={Start:yyyy-MM-dd}&to={Start.AddDays(Days):yyyy-MM-dd}&features=rsi(14)"),
                null, HttpStatusCode.OK);
            var row = series.GetProperty("rows").EnumerateArray()
                .Single(r => DateOnly.FromDateTime(r.GetProperty("ts").GetDateTimeOffset().UtcDateTime) == before);
            rsi[symbol] = row.GetProperty("values").GetProperty("rsi(14)").GetDouble();
        }

        var assets = exposures.GetProperty("assets").EnumerateArray().ToArray();
        Assert.Equal(Assets, assets.Length);
        AssertRankedBy(assets, a => rsi[a.GetProperty("symbol").GetString()!], 6);

        // Value: book ÷ price at that close from the figure published by then; zero for the two without figures.
        var t = day.DayNumber - Start.DayNumber;
        var published = assets.Where(a => Array.IndexOf(symbols, a.GetProperty("symbol").GetString()) < 10).ToArray();
        Assert.All(assets.Except(published), a => Assert.Equal(0, a.GetProperty("styles")[4].GetDouble()));
        AssertRankedBy(published, a =>
        {
            var i = Array.IndexOf(symbols, a.GetProperty("symbol").GetString());
            return (4.0 + i) / closes[i][t - 1];
        }, 4);
        var returns = await SendAsync(platform.Http, HttpMethod.Get, Factor($"/api/factors/runs/{id}/returns"), null, HttpStatusCode.OK);
        Assert.True(returns.GetProperty("factors").TryGetProperty("feature:rsi(14)", out _));
    }

    /// <summary>Standardisation is monotone: exposures to a style follow the order of its raw scores.</summary>
    private static void AssertRankedBy(IEnumerable<JsonElement> assets, Func<JsonElement, double> score, int style)
    {
        var ranked = assets.OrderBy(score).Select(a => a.GetProperty("styles")[style].GetDouble()).ToArray();
        Assert.All(ranked.Zip(ranked.Skip(1)), pair => Assert.True(pair.First <= pair.Second + 1e-12, string.Join(", ", ranked)));
        Assert.True(ranked[^1] > ranked[0]);
    }

    [Fact]
    public async Task The_factor_view_runs_the_model_charts_cumulative_factor_returns_and_decomposes_a_portfolio()
    {
        var (symbols, closes) = await UniverseAsync();
        // A live portfolio holding two of the universe: fills and last prices as the Execution and MarketData engines publish them.
        var tag = Guid.NewGuid().ToString("N")[..8];
        var portfolio = await FundedPortfolioAsync(platform.Http, tag, 10_000);
        await using (var bus = await PlatformBus.ConnectAsync(platform))
        {
            var now = UnixNanos.Now(TimeProvider.System);
            foreach (var (i, quantity) in new[] { (0, 40), (1, 20) })
            {
                var instrument = new InstrumentId(symbols[i], "XNYS");
                var price = Price.FromDecimal(Math.Round((decimal)closes[i][^1], 2), 2);
                await bus.PublishAsync(new TradeExecution(new ClientOrderId($"o{i}-{tag}"), instrument, OrderSide.Buy,
                    Quantity.FromDecimal(quantity, 0), price, new Money(0m, Currency.USD), new TradeId($"t{i}-{tag}"), now,
                    new AccountId(portfolio)));
                await bus.PublishAsync(new PriceUpdate(instrument, price, price, price, now));
            }
        }

        await Eventually.TrueAsync(async () => (await platform.Http.GetAsync(PlatformFixture.UrlOf(EngineCatalog.Portfolio,
            $"/api/portfolio/portfolios/{portfolio}/valuation"))).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20),
            "the portfolio valued");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1400 },
        });
        await page.GotoAsync(PlatformFixture.WebUrl("/factors").ToString());
        await PageFields.FillAsync(page, "fm-symbols", string.Join(",", symbols));
        await PageFields.FillAsync(page, "fm-from", Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await PageFields.FillAsync(page, "fm-to", Start.AddDays(Days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await PageFields.FillAsync(page, "fm-user-factors", "rsi(14)");
        await page.GetByTestId("fm-run").ClickAsync();

        // The new run is shown (the page opens on the newest run there was): market, three sectors, four styles and the user's.
        await Assertions.Expect(page.GetByTestId("fm-run-summary")).ToHaveAttributeAsync("data-symbols", string.Join(",", symbols),
            new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("fm-cumulative")).ToHaveAttributeAsync("data-series", "9");
        await Assertions.Expect(page.GetByTestId("fm-run-summary")).ToContainTextAsync("market-cap");

        await PageFields.FillAsync(page, "fr-weights", $"{symbols[0]}=0.5, {symbols[1]}=0.5");
        await page.GetByTestId("fr-decompose").ClickAsync();
        await Assertions.Expect(page.GetByTestId("fr-factors").Locator("tbody tr")).ToHaveCountAsync(9, new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("fr-volatility")).ToContainTextAsync("%");

        // The live portfolio's holdings as weights: decomposed at once.
        await PageFields.SelectAsync(page, "fr-portfolio", portfolio);
        foreach (var held in symbols[..2])
        {
            await Assertions.Expect(PageFields.Field(page, "fr-weights")).ToHaveValueAsync(
                new System.Text.RegularExpressions.Regex($"{held}=0\\.\\d+"), new() { Timeout = 20_000 });
            // The figures shown are the holdings' (the manual weights' table also has nine rows): typing before they arrive
            // would race the field's refresh.
            await Assertions.Expect(page.GetByTestId("fr-result")).ToHaveAttributeAsync("data-weights",
                new System.Text.RegularExpressions.Regex($"{held}=0\\.\\d+"), new() { Timeout = 20_000 });
        }
        await Assertions.Expect(page.GetByTestId("fr-factors").Locator("tbody tr")).ToHaveCountAsync(9);

        await PageFields.FillAsync(page, "fr-weights", "NOPE=1");
        await page.GetByTestId("fr-decompose").ClickAsync();
        await Assertions.Expect(page.GetByTestId("fr-problem")).ToContainTextAsync("weights.NOPE", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task Runs_that_cannot_be_built_are_problems_naming_the_field()
    {
        var url = Factor("/api/factors/runs");
        await Problems.AssertRefusedAsync(platform.Http, url, """{"symbols":[],"from":"2023-01-01","to":"2024-01-01"}""", "symbols");
        await Problems.AssertRefusedAsync(platform.Http, url, """{"symbols":["A","A"],"from":"2023-01-01","to":"2024-01-01"}""",
            "symbols");
        await Problems.AssertRefusedAsync(platform.Http, url, """{"symbols":["A"],"from":"2024-01-01","to":"2023-01-01"}""", "from");
        await Problems.AssertRefusedAsync(platform.Http, url,
            """{"symbols":["NO-SUCH-SYMBOL"],"from":"2023-01-01","to":"2024-01-01"}""", "symbols[0]");
        // Stored bars too few for a year of history.
        var symbol = await InstrumentAsync(platform.Http, "FS", "XNAS",
            Enumerable.Range(0, 30).Select(d => (new DateOnly(2024, 1, 1).AddDays(d), 10m + d)));
        await Problems.AssertRefusedAsync(platform.Http, url,
            JsonSerializer.Serialize(new { symbols = new[] { symbol }, from = "2024-01-01", to = "2024-02-01" }), "from");
        await Problems.AssertRefusedAsync(platform.Http, url,
            """{"symbols":["A"],"from":"2023-01-01","to":"2024-01-01","userFactors":["nosuch(3)"]}""", "userFactors[0]");
        await Problems.AssertRefusedAsync(platform.Http, url,
            """{"symbols":["A"],"from":"2023-01-01","to":"2024-01-01","userFactors":["rsi(14)","bb(20,2).nope"]}""", "userFactors[1]");
        var fundamentals = PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, "/api/fundamentals");
        await Problems.AssertRefusedAsync(platform.Http, fundamentals, "[]", "entries");
        await Problems.AssertRefusedAsync(platform.Http, fundamentals,
            """[{"symbol":"NO-SUCH-SYMBOL","asOf":"2024-01-01","bookValuePerShare":1}]""", "entries[0].symbol");
        await Problems.AssertRefusedAsync(platform.Http, fundamentals, $$"""[{"symbol":"{{symbol}}","bookValuePerShare":1}]""",
            "entries[0].asOf");
        await Problems.AssertRefusedAsync(platform.Http, fundamentals, $$"""[{"symbol":"{{symbol}}","asOf":"2024-01-01"}]""",
            "entries[0]");
        var missing = await Problems.ReadAsync(await platform.Http.GetAsync(Factor("/api/factors/runs/fr-none/returns")),
            HttpStatusCode.NotFound);
        Assert.Equal("id", missing.GetProperty("field").GetString());
    }
}
