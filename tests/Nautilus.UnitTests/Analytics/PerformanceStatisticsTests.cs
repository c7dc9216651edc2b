using Nautilus.Analytics.Domain.Attribution;
using Nautilus.Analytics.Domain.Performance;

namespace Nautilus.UnitTests.Analytics;

public sealed class PerformanceStatisticsTests
{
    // quantopian/empyrical tests/test_stats.py: the daily series "mixed".
    private static readonly double[] Mixed = [double.NaN, 0.01, 0.10, -0.04, 0.02, 0.03, 0.02, 0.01, -0.10];

    [Fact]
    public void Statistics_of_empyricals_mixed_series_match_its_test_expectations()
    {
        var report = PerformanceStatistics.Compute(Mixed, null, new PerformanceSettings());

        Assert.Equal(1.7238613961706866, report.Sharpe!.Value, 12);
        Assert.Equal(1.9135925373194231, report.AnnualReturn!.Value, 11);
        Assert.Equal(0.9136465399704637, report.AnnualVolatility!.Value, 12);
        Assert.Equal(-0.1, report.MaxDrawdown!.Value, 12);
        Assert.Equal(9, report.Periods);
        Assert.Equal(8, report.Observations);
    }

    [Fact]
    public void The_max_drawdown_has_its_peak_valley_and_recovery()
    {
        // Up 10 %, down to 88 (−20 % from 110), back above 110 two periods later.
        double[] returns = [0.10, -0.10, -0.1111111111111111, 0.15, 0.10, 0.01];
        var report = PerformanceStatistics.Compute(returns, null, new PerformanceSettings());
        var drawdown = report.MaxDrawdownPeriod!;
        Assert.Equal(0, drawdown.Peak);
        Assert.Equal(2, drawdown.Valley);
        Assert.Equal(-0.2, drawdown.Depth, 12);
        Assert.Equal(4, drawdown.Recovery); // 88 × 1.15 × 1.10 = 111.32 > 110
        Assert.Equal(4, drawdown.Duration);
        Assert.Equal(report.AnnualReturn!.Value / Math.Abs(report.MaxDrawdown!.Value), report.Calmar!.Value, 9);
    }

    [Fact]
    public void Sortino_omega_and_downside_risk_follow_their_definitions()
    {
        // Downside risk = √(mean of min(r − MAR, 0)²)·√P over all 4 returns; Sortino = mean(r − MAR)·P / downside risk.
        double[] returns = [0.02, -0.01, 0.03, -0.02];
        var report = PerformanceStatistics.Compute(returns, null, new PerformanceSettings(PeriodsPerYear: 12, Mar: 0.005));
        var downside = Math.Sqrt((0.015 * 0.015 + 0.025 * 0.025) / 4) * Math.Sqrt(12);
        Assert.Equal(downside, report.DownsideRisk!.Value, 14);
        Assert.Equal((0.02 - 0.005 - 0.01 - 0.005 + 0.03 - 0.005 - 0.02 - 0.005) / 4 * 12 / downside, report.Sortino!.Value, 12);
        // Omega: gains above the MAR (0.015 + 0.025) over losses below it (0.015 + 0.025).
        Assert.Equal(1.0, report.Omega!.Value, 12);
        Assert.Equal(0.5, report.HitRate!.Value);
        Assert.Equal(0.05 / 0.03, report.ProfitFactor!.Value, 12);
    }

    [Fact]
    public void A_portfolio_that_is_twice_its_benchmark_plus_a_constant_has_beta_two_and_that_alpha()
    {
        var random = new Random(5);
        var benchmark = Enumerable.Range(0, 500).Select(_ => (random.NextDouble() - 0.5) * 0.04).ToArray();
        var returns = benchmark.Select(b => 2 * b + 0.0004).ToArray();
        var report = PerformanceStatistics.Compute(returns, benchmark, new PerformanceSettings());

        Assert.Equal(2.0, report.Beta!.Value, 10);
        Assert.Equal(Math.Pow(1.0004, 252) - 1, report.Alpha!.Value, 10);
        Assert.True(report.UpCapture > 1 && report.DownCapture > 1);
        Assert.NotNull(report.TrackingError);
    }

    [Fact]
    public void Statistics_the_input_cannot_support_are_null_with_a_note_never_nan()
    {
        var report = PerformanceStatistics.Compute([0.01, 0.01, 0.01], null, new PerformanceSettings());
        Assert.Null(report.Sharpe);
        Assert.Null(report.Sortino);
        Assert.Null(report.Calmar);
        Assert.Null(report.Alpha);
        Assert.Contains(report.Notes, n => n.Contains("Sharpe"));
        Assert.Contains(report.Notes, n => n.Contains("benchmark"));
        Assert.Equal(1.0, report.Stability!.Value, 12); // constant growth: a straight line in log wealth
    }

    [Fact]
    public void Trades_and_rolling_windows_are_summarised()
    {
        var report = PerformanceStatistics.Compute([0.01, -0.02, 0.03, 0.01, -0.01], null, new PerformanceSettings(RollingWindow: 3),
            [new TradeOutcome(100, -20, 150), new TradeOutcome(-50, -80, 10), new TradeOutcome(200, -5, 260)]);
        var trades = report.Trades!;
        Assert.Equal(2.0 / 3, trades.WinRate!.Value, 12);
        Assert.Equal(150, trades.AverageWin);
        Assert.Equal(-50, trades.AverageLoss);
        Assert.Equal(250.0 / 3, trades.Expectancy!.Value, 12);
        Assert.Equal(6, trades.ProfitFactor);
        Assert.Equal(3, report.Rolling!.Sharpe.Count);
        Assert.Equal(1.01 * 0.98 * 1.03 - 1, report.Rolling.Return[0]!.Value, 12);
    }

    [Fact]
    public void Bad_input_names_the_field()
    {
        Assert.Equal("returns", Assert.Throws<PerformanceInputException>(() =>
            PerformanceStatistics.Compute([0.1, double.PositiveInfinity], null, new PerformanceSettings())).Field);
        Assert.Equal("benchmark", Assert.Throws<PerformanceInputException>(() =>
            PerformanceStatistics.Compute([0.1, 0.2], [0.1], new PerformanceSettings())).Field);
        Assert.Equal("rollingWindow", Assert.Throws<PerformanceInputException>(() =>
            PerformanceStatistics.Compute([0.1, 0.2], null, new PerformanceSettings(RollingWindow: 5))).Field);
    }

    [Fact]
    public void Brinson_fachler_effects_sum_to_the_active_return()
    {
        // Two sectors; computed by hand: R_p = 0.6·0.10 + 0.4·0.02 = 0.068, R_b = 0.5·0.08 + 0.5·0.03 = 0.055.
        var result = BrinsonFachler.Attribute([
            new AttributionSegment("Tech", 0.6, 0.5, 0.10, 0.08),
            new AttributionSegment("Energy", 0.4, 0.5, 0.02, 0.03),
        ]);
        Assert.Equal(0.068, result.PortfolioReturn, 12);
        Assert.Equal(0.055, result.BenchmarkReturn, 12);
        // Tech: allocation 0.1·(0.08 − 0.055) = 0.0025, selection 0.5·0.02 = 0.01, interaction 0.1·0.02 = 0.002.
        Assert.Equal((0.0025, 0.01, 0.002), (Math.Round(result.Segments[0].Allocation, 12), Math.Round(result.Segments[0].Selection, 12),
            Math.Round(result.Segments[0].Interaction, 12)));
        Assert.Equal(result.ActiveReturn, result.Allocation + result.Selection + result.Interaction, 14);
        Assert.Equal("segments.benchmarkWeight", Assert.Throws<PerformanceInputException>(() =>
            BrinsonFachler.Attribute([new AttributionSegment("A", 1, 0.9, 0.1, 0.1)])).Field);
    }

    [Fact]
    public void Rolling_windows_agree_with_each_window_computed_on_its_own()
    {
        // The rolling pass keeps running sums; each window recomputed from scratch (sample σ, compounded growth) must agree.
        var random = new Random(3);
        var returns = Enumerable.Range(0,
            400).Select(i => i % 37 == 5 ? double.NaN : 0.0004 + 0.01 * (random.NextDouble() - 0.5)).ToArray();
        const int window = 21;
        var rolling = PerformanceStatistics.Compute(returns, null, new PerformanceSettings(RiskFree: 0.0001,
            RollingWindow: window)).Rolling!;

        for (var end = window; end <= returns.Length; end++)
        {
            var values = returns[(end - window)..end].Where(double.IsFinite).ToArray();
            var mean = values.Average();
            var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
            Assert.Equal((mean - 0.0001) / std * Math.Sqrt(252), rolling.Sharpe[end - window]!.Value, 9);
            Assert.Equal(std * Math.Sqrt(252), rolling.Volatility[end - window]!.Value, 12);
            Assert.Equal(values.Aggregate(1.0, (w, r) => w * (1 + r)) - 1, rolling.Return[end - window]!.Value, 12);
        }
    }
}
