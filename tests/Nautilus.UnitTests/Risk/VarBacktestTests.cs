using Nautilus.Risk.Domain.Backtesting;
using Nautilus.Risk.Domain.Var;

namespace Nautilus.UnitTests.Risk;

public sealed class VarBacktestTests
{
    [Fact]
    public void Kupiec_matches_the_published_varbacktest_example()
    {
        // MATLAB Risk Management Toolbox, varbacktest documentation: VaR level 95 %, 1,043 observations, 57 exceptions
        // give a proportion-of-failures likelihood ratio of 0.46147 and a p-value of 0.49694.
        var (pnl, var) = Series(1_043, Enumerable.Range(0, 57).Select(i => i * 18 + 5));
        var result = VarBacktest.Run(pnl, var, 0.95);

        Assert.Equal(57, result.Exceptions);
        Assert.Equal(0.46147, result.Kupiec.Lr, 5);
        Assert.Equal(0.49694, result.Kupiec.PValue, 5);
        Assert.Null(result.TrafficLight); // only for 250 days at 99 %
    }

    [Fact]
    public void Christoffersen_counts_transitions_as_computed_by_hand()
    {
        // Exceptions on days 2, 3, 7 and 12 of 20 at 95 %: transitions n00 = 12, n01 = 3, n10 = 3, n11 = 1, so
        // π01 = 3/15, π11 = 1/4, π = 4/19; LR_ind = −2 ln[(1−π)^15 π^4] + 2 ln[(1−π01)^12 π01^3 (1−π11)^3 π11^1]
        // = 0.046066423, p = 0.830055 (χ²(1)); LR_pof = 5.591146667; LR_cc = 5.637213091, p = 0.059689 (χ²(2)).
        var (pnl, var) = Series(20, [2, 3, 7, 12]);
        var result = VarBacktest.Run(pnl, var, 0.95);

        Assert.Equal(5.591146667, result.Kupiec.Lr, 8);
        var c = result.Christoffersen!;
        Assert.Equal(0.046066423, c.LrInd, 8);
        Assert.Equal(0.830055, c.PValueInd, 5);
        Assert.Equal(5.637213091, c.LrCc, 8);
        Assert.Equal(0.059689, c.PValueCc, 5);
    }

    [Theory]
    // Basel Committee (1996), supervisory framework for backtesting: 250 days at 99 %.
    [InlineData(0, TrafficLight.Green)]
    [InlineData(4, TrafficLight.Green)]
    [InlineData(5, TrafficLight.Yellow)]
    [InlineData(9, TrafficLight.Yellow)]
    [InlineData(10, TrafficLight.Red)]
    public void Basel_traffic_light_for_250_days_at_99(int exceptions, TrafficLight zone)
    {
        var (pnl, var) = Series(250, Enumerable.Range(0, exceptions).Select(i => i * 20 + 1));
        var result = VarBacktest.Run(pnl, var, 0.99);
        Assert.Equal(zone, result.TrafficLight);
        Assert.Equal(exceptions, result.ExceptionIndices.Count);
    }

    [Fact]
    public void Series_of_different_lengths_and_bad_values_are_refused_by_field()
    {
        Assert.Equal("var", Assert.Throws<RiskInputException>(() => VarBacktest.Run(new double[10], new double[9], 0.99)).Field);
        Assert.Equal("pnl", Assert.Throws<RiskInputException>(() => VarBacktest.Run([1, double.NaN], [1, 1], 0.99)).Field);
        Assert.Equal("confidence", Assert.Throws<RiskInputException>(() => VarBacktest.Run([1, 2], [1, 1], 0)).Field);
    }

    /// <summary>P&amp;L of +1 against a VaR of 10, with a loss of 20 (an exception) on the given days.</summary>
    private static (double[] Pnl, double[] Var) Series(int days, IEnumerable<int> exceptionDays)
    {
        var pnl = Enumerable.Repeat(1.0, days).ToArray();
        foreach (var d in exceptionDays)
        {
            pnl[d] = -20;
        }

        return (pnl, Enumerable.Repeat(10.0, days).ToArray());
    }
}
