using Nautilus.Model;
using Nautilus.Testing;

namespace Nautilus.UnitTests.Backtesting;

/// <summary>sma-cross on SPY's real daily closes (1993-2018, PyPortfolioOpt's test resource) against the same crossover
/// computed by hand (<see cref="SmaCrossByHand"/>).</summary>
public class SmaCrossSpyTests
{
    [Theory]
    [InlineData(50, 200)]
    [InlineData(10, 50)]
    [InlineData(2, 3)]
    public void The_backtest_trades_on_the_same_days_at_the_same_prices_and_ends_with_the_same_equity(int fast, int slow)
    {
        var (dates, closes, bars) = BacktestBars.SpyDaily();
        var result = BacktestBars.Run("sma-cross", new() { ["fast"] = fast, ["slow"] = slow }, bars, BacktestBars.Settings());

        var expected = SmaCrossByHand.Run(closes, fast, slow, 100_000m);
        var fills = result.Fills.Select(f => (DateOnly.FromDateTime(f.TsEvent.ToUtcDateTime()), f.Side, f.Quantity.ToDecimal(),
            f.Price)).ToArray();
        var handFills = expected.Fills.Select(f => (dates[f.Bar], f.Buy ? OrderSide.Buy : OrderSide.Sell, f.Quantity, f.Price)).ToArray();
        Assert.True(handFills.Length > (slow == 3 ? 100 : 10), $"the hand computation traded only {handFills.Length} times");
        Assert.Equal(handFills, fills);
        Assert.Equal((double)expected.FinalEquity, result.FinalEquity, 6);
        Assert.Equal(expected.Cash, result.FinalCash);
        Assert.Equal(bars.Length, result.Equity.Count);
    }
}
