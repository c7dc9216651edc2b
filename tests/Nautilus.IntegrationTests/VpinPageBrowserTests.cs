using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary>The operator watches flow toxicity in Chromium: live VPIN per instrument, its chart, the accuracy of each rule.</summary>
[Collection(PlatformCollection.Name)]
public sealed class VpinPageBrowserTests(PlatformFixture platform)
{
    [Fact]
    public async Task The_VPIN_view_shows_live_VPIN_its_history_chart_and_each_rules_accuracy()
    {
        var settings = PlatformFixture.UrlOf(EngineCatalog.Vpin, "/api/vpin/instruments/JPM/settings");
        // About a bucket a second, Lee–Ready from the simulated quotes, ten to a window.
        await SendAsync(platform.Http, HttpMethod.Put, settings, new { bucketVolume = 2_000, buckets = 10, classification = "lee-ready" },
            HttpStatusCode.OK);
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
            var page = await browser.NewPageAsync(new BrowserNewPageOptions
            {
                ViewportSize = new ViewportSize { Width = 1500, Height = 1200 },
            });
            await page.GotoAsync(PlatformFixture.WebUrl("/vpin?symbol=JPM").ToString());

            var row = page.Locator("[data-testid='vpin-live'] tr",
                new() { Has = page.GetByTestId("vpin-symbol").GetByText("JPM", new() { Exact = true }) });
            await Assertions.Expect(row.GetByTestId("vpin-value")).Not.ToHaveTextAsync("–", new() { Timeout = 60_000 });
            var vpin = double.Parse(await row.GetByTestId("vpin-value").InnerTextAsync(), CultureInfo.InvariantCulture);
            Assert.InRange(vpin, 0, 1);
            await Assertions.Expect(row).ToContainTextAsync("configured");
            await Assertions.Expect(row).ToContainTextAsync("lee-ready");

            // The chart plots the buckets stored: more than a window's worth once VPIN has a value.
            var chart = page.GetByTestId("vpin-chart");
            await Assertions.Expect(chart.Locator(".js-plotly-plot")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            // Plotly holds what the page says it shows: its price and VPIN traces have a point per bucket.
            await Eventually.TrueAsync(async () => await PlottedAsync(page, 0) is >= 10 and var plotted
                && plotted == await PlottedAsync(page, 1)
                && plotted == int.Parse(await chart.GetAttributeAsync("data-points") ?? "0", CultureInfo.InvariantCulture),
                TimeSpan.FromSeconds(30), "JPM's buckets charted");

            var accuracy = page.Locator("[data-testid='vpin-accuracy'] tr[data-symbol='JPM']");
            await Assertions.Expect(accuracy.Locator("td[data-method]")).ToHaveCountAsync(4, new() { Timeout = 30_000 });
            await Assertions.Expect(accuracy.Locator("td[data-method='lee-ready']")).ToContainTextAsync("%");
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(RepositoryPaths.Artifacts, "vpin-page.png"),
                FullPage = true,
            });
        }
        finally
        {
            await SendAsync(platform.Http, HttpMethod.Delete, settings, null, HttpStatusCode.NoContent);
        }
    }

    private static async Task<int> PlottedAsync(IPage page, int trace) =>
        await page.EvaluateAsync<int>(
            $"() => document.querySelector('[data-testid=vpin-chart] .js-plotly-plot')?.data?.[{trace}]?.x?.length ?? 0");
}
