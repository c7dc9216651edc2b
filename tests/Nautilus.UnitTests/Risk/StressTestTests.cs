using Nautilus.Risk.Domain.Stress;
using Nautilus.Risk.Domain.Var;

namespace Nautilus.UnitTests.Risk;

public sealed class StressTestTests
{
    private static readonly StressPosition[] Book =
    [
        new("AAPL", 1_000_000, "Technology", new Dictionary<string, double> { ["market"] = 1.2 }),
        new("MSFT", 500_000, "Technology", new Dictionary<string, double> { ["market"] = 1.0 }),
        new("XOM", -300_000, "Energy", new Dictionary<string, double> { ["market"] = 0.8, ["oil"] = 1.5 }),
    ];

    [Fact]
    public void An_instrument_shock_beats_its_sector_which_beats_the_factors()
    {
        var shock = new HypotheticalShock("tech sell-off",
            Instruments: new Dictionary<string, double> { ["AAPL"] = -0.15 },
            Sectors: new Dictionary<string, double> { ["Technology"] = -0.10 },
            Factors: new Dictionary<string, double> { ["market"] = -0.05, ["oil"] = 0.10 });
        var result = StressTest.Apply(Book, shock);

        Assert.Equal([("AAPL", "instrument", -150_000.0), ("MSFT", "sector", -50_000.0), ("XOM", "factors", -33_000.0)],
            result.Positions.Select(p => (p.Instrument, p.Source, Math.Round(p.Pnl, 6))));
        Assert.Equal(-150_000 - 50_000 - 300_000 * 0.11, result.Pnl, 6);
        Assert.Equal(result.Pnl / 1_800_000, result.PnlPercent, 12);
    }

    [Fact]
    public void The_worst_days_of_history_are_replayed_on_todays_positions_worst_first()
    {
        string[] instruments = ["AAPL", "MSFT", "XOM"];
        double[][] returns = [[0.01, 0.0, 0.0], [-0.05, -0.04, 0.02], [0.0, 0.0, 0.10], [-0.02, -0.01, -0.01]];
        var worst = StressTest.WorstHistoricalDays(Book, instruments, returns, ["d0", "d1", "d2", "d3"], 2);

        Assert.Equal(["d1", "d2"], worst.Select(w => w.Scenario));
        Assert.Equal(-50_000 - 20_000 - 6_000, worst[0].Pnl, 6);
        Assert.Equal(-30_000, worst[1].Pnl, 6);
    }

    [Fact]
    public void A_shock_below_minus_100_percent_and_missing_history_are_refused_by_field()
    {
        Assert.Equal("shocks", Assert.Throws<RiskInputException>(() =>
            StressTest.Apply(Book, new HypotheticalShock("x", Instruments: new Dictionary<string, double> { ["AAPL"] = -1.5 }))).Field);
        Assert.Equal("returns", Assert.Throws<RiskInputException>(() =>
            StressTest.WorstHistoricalDays(Book, ["AAPL"], [[0.1]], null, 1)).Field);
    }
}
