using Microsoft.Extensions.Options;
using Nautilus.Collateral.Engine.Extensions;
using Nautilus.Collateral.Engine.State;
using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.UnitTests.Collateral;

public sealed class LiveAccountsTests
{
    private static readonly UnixNanos Now = UnixNanos.From(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero));

    private static Money Usd(decimal amount) => new(amount, Currency.USD);

    private static PortfolioUpdate Valuation(string account, decimal nav) =>
        new(new PortfolioId(account), Usd(nav), Usd(0), Usd(0), Usd(0), Usd(0), Usd(0), Now);

    [Fact]
    public void The_start_up_seed_fills_accounts_no_position_change_has_reached_and_never_overrides_one()
    {
        var accounts = new LiveAccounts(Options.Create(new CollateralOptions()));
        accounts.OnPosition(new PositionChange(new AccountId("a"), InstrumentId.Parse("AAPL.XNAS"), PositionSide.Short,
            Quantity.FromDouble(10, 0), Price.FromDouble(200, 2), Usd(0), Now));
        accounts.OnPortfolio(Valuation("a", 10_000));
        accounts.OnPortfolio(Valuation("b", 50_000));

        var seeded = accounts.Seed([("a", "AAPL", 999, 1), ("b", "MSFT", 100, 400), ("b", "JPM", -50, 150)]);

        Assert.Equal(2, seeded);
        var snapshots = accounts.Snapshots().ToDictionary(s => s.Account);
        Assert.Equal([("AAPL", -10.0, 200.0)], snapshots["a"].Positions.Select(p => (p.Instrument, p.Quantity, p.Price)));
        Assert.Equal([("JPM", -50.0), ("MSFT", 100.0)],
            snapshots["b"].Positions.Select(p => (p.Instrument, p.Quantity)).OrderBy(p => p.Instrument));
    }

    [Fact]
    public void Positions_are_marked_at_the_last_price_seen()
    {
        var accounts = new LiveAccounts(Options.Create(new CollateralOptions()));
        accounts.Seed([("c", "XOM", 100, 90)]);
        accounts.OnPortfolio(Valuation("c", 20_000));
        accounts.OnPrice(new PriceUpdate(InstrumentId.Parse("XOM.XNYS"), Price.FromDouble(109.9, 2), Price.FromDouble(110.1, 2),
            Price.FromDouble(110, 2), Now));

        var position = Assert.Single(accounts.Snapshots()).Positions[0];
        Assert.Equal(110, position.Price);
    }
}
