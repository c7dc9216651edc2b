using System.Net;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;
using static Nautilus.IntegrationTests.EngineRequests;

namespace Nautilus.IntegrationTests;

/// <summary>A crashed Collateral engine comes back with the accounts' open positions from the Execution engine, which owns them.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CollateralRestartTests(PlatformFixture platform)
{
    private static Money Usd(decimal amount) => new(amount, Currency.USD);

    [Fact]
    public async Task After_a_crash_open_positions_are_seeded_from_the_Execution_engine()
    {
        var instrument = new InstrumentId(await InstrumentAsync(platform.Http, "CR"), "XNAS");
        var account = $"cr-{Guid.NewGuid():N}"[..16];
        await using var bus = await PlatformBus.ConnectAsync(platform);
        var execution = PlatformFixture.UrlOf(EngineCatalog.Execution, "/api/execution/orders");
        await SendAsync(platform.Http, HttpMethod.Post, execution, new
        {
            portfolioId = account,
            symbol = instrument.Symbol,
            side = "Buy",
            quantity = 50,
            type = "Limit",
            limitPrice = 30.00,
        }, HttpStatusCode.Accepted);
        // The order rests until the book reaches it; quotes until it has filled (its ORDER_REQUEST may still be on its way).
        await Eventually.TrueAsync(async () =>
        {
            var quote = new QuoteTick(instrument, Price.FromDecimal(29.95m, 2), Quantity.FromDecimal(100, 0), Price.FromDecimal(29.99m, 2),
                Quantity.FromDecimal(100, 0), UnixNanos.Now(TimeProvider.System));
            await bus.PublishAsync(new MarketDataEvent(0, quote));
            return (await bus.ReadAsync<PositionChange>(p => p.AccountId.Value == account)).Count > 0;
        }, TimeSpan.FromSeconds(30), "the buy filled");

        using (var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2)))
        {
            System.Diagnostics.Process.GetProcessById(platform.ProcessIdOf(EngineCatalog.Collateral.Name)).Kill(entireProcessTree: true);
            await platform.App.ResourceNotifications.WaitForResourceAsync(EngineCatalog.Collateral.Name,
                e => e.Snapshot.State?.Text is "Exited" or "Finished" or "FailedToStart", cts.Token);
            var result = await platform.App.ResourceCommands.ExecuteCommandAsync(EngineCatalog.Collateral.Name, "resource-start",
                cts.Token);
            Assert.True(result.Success, result.Message);
            await platform.App.ResourceNotifications.WaitForResourceHealthyAsync(EngineCatalog.Collateral.Name, cts.Token);
        }

        // The account's next valuation (the Portfolio engine publishes one every few seconds of market time for its portfolios).
        JsonElement margined = default;
        await Eventually.TrueAsync(async () =>
        {
            await bus.PublishAsync(new PortfolioUpdate(new PortfolioId(account), Usd(10_000), Usd(8_500), Usd(1_500), Usd(1_500), Usd(0),
                Usd(0), UnixNanos.Now(TimeProvider.System)));
            var accounts = await SendAsync(platform.Http, HttpMethod.Get, PlatformFixture.UrlOf(EngineCatalog.Collateral,
                "/api/collateral/accounts"), null, HttpStatusCode.OK);
            margined = accounts.EnumerateArray().FirstOrDefault(a => a.GetProperty("account").GetString() == account);
            return margined.ValueKind == JsonValueKind.Object;
        }, TimeSpan.FromSeconds(60), "the account margined again after the restart");

        // 50 shares at 29.99 (no price update of the fresh instrument): Reg-T maintenance 25 %.
        Assert.Equal(0.25 * 50 * 29.99, margined.GetProperty("maintenance").GetDouble(), 6);
        Assert.Equal(1, margined.GetProperty("positions").GetInt32());
    }
}
