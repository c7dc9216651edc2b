using System.Globalization;
using Microsoft.Playwright;

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
        var before = Attribute(await chart.GetAttributeAsync("data-last-close"));

        // −9 % over 20 s: the candles must reach at least 5 % below where they were.
        await page.GetByTestId("scenario-magnitude").FillAsync("-0.09");
        await page.GetByTestId("scenario-duration").FillAsync("20");
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

    private static double Attribute(string? value) => double.Parse(value!, CultureInfo.InvariantCulture);
}
