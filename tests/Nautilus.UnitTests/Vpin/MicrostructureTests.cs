using Nautilus.Vpin.Domain.Microstructure;

namespace Nautilus.UnitTests.Vpin;

public sealed class MicrostructureTests
{
    [Fact]
    public void Depth_imbalance_reads_only_the_top_levels()
    {
        // Bids 300 + 200 against asks 100 + 100 over two levels: (500 − 200) / 700; the third levels are past the two read.
        Assert.Equal(3.0 / 7, BookImbalance.Of([300, 200, 10_000], [100, 100, 1], levels: 2), 12);
        Assert.Equal(-1, BookImbalance.Of([], [5]));
        Assert.True(double.IsNaN(BookImbalance.Of([0], [0])));
    }

    [Fact]
    public void Kyle_lambda_is_the_slope_of_price_changes_on_signed_volume()
    {
        // Exactly ΔP = 0.0001·q + 0.001: λ 0.0001, intercept 0.001, R² 1.
        double[] flow = [200, -100, 300, 0, -250];
        var (lambda, intercept, r2) = KyleLambda.Estimate([.. flow.Select(q => 0.0001 * q + 0.001)], flow);
        Assert.Equal(0.0001, lambda, 15);
        Assert.Equal(0.001, intercept, 15);
        Assert.Equal(1, r2, 12);

        // By hand with noise: q = (−1, 0, 1), ΔP = (−2, 1, 1): slope Σqp / Σq² = 3 / 2, R² = 9 / (2 · 6).
        var noisy = KyleLambda.Estimate([-2, 1, 1], [-1, 0, 1]);
        Assert.Equal(1.5, noisy.Lambda, 12);
        Assert.Equal(0.75, noisy.RSquared, 12);
        Assert.True(double.IsNaN(KyleLambda.Estimate([1, 2], [5, 5]).Lambda));
    }

    [Fact]
    public void Effective_and_realised_spreads_follow_the_trade_direction()
    {
        // A buy at 10.03 with the midpoint at 10.00, 10.02 five minutes later: effective 0.06, realised 0.02, impact 0.04.
        var buy = TradeSpreads.Of(10.03, 1, 10.00, 10.02);
        Assert.Equal(0.06, buy.Effective, 12);
        Assert.Equal(0.02, buy.Realised, 12);
        Assert.Equal(0.04, buy.PriceImpact, 12);
        Assert.Equal(0.006, buy.EffectiveRelative, 12);

        // A sell at 9.98 with the midpoint at 10.00, then 9.95: the provider lost 0.06 once the price fell.
        var sell = TradeSpreads.Of(9.98, -1, 10.00, 9.95);
        Assert.Equal(0.04, sell.Effective, 12);
        Assert.Equal(-0.06, sell.Realised, 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => TradeSpreads.Of(10, 0, 10, 10));
    }
}
