using Microsoft.Playwright;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>The operator opens the System page in a real Chromium (Debian's) and sees the platform healthy.</summary>
[Collection(PlatformCollection.Name)]
public sealed class SystemPageBrowserTests(PlatformFixture platform)
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run"],
        });

    [Fact]
    public async Task The_system_page_shows_all_thirteen_engines_and_the_infrastructure_healthy()
    {
        Assert.NotNull(platform.App);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });

        await page.GotoAsync(PlatformFixture.WebUrl("/system").ToString());

        await Assertions.Expect(page.GetByTestId("engines-healthy"))
            .ToHaveTextAsync("13 of 13 engines healthy", new() { Timeout = 30_000 });
        foreach (var engine in EngineCatalog.All)
        {
            var row = page.Locator($"tr[data-engine='{engine.Name}']");
            await Assertions.Expect(row).ToHaveAttributeAsync("data-status", "Healthy");
            await Assertions.Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(PlatformFixture.PortOf(engine).ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = "docs" }))
                .ToHaveAttributeAsync("href", PlatformFixture.UrlOf(engine, EndpointPaths.Docs).ToString());
        }
        foreach (var resource in new[] { InfrastructureNames.PostgresServer, BusNames.MarketData, BusNames.EngineLogic })
        {
            await Assertions.Expect(page.Locator($"tr[data-resource='{resource}']")).ToHaveAttributeAsync("data-status", "Healthy");
        }
        await Assertions.Expect(page.GetByTestId("storage-mode")).ToHaveTextAsync("timescaledb-apache"); // ./test.sh installs the Apache edition

        // Both buses, with every engine connected to each reporting its counters.
        foreach (var bus in Enum.GetValues<Bus>())
        {
            var users = EngineCatalog.All.Count(e => e.Uses(bus)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Assertions.Expect(page.Locator($"tr[data-bus='{BusNames.Of(bus)}'] [data-testid='engines-reporting']"))
                .ToHaveTextAsync(users, new() { Timeout = 15_000 });
        }

        // The page is live: the time of the last health round moves without a reload.
        var first = await page.GetByTestId("last-round").InnerTextAsync();
        await Assertions.Expect(page.GetByTestId("last-round")).Not.ToHaveTextAsync(first, new() { Timeout = 10_000 });

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Artifacts, "system-page.png"), FullPage = true });
    }
}
