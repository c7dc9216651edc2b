using Nautilus.Portfolio.Domain;
using Nautilus.Portfolio.Domain.Rebalancing;

namespace Nautilus.UnitTests.Portfolio;

/// <summary>
/// Proposals worked by hand: NAV 100,000 (cash 10,000; 100 A at 500; 400 B at 100 in lots of 100; no C at 200 in lots of 10).
/// </summary>
public class RebalancerTests
{
    private static readonly RebalanceHolding[] Holdings =
    [
        new("A", 100, 500), new("B", 400, 100, LotSize: 100), new("C", 0, 200, LotSize: 10),
    ];

    private static readonly Dictionary<string, double> Targets = new() { ["A"] = 0.30, ["B"] = 0.50, ["C"] = 0.15 };

    private static Dictionary<string, double> QuantitiesOf(RebalanceProposal p) => p.Trades.ToDictionary(t => t.Symbol, t => t.Quantity);

    [Fact]
    public void Trades_round_to_whole_lots()
    {
        // A: 30,000 − 50,000 = −40 shares; B: +10,000 = 1 lot; C: 15,000 = 7.5 lots, rounded to 8 (80 shares).
        var p = Rebalancer.Propose(10_000, Holdings, Targets, new RebalanceOptions(CostBps: 10));

        Assert.Equal(new Dictionary<string, double> { ["A"] = -40, ["B"] = 100, ["C"] = 80 }, QuantitiesOf(p));
        Assert.Equal(46, p.EstimatedCost, 9); // 10 bp of 20,000 + 10,000 + 16,000
        Assert.Equal(10_000 + 20_000 - 10_000 - 16_000 - 46, p.CashAfter, 9);
        Assert.Equal(0.46, p.Turnover, 12);
        Assert.False(p.TurnoverLimited);
    }

    [Fact]
    public void The_cash_to_keep_takes_lots_back_from_the_buy_that_overshot_most()
    {
        // 3,954 left is under the 5,000 to keep: C overshot its 15,000 by 1,000 (B by nothing), so C gives back a lot of 10.
        var p = Rebalancer.Propose(10_000, Holdings, Targets, new RebalanceOptions(CostBps: 10, MinCash: 0.05));

        Assert.Equal(new Dictionary<string, double> { ["A"] = -40, ["B"] = 100, ["C"] = 70 }, QuantitiesOf(p));
        Assert.Equal(10_000 + 20_000 - 10_000 - 14_000 - 44, p.CashAfter, 9);
        Assert.Equal(0.14, p.Trades.Single(t => t.Symbol == "C").ResultingWeight, 12);
    }

    [Fact]
    public void A_turnover_limit_moves_part_of_the_way_along_the_line_to_the_targets()
    {
        // Wanted 45,000 of trades = 0.45 of the NAV; the limit 0.2 scales each by 0.2/0.45: A −8,889 → −18 shares;
        // B 4,444 → 0.44 lots → none; C 6,667 → 3.33 lots → 3 (30 shares).
        var p = Rebalancer.Propose(10_000, Holdings, Targets, new RebalanceOptions(MaxTurnover: 0.2, CostBps: 10));

        Assert.Equal(new Dictionary<string, double> { ["A"] = -18, ["C"] = 30 }, QuantitiesOf(p));
        Assert.True(p.TurnoverLimited);
        Assert.Equal(0.15, p.Turnover, 12);
        Assert.Equal(10_000 + 9_000 - 6_000 - 15, p.CashAfter, 9);
    }

    [Fact]
    public void A_holding_whose_target_is_zero_is_sold_out_whatever_its_lots()
    {
        RebalanceHolding[] holdings = [new("A", 150, 100, LotSize: 100), new("B", 0, 50)];
        var p = Rebalancer.Propose(0, holdings, new Dictionary<string, double> { ["B"] = 1 }, new RebalanceOptions(CostBps: 0));

        Assert.Equal(new Dictionary<string, double> { ["A"] = -150, ["B"] = 300 }, QuantitiesOf(p));
        Assert.Equal(0, p.CashAfter, 9);
    }

    [Theory]
    [InlineData("targetWeights", 0.6, 0.5, 5.0, null)]
    [InlineData("targetWeights.D", 0.2, 0.2, 5.0, null)]
    [InlineData("maxTurnover", 0.2, 0.2, 5.0, -1.0)]
    [InlineData("costBps", 0.2, 0.2, -1.0, null)]
    public void Impossible_requests_name_their_field(string field, double a, double b, double costBps, double? maxTurnover)
    {
        var targets = new Dictionary<string, double> { ["A"] = a, [field == "targetWeights.D" ? "D" : "B"] = b };
        var ex = Assert.Throws<PortfolioInputException>(() =>
            Rebalancer.Propose(10_000, Holdings, targets, new RebalanceOptions(maxTurnover, costBps)));
        Assert.Equal(field, ex.Field);
    }
}
