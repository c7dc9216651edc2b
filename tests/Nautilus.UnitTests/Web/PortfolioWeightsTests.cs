using Nautilus.Portfolio.Contracts;
using Nautilus.Web.Portfolio;

namespace Nautilus.UnitTests.Web;

public sealed class PortfolioWeightsTests
{
    private static HoldingView Holding(string symbol, double quantity, double marketValue) =>
        new(symbol, "USD", quantity, 0, null, marketValue, 0, 0, 0);

    [Fact]
    public void Holdings_weigh_their_market_value_over_the_NAV_with_cash_the_rest_and_shorts_negative()
    {
        // NAV 10,000: 4,000 long, 1,000 short, 7,000 cash; a closed holding carries no weight.
        var valuation = new ValuationResponse("USD", "fifo",
            [Holding("AAA", 40, 4_000), Holding("BBB", -10, -1_000), Holding("CCC", 0, 0)], 7_000, 3_000, 0, 0, 0, 10_000);

        var weights = HoldingWeights.Of(valuation);

        Assert.Equal(new Dictionary<string, double> { ["AAA"] = 0.4, ["BBB"] = -0.1 }, weights);
        Assert.Equal("AAA=0.4, BBB=-0.1", TargetWeights.Format(weights));
        Assert.Equal(weights, TargetWeights.Parse(TargetWeights.Format(weights)));
    }

    [Fact]
    public void A_portfolio_without_a_positive_NAV_has_no_weights()
    {
        var valuation = new ValuationResponse("USD", "fifo", [Holding("AAA", 1, 100)], -200, 100, 0, 0, 0, -100);
        Assert.Contains("NAV", Assert.Throws<FormatException>(() => HoldingWeights.Of(valuation)).Message);
    }
}
