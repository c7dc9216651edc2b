using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>The operator reads a portfolio's tear sheet and an attribution in the Analytics view, in Chromium.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AnalyticsPageBrowserTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_portfolio_tear_sheet_shows_the_engines_statistics_and_charts_and_attribution_is_drawn()
    {
        const int days = 70; // across three calendar months
        var portfolio = $"aui-{Guid.NewGuid():N}"[..14];
        var strategy = $"sui-{Guid.NewGuid():N}"[..14];
        var first = DateTimeOffset.UtcNow.Date.AddDays(-days + 1);
        await using (var bus = await PlatformBus.ConnectAsync(platform))
        {
            await bus.PublishAsync(Enumerable.Range(0, days).Select(d => AnalyticsStateTests.Valuation(portfolio,
                new DateTimeOffset(first.AddDays(d).AddHours(20), TimeSpan.Zero),
                Math.Round(500_000m * (1 + 0.002m * d + 0.03m * (decimal)Math.Sin(d / 4.0)), 2))).ToArray());
            // One round trip of the strategy: 10 bought at 100, sold at 103, no fees: +30.
            var at = DateTimeOffset.UtcNow.AddMinutes(-5);
            await bus.PublishAsync(AnalyticsStateTests.StrategyOrder(strategy, $"{strategy}-b", Nautilus.Model.OrderSide.Buy, 10, at),
                AnalyticsStateTests.StrategyOrder(strategy, $"{strategy}-s", Nautilus.Model.OrderSide.Sell, 10, at));
            await bus.PublishAsync(AnalyticsStateTests.StrategyFill($"{strategy}-b", at.AddMinutes(1), Nautilus.Model.OrderSide.Buy, 10,
                100, 0),
                AnalyticsStateTests.StrategyFill($"{strategy}-s", at.AddMinutes(2), Nautilus.Model.OrderSide.Sell, 10, 103, 0));
        }

        await Eventually.TrueAsync(async () => (await platform.Http.GetAsync(
                PlatformFixture.UrlOf(EngineCatalog.Analytics, $"/api/analytics/strategies/{strategy}/tearsheet"))).IsSuccessStatusCode,
            TimeSpan.FromSeconds(30), "the strategy's fills stored");

        var sheetUrl = PlatformFixture.UrlOf(EngineCatalog.Analytics, $"/api/analytics/portfolios/{portfolio}/tearsheet?rollingWindow=20");
        JsonElement sheet = default;
        await Eventually.TrueAsync(async () =>
        {
            using var response = await platform.Http.GetAsync(sheetUrl);
            sheet = response.IsSuccessStatusCode
                ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : default;
            return sheet.ValueKind == JsonValueKind.Object && sheet.GetProperty("returns").GetArrayLength() == days - 1;
        }, TimeSpan.FromSeconds(30), "all the valuations stored");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize
            {
                Width = 1400,
                Height = 1400
            }
        });
        await page.GotoAsync(PlatformFixture.WebUrl("/analytics").ToString());
        await PageFields.Field(page, "analytics-window").FillAsync("20");
        await PageFields.SelectAsync(page, "analytics-portfolio", portfolio);

        await Assertions.Expect(page.GetByTestId("equity-chart")).ToHaveAttributeAsync("data-points",
            (days - 1).ToString(CultureInfo.InvariantCulture),
            new() { Timeout = 20_000 });
        var sharpe = await page.GetByTestId("stat-sharpe").GetAttributeAsync("data-value");
        Assert.Equal(sheet.GetProperty("report").GetProperty("sharpe").GetDouble(), double.Parse(sharpe!, CultureInfo.InvariantCulture),
            12);
        await Assertions.Expect(page.GetByTestId("monthly-heatmap")).ToHaveAttributeAsync("data-months",
            sheet.GetProperty("monthly").GetArrayLength().ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.GetByTestId("rolling-chart")).ToHaveAttributeAsync("data-window", "20");
        await Eventually.TrueAsync(async () => await page.EvaluateAsync<int>(
                "() => document.querySelector('[data-testid=equity-chart] .js-plotly-plot')?.data?.[0]?.x?.length ?? 0") == days - 1,
            TimeSpan.FromSeconds(10), "plotly holding the equity curve");

        await PageFields.SelectAsync(page, "strategy-select", strategy);
        await Assertions.Expect(page.GetByTestId("strategy-pnl")).ToHaveTextAsync(30.ToString("N2", CultureInfo.CurrentCulture),
            new() { Timeout = 10_000 });
        await Assertions.Expect(page.GetByTestId("strategy-trades").Locator("tbody tr")).ToHaveCountAsync(1);

        await page.GetByTestId("attribution-compute").ClickAsync();
        await Assertions.Expect(page.GetByTestId("attribution-chart")).ToHaveAttributeAsync("data-segments", "3",
            new() { Timeout = 10_000 });
        // The default segments: Rp = 0.6·0.12 + 0.3·0.03 + 0.1·0.01 = 8.2 %, Rb = 0.5·0.10 + 0.4·0.04 + 0.1·0.01 = 6.7 %.
        await Assertions.Expect(page.GetByTestId("attribution-active")).ToHaveTextAsync((0.082 - 0.067).ToString("P2",
            CultureInfo.CurrentCulture));
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Artifacts, "analytics-page.png"),
            FullPage = true
        });
    }
}
