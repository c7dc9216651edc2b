using Nautilus.Model;

namespace Nautilus.UnitTests.Backtesting;

/// <summary>
/// sma-cross on SPY's real daily closes (1993-2018, PyPortfolioOpt's test resource) against the same crossover computed
/// by hand here, with nothing of the platform: SMAs as plain sums, long while fast > slow, whole units bought with all the
/// cash on the deciding close, filled at the next bar's open (the file's next close), sold the same way.
/// </summary>
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

        var expected = ByHand(closes, fast, slow, 100_000m);
        var fills = result.Fills.Select(f => (DateOnly.FromDateTime(f.TsEvent.ToUtcDateTime()), f.Side, f.Quantity.ToDecimal(),
            f.Price)).ToArray();
        var handFills = expected.Fills.Select(f => (dates[f.Bar], f.Side, f.Quantity, f.Price)).ToArray();
        Assert.True(handFills.Length > (slow == 3 ? 100 : 10), $"the hand computation traded only {handFills.Length} times");
        Assert.Equal(handFills, fills);
        Assert.Equal((double)expected.FinalEquity, result.FinalEquity, 6);
        Assert.Equal(expected.Cash, result.FinalCash);
        Assert.Equal(bars.Length, result.Equity.Count);
    }

    private static (List<(int Bar, OrderSide Side, decimal Quantity, decimal Price)> Fills, decimal Cash, decimal FinalEquity) ByHand(
        decimal[] closes, int fast, int slow, decimal cash)
    {
        var c = closes.Select(x => (double)x).ToArray();
        double Sma(int end, int n)
        {
            var sum = 0.0;
            for (var k = end - n + 1; k <= end; k++)
            {
                sum += c[k];
            }

            return sum / n;
        }

        var fills = new List<(int, OrderSide, decimal, decimal)>();
        decimal held = 0;
        for (var t = slow - 1; t + 1 < c.Length; t++)
        {
            var above = Sma(t, fast) - Sma(t, slow) > 1e-9 * Sma(t, slow);
            if (above && held == 0)
            {
                var quantity = Math.Floor((decimal)((double)cash / c[t]));
                fills.Add((t + 1, OrderSide.Buy, quantity, closes[t + 1]));
                (held, cash) = (quantity, cash - quantity * closes[t + 1]);
            }
            else if (!above && held > 0)
            {
                fills.Add((t + 1, OrderSide.Sell, held, closes[t + 1]));
                (held, cash) = (0, cash + held * closes[t + 1]);
            }
        }

        return (fills, cash, cash + held * closes[^1]);
    }
}
