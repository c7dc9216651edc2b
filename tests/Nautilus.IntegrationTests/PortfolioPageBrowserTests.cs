using System.Net;
using Microsoft.Playwright;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.IntegrationTests;

/// <summary>
/// The Portfolio view in Chromium: the book, a portfolio's holdings, allocation and NAV, a rebalancing proposal approved; and the
/// optimiser over stored instruments.
/// </summary>
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
        await page.GetByRole(AriaRole.Tab, new() { Name = "Optimiser" }).ClickAsync();
        await PageFields.FillAsync(page, "opt-symbols", string.Join(",", symbols));
        await PageFields.FillAsync(page, "opt-from", "2024-01-01");
        await PageFields.FillAsync(page, "opt-to", "2024-12-31");
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
        await PageFields.FillAsync(page, "opt-upper", "0.2");
        await page.GetByTestId("opt-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("opt-problem")).ToContainTextAsync("bounds");
    }

    [Fact]
    public async Task The_book_shows_a_portfolios_holdings_allocation_and_nav_and_a_rebalancing_proposal_is_approved()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var symbol = await EngineRequests.InstrumentAsync(platform.Http, "PB");
        var url = PlatformFixture.UrlOf(EngineCatalog.Portfolio, "/api/portfolio/nodes");
        await EngineRequests.SendAsync(platform.Http, HttpMethod.Post, url,
            new { id = $"c-{tag}", kind = "Client", name = $"Client {tag}" }, HttpStatusCode.Created);
        await EngineRequests.SendAsync(platform.Http, HttpMethod.Post, url,
            new { id = $"a-{tag}", kind = "Account", name = "Custody", parentId = $"c-{tag}" }, HttpStatusCode.Created);
        await EngineRequests.SendAsync(platform.Http, HttpMethod.Post, url,
            new { id = $"p-{tag}", kind = "Portfolio", name = $"Core {tag}", parentId = $"a-{tag}", openingCash = 10_000 },
            HttpStatusCode.Created);
        // 100 bought at 40 (as the Execution engine reports a fill), now priced at 50: NAV 10,000 − 4,000 + 5,000 = 11,000.
        await using (var bus = await PlatformBus.ConnectAsync(platform))
        {
            var now = UnixNanos.Now(TimeProvider.System);
            var instrument = new InstrumentId(symbol, "XNAS");
            await bus.PublishAsync(new TradeExecution(new ClientOrderId($"o-{tag}"), instrument, OrderSide.Buy,
                Quantity.FromDecimal(100, 0), Price.FromDecimal(40m, 2), new Money(0m, Currency.USD), new TradeId($"t-{tag}"), now,
                new AccountId($"p-{tag}")));
            await bus.PublishAsync(new PriceUpdate(instrument, Price.FromDecimal(49.99m, 2), Price.FromDecimal(50.01m, 2),
                Price.FromDecimal(50m, 2), now + TimeSpan.FromSeconds(2)));
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await SystemPageBrowserTests.LaunchChromiumAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 1600 },
        });
        await page.GotoAsync(PlatformFixture.WebUrl("/portfolio").ToString());
        await page.GetByTestId($"node-p-{tag}").GetByText($"Core {tag}").ClickAsync(new() { Timeout = 30_000 });

        await Assertions.Expect(page.GetByTestId("pf-nav")).ToHaveTextAsync("11,000.00", new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("pf-unrealized")).ToHaveTextAsync("1,000.00");
        await Assertions.Expect(page.GetByTestId("pf-holding-quantity")).ToHaveTextAsync("100");
        await Assertions.Expect(page.GetByTestId("pf-allocation")).ToHaveAttributeAsync("data-slices", "2");
        await Assertions.Expect(page.GetByTestId("pf-nav-chart")).Not.ToHaveAttributeAsync("data-points", "0");

        // Half in the instrument: 5,500 / 50 = 110 shares, 10 more.
        await PageFields.FillAsync(page, "rb-targets", $"{symbol}=0.5");
        await page.GetByTestId("rb-propose").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rb-side")).ToHaveTextAsync("Buy");
        await Assertions.Expect(page.GetByTestId("rb-quantity")).ToHaveTextAsync("10");
        await page.GetByTestId("rb-approve").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rb-status")).ToHaveTextAsync("Sent");
        await Assertions.Expect(page.GetByTestId("rb-orders")).ToContainTextAsync("rb-");

        // A weight the engine refuses is shown as it names it.
        await PageFields.FillAsync(page, "rb-targets", $"{symbol}=1.5");
        await page.GetByTestId("rb-propose").ClickAsync();
        await Assertions.Expect(page.GetByTestId("rb-problem")).ToContainTextAsync($"targetWeights.{symbol}");

        // A client added from the form joins the tree.
        await PageFields.FillAsync(page, "node-id", $"c2-{tag}");
        await PageFields.FillAsync(page, "node-name", $"Added {tag}");
        await page.GetByTestId("node-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId($"node-c2-{tag}")).ToContainTextAsync($"Added {tag}");
    }

}
