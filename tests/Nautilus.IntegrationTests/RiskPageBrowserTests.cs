using System.Globalization;
using Microsoft.Playwright;

namespace Nautilus.IntegrationTests;

/// <summary>The operator uses the Risk view in Chromium: the kill switch with its reason, and a VaR from stored bars.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RiskPageBrowserTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_kill_switch_needs_a_reason_halts_trading_and_is_recorded()
    {
        Assert.NotNull(platform.App);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
        var page = await OpenAsync(browser);
        await Assertions.Expect(page.GetByTestId("trading-state")).ToHaveTextAsync("ACTIVE", new() { Timeout = 30_000 });

        await page.GetByTestId("kill-switch").ClickAsync();
        await Assertions.Expect(page.GetByTestId("state-confirm")).ToBeDisabledAsync();
        await PageFields.Field(page, "state-reason").FillAsync("browser drill");
        await page.GetByTestId("state-confirm").ClickAsync();
        try
        {
            await Assertions.Expect(page.GetByTestId("trading-state")).ToHaveTextAsync("HALTED", new() { Timeout = 10_000 });
            await Assertions.Expect(page.GetByTestId("risk-audit")).ToContainTextAsync("browser drill", new() { Timeout = 10_000 });
        }
        finally
        {
            await page.GetByTestId("resume-trading").ClickAsync();
            await PageFields.Field(page, "state-reason").FillAsync("drill over");
            await page.GetByTestId("state-confirm").ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("trading-state")).ToHaveTextAsync("ACTIVE", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task A_var_of_a_simulated_instrument_is_computed_from_its_stored_bars_and_plotted()
    {
        Assert.NotNull(platform.App);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
        var page = await OpenAsync(browser);
        await Assertions.Expect(page.GetByTestId("trading-state")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        // 95 % needs 20 one-second scenarios: the simulator has run that long once the platform is up.
        await PageFields.Field(page, "var-confidence").FillAsync("0.95");
        await Eventually.TrueAsync(async () =>
        {
            await page.GetByTestId("var-compute").ClickAsync();
            return await page.GetByTestId("var-value").CountAsync() > 0;
        }, TimeSpan.FromSeconds(60), "a VaR computed from AAPL's one-second bars");

        var var = double.Parse(await page.GetByTestId("var-value").InnerTextAsync(), NumberStyles.Number, CultureInfo.InvariantCulture);
        var es = double.Parse(await page.GetByTestId("es-value").InnerTextAsync(), NumberStyles.Number, CultureInfo.InvariantCulture);
        Assert.True(var > 0 && es >= var, $"VaR {var}, ES {es}");
        // A click that was still computing may land after the first answer: compare with what the panel says now.
        await Eventually.TrueAsync(async () => (await page.EvaluateAsync<int>(
                "() => document.querySelector('[data-testid=var-chart] .js-plotly-plot')?.data?.[0]?.x?.length ?? 0"))
            .ToString(CultureInfo.InvariantCulture) == await page.GetByTestId("var-chart").GetAttributeAsync("data-scenarios"),
            TimeSpan.FromSeconds(10), "plotly holding the scenarios the panel reports");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(RepositoryPaths.Artifacts, "risk-page.png"),
            FullPage = true
        });
    }

    [Fact]
    public async Task A_live_portfolio_shows_its_var_its_history_and_the_alert_feed()
    {
        Assert.NotNull(platform.App);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await PortfolioRiskTests.ImportAsync(platform.Http, PortfolioRiskTests.Alpha, PortfolioRiskTests.Closes(7), today);
        var portfolio = $"pui-{Guid.NewGuid():N}"[..14];
        await using var bus = await PlatformBus.ConnectAsync(platform);
        await bus.PublishAsync(PortfolioRiskTests.Position(portfolio, PortfolioRiskTests.Alpha, Nautilus.Model.PositionSide.Long, 200, 40));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
        var page = await OpenAsync(browser);
        await Assertions.Expect(page.GetByTestId("risk-portfolios")).ToContainTextAsync(portfolio, new() { Timeout = 30_000 });
        await PageFields.SelectAsync(page, "pvar-portfolio", portfolio);
        await page.GetByTestId("pvar-compute").ClickAsync();

        await Assertions.Expect(page.GetByTestId("pvar-var")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        var shown = double.Parse(await page.GetByTestId("pvar-var").InnerTextAsync(), NumberStyles.Number, CultureInfo.InvariantCulture);
        using var stored = System.Text.Json.JsonDocument.Parse(await platform.Http.GetStringAsync(
            PlatformFixture.UrlOf(Nautilus.Platform.EngineCatalog.Risk, $"/api/risk/portfolios/{portfolio}/var")));
        Assert.Equal(Math.Round(stored.RootElement.GetProperty("var").GetDouble()), shown);
        await Assertions.Expect(page.GetByTestId("pvar-components")).ToContainTextAsync(PortfolioRiskTests.Alpha.ToString());
        await Assertions.Expect(page.GetByTestId("pvar-chart")).ToHaveAttributeAsync("data-points", "1");

        await page.GetByTestId("pvar-stress").ClickAsync();
        await Assertions.Expect(page.GetByTestId("pvar-stress-table").Locator("tbody tr")).ToHaveCountAsync(10, new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("risk-alerts")).ToBeVisibleAsync();
    }

    private static async Task<IPage> OpenAsync(IBrowser browser)
    {
        var size = new ViewportSize { Width = 1400, Height = 1200 };
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = size });
        await page.GotoAsync(PlatformFixture.WebUrl("/risk").ToString());
        return page;
    }
}
