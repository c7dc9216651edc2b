using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary>
/// The operator watches margin in Chromium: a leveraged account's gauge and margin-call forecast, SA-CCR of BCBS 279's example 1,
/// an asset added to the inventory and allocated to the account's requirement.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class CollateralPageBrowserTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_collateral_view_shows_utilisation_the_forecast_EAD_and_the_allocation()
    {
        var account = $"ui-{Guid.NewGuid():N}"[..14];
        await using (var bus = await PlatformBus.ConnectAsync(platform))
        {
            await CollateralTests.PublishLeveragedAccountAsync(bus, account, 26_000);
        }

        var asset = $"bill-{account}";
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions
            {
                ViewportSize = new ViewportSize { Width = 1500, Height = 1400 },
            });
            await page.GotoAsync(PlatformFixture.WebUrl($"/collateral?account={account}").ToString());

            var gauge = page.Locator($"[data-testid='utilisation-gauge'][data-account='{account}']");
            await Assertions.Expect(gauge).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.Equal(25_000.0 / 26_000, double.Parse(await gauge.GetAttributeAsync("data-utilisation") ?? "0",
                CultureInfo.InvariantCulture), 9);
            await Assertions.Expect(gauge.GetByTestId("call-lead")).ToContainTextAsync("margin call in");

            // Plotly holds the forecast path: a point a minute over the hour.
            await Eventually.TrueAsync(async () => await page.EvaluateAsync<int>(
                    "() => document.querySelector('[data-testid=forecast-chart] .js-plotly-plot')?.data?.[0]?.x?.length ?? 0") == 61,
                TimeSpan.FromSeconds(30), "the forecast path plotted");

            await page.GetByTestId("sa-ccr-compute").ClickAsync();
            var ead = page.Locator("[data-testid='sa-ccr-table'] tr[data-set='bcbs-279-example-1'] [data-testid='sa-ccr-ead']");
            await Assertions.Expect(ead).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^569\\.\\d$"));

            await PageFields.FillAsync(page, "asset-id", asset);
            await PageFields.FillAsync(page, "asset-value", "1000000000000");
            await page.GetByTestId("asset-add").ClickAsync();
            await Assertions.Expect(page.Locator($"[data-testid='inventory'] tr[data-asset='{asset}']")).ToBeVisibleAsync(
                new() { Timeout = 15_000 });
            await Assertions.Expect(page.Locator($"[data-testid='allocation'] tr[data-requirement='{account}']").First)
                .ToBeVisibleAsync(new() { Timeout = 15_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(RepositoryPaths.Artifacts, "collateral-page.png"),
                FullPage = true,
            });
        }
        finally
        {
            await SendAsync(platform.Http, HttpMethod.Delete,
                PlatformFixture.UrlOf(EngineCatalog.Collateral, $"/api/collateral/inventory/{asset}"), null, HttpStatusCode.NoContent);
        }
    }
}
