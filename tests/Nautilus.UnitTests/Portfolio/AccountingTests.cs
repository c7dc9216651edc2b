using Nautilus.Portfolio.Domain;
using Nautilus.Portfolio.Domain.Accounting;

namespace Nautilus.UnitTests.Portfolio;

public class AccountingTests
{
    [Fact]
    public void Fifo_and_average_cost_split_the_same_total_pnl_differently_worked_by_hand()
    {
        // Buy 100 @ 10, buy 100 @ 12, sell 150 @ 15, mark at 14.
        // FIFO: realised 100·(15 − 10) + 50·(15 − 12) = 650; 50 left at 12, unrealised 50·(14 − 12) = 100.
        // Average cost: cost 11, realised 150·(15 − 11) = 600; 50 left at 11, unrealised 50·(14 − 11) = 150. Both total 750.
        Trade[] trades = [new(100, 10), new(100, 12), new(-150, 15)];
        var fifo = new LotBook(CostMethod.Fifo);
        var average = new LotBook(CostMethod.AverageCost);
        foreach (var trade in trades)
        {
            fifo.Apply(trade);
            average.Apply(trade);
        }

        Assert.Equal((50.0, 650.0, 100.0, 12.0), (fifo.Quantity, fifo.Realized, fifo.Unrealized(14), fifo.AverageCost));
        Assert.Equal((50.0, 600.0, 150.0, 11.0), (average.Quantity, average.Realized, average.Unrealized(14), average.AverageCost));
    }

    [Fact]
    public void A_trade_through_zero_closes_the_long_and_opens_a_short_at_its_price()
    {
        // Long 10 @ 100 sold 25 @ 110: realises 10·10 = 100 and leaves short 15 @ 110; bought back 15 @ 105: +75 (×2 multiplier).
        var book = new LotBook(CostMethod.AverageCost, multiplier: 2);
        book.Apply(new Trade(10, 100, 1));
        book.Apply(new Trade(-25, 110, 1));
        Assert.Equal((-15.0, 200.0, 110.0), (book.Quantity, book.Realized, book.AverageCost));
        Assert.Equal(-15 * (100 - 110) * 2.0, book.Unrealized(100));
        book.Apply(new Trade(15, 105, 1));
        Assert.Equal((0.0, 200.0 + 150.0, 3.0), (book.Quantity, book.Realized, book.Fees));
    }

    [Fact]
    public void A_portfolio_is_valued_in_its_base_currency_and_a_currency_without_a_rate_is_named()
    {
        AccountFill[] fills =
        [
            new("AAPL", 10, 200, 1, "USD"),
            new("SAP", 20, 150, 2, "EUR"),
        ];
        var value = PortfolioValuation.Value("USD", fills, new Dictionary<string, double> { ["AAPL"] = 210, ["SAP"] = 160 },
            new Dictionary<string, double> { ["EUR"] = 1.1 }, CostMethod.Fifo, initialCash: 10_000);
        // Cash: 10,000 − (2,000 + 1) − (3,000 + 2)·1.1 = 4,696.8; holdings 2,100 + 3,200·1.1 = 5,620; NAV 10,316.8.
        Assert.Equal(4_696.8, value.Cash, 9);
        Assert.Equal(5_620, value.MarketValue, 9);
        Assert.Equal(10_316.8, value.NetAssetValue, 9);
        Assert.Equal(100 + 200 * 1.1, value.UnrealizedPnl, 9);
        Assert.Equal(1 + 2 * 1.1, value.Fees, 9);
        // NAV = initial cash + P&L − fees.
        Assert.Equal(10_000 + value.UnrealizedPnl + value.RealizedPnl - value.Fees, value.NetAssetValue, 9);

        var problem = Assert.Throws<PortfolioInputException>(() => PortfolioValuation.Value("USD", fills, new Dictionary<string, double>(),
            new Dictionary<string, double>(), CostMethod.Fifo));
        Assert.Equal("fills[1].currency", problem.Field);
    }
}
