using Nautilus.Collateral.Domain.Margin;

namespace Nautilus.UnitTests.Collateral;

public sealed class MarginModelTests
{
    [Fact]
    public void Reg_T_takes_half_up_front_and_keeps_25_percent_long_30_percent_short_with_the_per_share_minimums()
    {
        var requirement = new RegTMarginModel().Requirement(
        [
            MarginPosition.Stock("AAPL", 100, 200),  // 20,000: initial 10,000, maintenance 5,000
            MarginPosition.Stock("XYZ", -1_000, 10), // 10,000 short: initial 5,000; maintenance max(3,000, $5 × 1,000) = 5,000
            MarginPosition.Stock("PENNY", -1_000, 1), // 1,000 short under $5: max(100 %, $2.50 × 1,000) = 2,500
        ]);
        Assert.Equal([10_000, 5_000, 2_500], requirement.Positions.Select(p => p.Initial));
        Assert.Equal([5_000, 5_000, 2_500], requirement.Positions.Select(p => p.Maintenance));
        Assert.Equal(17_500, requirement.Initial);
        Assert.Equal(12_500, requirement.Maintenance);
    }

    [Fact]
    public void Reg_T_short_options_take_premium_plus_20_percent_less_out_of_the_money_with_a_10_percent_floor()
    {
        // Short 2 calls struck 110 on a 100 stock at 1.50: 1.50 + max(20 − 10, 10) = 11.50 a share, × 200 shares = 2,300.
        var call = new MarginPosition("XYZ C110", -2, 1.5, "XYZ", 100, new MarginOption(OptionRight.Call, 110, 0.25, 0.3));
        // Short a put struck 95 at 2: 2 + max(20 − 5, 9.5) = 17 a share = 1,700. A long put is its premium.
        var put = new MarginPosition("XYZ P95", -1, 2, "XYZ", 100, new MarginOption(OptionRight.Put, 95, 0.25, 0.3));
        var bought = new MarginPosition("XYZ P90", 3, 0.8, "XYZ", 100, new MarginOption(OptionRight.Put, 90, 0.25, 0.3));
        var requirement = new RegTMarginModel().Requirement([call, put, bought]);
        Assert.Equal([2_300, 1_700, 240], requirement.Positions.Select(p => Math.Round(p.Initial, 9)));
        Assert.Equal(0, requirement.Positions[2].Maintenance);
    }

    [Fact]
    public void Portfolio_margin_is_the_worst_loss_over_the_grid_and_a_protective_put_caps_it()
    {
        var model = new PortfolioMarginModel();
        var stock = MarginPosition.Stock("XYZ", 1_000, 100);
        Assert.Equal(15_000, model.Requirement([stock]).Initial, 6); // −15 % of 100,000

        // 10 puts struck 95 (1,000 shares), 3 months, σ 30 %: below 95 the put pays; the worst loss is at −15 % with σ × 0.75.
        var option = new MarginOption(OptionRight.Put, 95, 0.25, 0.30);
        var premium = BlackScholes.Value(OptionRight.Put, 100, 95, 0.25, 0.30);
        var put = new MarginPosition("XYZ P95", 10, premium, "XYZ", 100, option);
        var hedged = model.Requirement([stock, put]).Initial;
        var expected = Enumerable.Range(-5, 11).SelectMany(step => new[] { -0.25, 0, 0.25 }.Select(v =>
        {
            var s = 100 * (1 + 0.03 * step);
            var value = BlackScholes.Value(OptionRight.Put, s, 95, 0.25, 0.30 * (1 + v));
            return -(1_000 * (s - 100) + 1_000 * (value - premium));
        })).Max();
        Assert.Equal(expected, hedged, 6);
        Assert.True(hedged < 10_000, $"hedged {hedged}");
    }

    [Fact]
    public void Cross_margining_a_long_and_a_short_of_the_same_stock_frees_both_requirements()
    {
        IReadOnlyList<MarginPosition> longBook = [MarginPosition.Stock("XYZ", 500, 40)];
        IReadOnlyList<MarginPosition> shortBook = [MarginPosition.Stock("XYZ", -500, 40)];
        var books = new[] { longBook, shortBook };
        var result = CrossMargining.Calculate(new PortfolioMarginModel(), books);
        Assert.Equal([3_000.0, 3_000.0], result.Standalone.Select(s => Math.Round(s, 9)));
        Assert.Equal(0, result.Combined, 9);
        Assert.Equal(6_000, result.Benefit, 9);
    }

    [Fact]
    public void Black_Scholes_matches_Hull_example_15_6()
    {
        // Hull, Options, Futures and Other Derivatives (8th ed.), example 15.6: S 42, K 40, r 10 %, σ 20 %, T 0.5: c 4.76, p 0.81.
        Assert.Equal(4.76, BlackScholes.Value(OptionRight.Call, 42, 40, 0.5, 0.2, 0.1), 2);
        Assert.Equal(0.81, BlackScholes.Value(OptionRight.Put, 42, 40, 0.5, 0.2, 0.1), 2);
    }
}
