using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>The operator watches the Market view in Chromium: prices move, and an injected flash crash shows on the chart.</summary>
[Collection(PlatformCollection.Name)]
public sealed class MarketPageBrowserTests(PlatformFixture platform)
{
    [Fact]
    public async Task Prices_change_and_a_flash_crash_is_visible_on_the_chart()
    {
        Assert.NotNull(platform.App);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1100 } });
        await page.GotoAsync(PlatformFixture.WebUrl("/market?symbol=XOM").ToString());

        await Assertions.Expect(page.GetByTestId("gateway-state")).ToHaveTextAsync("connected", new() { Timeout = 30_000 });
        var bid = page.Locator("tr[data-symbol='XOM'] [data-testid='bid']");
        await Assertions.Expect(bid).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        var first = await bid.InnerTextAsync();
        await Assertions.Expect(bid).Not.ToHaveTextAsync(first, new() { Timeout = 30_000 });

        var chart = page.GetByTestId("chart");
        await Assertions.Expect(chart).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(chart.Locator(".js-plotly-plot")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        var before = Attribute(await chart.GetAttributeAsync("data-last-close"));
        // Plotly holds the candles the page says it shows: its candlestick trace has as many points as there are bars.
        await Eventually.TrueAsync(async () => await PlottedCandlesAsync(page) is > 0 and var plotted &&
            plotted == int.Parse(await chart.GetAttributeAsync("data-bars") ?? "0", System.Globalization.CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(30), "plotly's candlestick trace holds the chart's bars");

        // −9 % over 20 s: the candles must reach at least 5 % below where they were.
        await PageFields.Field(page, "scenario-magnitude").FillAsync("-0.09");
        await PageFields.Field(page, "scenario-duration").FillAsync("20");
        await page.GetByTestId("inject-scenario").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feed-message")).ToHaveCountAsync(0);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        double low;
        do
        {
            await Task.Delay(500);
            low = Attribute(await chart.GetAttributeAsync("data-low"));
        }
        while (low > before * 0.95 && DateTime.UtcNow < deadline);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, "market-page.png"), FullPage = true });
        Assert.True(low <= before * 0.95, $"chart low {low} did not fall 5 % below {before}");
    }

    [Fact]
    public async Task A_tick_file_uploaded_on_the_page_reports_its_bad_rows_and_replays_from_the_feed_controls()
    {
        Assert.NotNull(platform.App);
        using (var created = await platform.Http.PostAsJsonAsync(PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, "/api/instruments"),
                   new { symbol = "TUIR", assetClass = "Equity", venue = "NYSE", currency = "USD", tickSize = 0.01, lotSize = 1, sector = "Industrials" }))
        {
            Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"create TUIR: {created.StatusCode}");
        }

        // 200 trades a second apart on 2023-05-02, and one row whose price is not a number (line 202).
        var start = new DateTimeOffset(2023, 5, 2, 14, 0, 0, TimeSpan.Zero);
        var csv = new StringBuilder("timestamp,symbol,price,size\n");
        for (var i = 0; i < 200; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{start.AddSeconds(i):O},TUIR,{40 + i * 0.01:F2},10\n");
        }
        csv.Append(CultureInfo.InvariantCulture, $"{start.AddSeconds(201):O},TUIR,forty,10\n");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1500, Height = 1400 } });
        await page.GotoAsync(PlatformFixture.WebUrl("/market").ToString());

        // Every feed of the engine is listed with its controls.
        foreach (var feed in new[] { "simulator", "bar-replay", "tick-replay", "coinbase" })
        {
            await Assertions.Expect(page.Locator($"tr[data-feed='{feed}']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }

        await page.GetByTestId("replay-upload").SetInputFilesAsync(new FilePayload
        {
            Name = "tuir-2023-05-02.csv",
            MimeType = "text/csv",
            Buffer = Encoding.UTF8.GetBytes(csv.ToString()),
        });
        var result = page.GetByTestId("replay-upload-result");
        await Assertions.Expect(result).ToContainTextAsync("tuir-2023-05-02.csv stored: 201 rows (200 trades, 0 quotes)", new() { Timeout = 30_000 });
        await Assertions.Expect(result).ToContainTextAsync("line 202, price");

        // A setting the feed refuses comes back with its field; good settings replay the file to its end.
        var settings = PageFields.Field(page, "feed-settings-tick-replay");
        await settings.FillAsync("""{"file": "no-such-file.csv"}""");
        await page.GetByTestId("feed-start-tick-replay").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feeds-message")).ToContainTextAsync("file:", new() { Timeout = 30_000 });

        await settings.FillAsync("""{"file": "tuir-2023-05-02.csv", "speed": 0}""");
        await page.GetByTestId("feed-start-tick-replay").ClickAsync();
        await Assertions.Expect(page.GetByTestId("feeds-message")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var row = page.Locator("tr[data-feed='tick-replay']");
        await Assertions.Expect(row.GetByTestId("feed-row-events")).ToHaveTextAsync("200", new() { Timeout = 30_000 });
        await Assertions.Expect(row.GetByTestId("feed-row-state")).ToContainTextAsync("Stopped", new() { Timeout = 30_000 });

        using var deleted = await platform.Http.DeleteAsync(PlatformFixture.UrlOf(EngineCatalog.MarketDataEngine, "/api/replay/files/tuir-2023-05-02.csv"));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }

    private static double Attribute(string? value) => double.Parse(value!, CultureInfo.InvariantCulture);

    /// <summary>The number of candles plotly.js holds in the chart's first (candlestick) trace.</summary>
    private static async Task<int> PlottedCandlesAsync(IPage page) =>
        await page.EvaluateAsync<int>("() => document.querySelector('[data-testid=chart] .js-plotly-plot')?.data?.[0]?.x?.length ?? 0");
}
