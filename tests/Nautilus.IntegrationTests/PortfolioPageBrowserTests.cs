using Microsoft.Playwright;

namespace Nautilus.IntegrationTests;

/// <summary>The operator optimises a portfolio of stored instruments in the Portfolio view, in Chromium.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PortfolioPageBrowserTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_optimiser_weighs_stored_instruments_draws_the_frontier_and_shows_the_engines_problems()
    {
        // Three instruments with 300 stored daily closes each: seeded random walks of different drift and volatility.
        var random = new Random(5);
        var start = new DateOnly(2024, 1, 1);
        var symbols = new List<string>();
        foreach (var (drift, volatility) in new[] { (0.0008, 0.010), (0.0004, 0.006), (0.0010, 0.020) })
        {
            var close = 100.0;
            var bars = new List<(DateOnly, decimal)>();
            for (var day = 0; day < 300; day++)
            {
                close *= Math.Exp(drift + volatility * (random.NextDouble() * 2 - 1) * 1.7);
                bars.Add((start.AddDays(day), Math.Round((decimal)close, 2)));
            }

            symbols.Add(await EngineRequests.InstrumentAsync(platform.Http, "PF", "XNAS", bars));
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1400 },
        });
        await page.GotoAsync(PlatformFixture.WebUrl("/portfolio").ToString());
        await FillAsync(page, "opt-symbols", string.Join(",", symbols));
        await FillAsync(page, "opt-from", "2024-01-01");
        await FillAsync(page, "opt-to", "2024-12-31");
        await page.GetByTestId("opt-run").ClickAsync();

        var rows = page.GetByTestId("opt-weights").Locator("tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(3, new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("opt-frontier")).ToHaveAttributeAsync("data-points", "30");
        var weights = await page.GetByTestId("opt-weight").AllInnerTextsAsync();
        Assert.Equal(100.0, weights.Sum(w => double.Parse(w.TrimEnd('%').Trim(), System.Globalization.CultureInfo.InvariantCulture)), 0);
        await Assertions.Expect(page.GetByTestId("opt-sharpe")).Not.ToHaveTextAsync("—");

        await PageFields.SelectAsync(page, "opt-objective", "Hierarchical risk parity");
        await page.GetByTestId("opt-run").ClickAsync();
        await Assertions.Expect(page.GetByText("hrp (single linkage)")).ToBeVisibleAsync();

        // Three assets of at most 20 % each cannot be fully invested: the engine says which field is at fault.
        await PageFields.SelectAsync(page, "opt-objective", "Minimum volatility");
        await FillAsync(page, "opt-upper", "0.2");
        await page.GetByTestId("opt-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("opt-problem")).ToContainTextAsync("bounds");
    }

    private static async Task FillAsync(IPage page, string testId, string value)
    {
        var field = PageFields.Field(page, testId);
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }
}
