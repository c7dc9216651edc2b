using Nautilus.Risk.Domain.Statistics;
using Nautilus.Risk.Domain.Var;

namespace Nautilus.UnitTests.Risk;

public sealed class ValueAtRiskTests
{
    private static readonly double Z99 = NormalDistribution.Quantile(0.99);

    [Fact]
    public void Parametric_var_matches_hulls_single_stock_example()
    {
        // Hull, Risk Management and Financial Institutions, model-building approach: $10M in one stock with 2 % daily
        // volatility has a 10-day 99 % VaR of $1,473,621 with z = 2.33; we use the exact quantile 2.326348.
        var (var, _) = ValueAtRisk.Normal(0, 10_000_000 * 0.02, new VarSettings(0.99, HorizonDays: 10));
        Assert.Equal(1_473_621 * Z99 / 2.33, var, 0.5);

        // $5M with 1 % daily volatility: $368,405.
        var (small, _) = ValueAtRisk.Normal(0, 5_000_000 * 0.01, new VarSettings(0.99, HorizonDays: 10));
        Assert.Equal(368_405 * Z99 / 2.33, small, 0.5);
    }

    [Fact]
    public void Parametric_var_of_two_correlated_positions_matches_hull_and_its_components_sum_to_it()
    {
        // Hull: the two positions above with correlation 0.3 have a 1-day σ of $220,227 and a 10-day 99 % VaR of
        // $1,622,657 (z = 2.33).
        double[] positions = [10_000_000, 5_000_000];
        var covariance = new[,] { { 0.02 * 0.02, 0.3 * 0.02 * 0.01 }, { 0.3 * 0.02 * 0.01, 0.01 * 0.01 } };
        var result = ValueAtRisk.OfCovariance([0, 0], covariance, positions, new VarSettings(0.99, HorizonDays: 10));

        Assert.Equal(1_622_657 * Z99 / 2.33, result.Var, 1.0);
        Assert.Equal(220_227, result.Var / (Z99 * Math.Sqrt(10)), 0.5);
        Assert.Equal(result.Var, result.Components!.Sum(), 1e-6);
        Assert.Equal(result.Components![0] / positions[0], result.Marginal![0], 1e-12);
        // The diversification benefit: less than the sum of the stand-alone figures.
        Assert.True(result.Var < (1_473_621 + 368_405) * Z99 / 2.33);
    }

    [Theory]
    // Hull: for normal P&L, ES/σ = φ(z)/(1 − α): 2.0627128 at 95 %, 2.3378028 at 97.5 %, 2.6652142 at 99 %.
    [InlineData(0.95, 2.0627128)]
    [InlineData(0.975, 2.3378028)]
    [InlineData(0.99, 2.6652142)]
    public void Normal_expected_shortfall_is_the_closed_form(double confidence, double esOverSigma)
    {
        var (_, es) = ValueAtRisk.Normal(0, 1, new VarSettings(confidence));
        Assert.Equal(esOverSigma, es, 6);
    }

    [Fact]
    public void Historical_var_is_the_kth_worst_loss_and_es_the_mean_of_the_k_worst()
    {
        // 500 scenarios at 99 %: k = 5, VaR the fifth-worst loss (Hull's rule), ES the mean of the five worst.
        var pnl = Enumerable.Range(0, 500).Select(i => (double)(i % 97) - 40).ToArray();
        double[] worst = [-477.841, -345.435, -282.204, -277.041, -253.385];
        for (var i = 0; i < worst.Length; i++)
        {
            pnl[i * 100 + 7] = worst[i];
        }

        var result = ValueAtRisk.OfPnl(pnl, VarMethod.Historical, new VarSettings(0.99));
        Assert.Equal(253.385, result.Var, 9);
        Assert.Equal((477.841 + 345.435 + 282.204 + 277.041 + 253.385) / 5, result.Es, 9);

        // Ten days by √10, and nothing scaled when the scenarios already are ten-day outcomes.
        Assert.Equal(253.385 * Math.Sqrt(10), ValueAtRisk.OfPnl(pnl, VarMethod.Historical, new VarSettings(0.99, 10)).Var, 9);
        Assert.Equal(253.385, ValueAtRisk.OfPnl(pnl, VarMethod.Historical, new VarSettings(0.99, 10, HorizonScaling.None)).Var, 9);
    }

    [Fact]
    public void Cornish_fisher_without_skew_or_excess_kurtosis_is_the_normal_figure()
    {
        var moments = new SampleMoments(1000, 0.001, 0.02, 0, 0);
        var settings = new VarSettings(0.99);
        var (cfVar, cfEs) = ValueAtRisk.CornishFisher(moments, settings);
        var (var, es) = ValueAtRisk.Normal(0.001, 0.02, settings);
        Assert.Equal(var, cfVar, 12);
        Assert.Equal(es, cfEs, 5);

        // Fat left tail: negative skew and excess kurtosis raise the 99 % VaR above the normal one.
        var (fat, _) = ValueAtRisk.CornishFisher(moments with { Skewness = -0.5, ExcessKurtosis = 3 }, settings);
        Assert.True(fat > var);
    }

    [Fact]
    public void Monte_carlo_var_of_a_normal_portfolio_converges_to_the_parametric_value()
    {
        var returns = CorrelatedReturns(2_000, seed: 7);
        double[] positions = [1_000_000, -400_000, 250_000];
        var parametric = ValueAtRisk.OfPositions(returns, positions, VarMethod.Parametric, new VarSettings(0.99));
        var monteCarlo = ValueAtRisk.OfPositions(returns, positions, VarMethod.MonteCarlo, new VarSettings(0.99, Paths: 400_000, Seed: 42));

        // Standard error of a 99 % quantile over 400,000 paths is about 0.4 % of it.
        Assert.Equal(parametric.Var, monteCarlo.Var, parametric.Var * 0.015);
        Assert.Equal(parametric.Es, monteCarlo.Es, parametric.Es * 0.015);
        Assert.Equal(monteCarlo.Var, monteCarlo.Components!.Sum(), 1e-6);

        // The same seed gives the same figure; antithetic pairs stay close.
        var again = ValueAtRisk.OfPositions(returns, positions, VarMethod.MonteCarlo, new VarSettings(0.99, Paths: 400_000, Seed: 42));
        Assert.Equal(monteCarlo.Var, again.Var);
        var antithetic = ValueAtRisk.OfPositions(returns, positions, VarMethod.MonteCarlo,
            new VarSettings(0.99, Paths: 400_000, Seed: 42, Antithetic: true));
        Assert.Equal(parametric.Var, antithetic.Var, parametric.Var * 0.015);
    }

    [Fact]
    public void Monte_carlo_var_of_a_pnl_series_converges_to_its_parametric_value()
    {
        var pnl = CorrelatedReturns(1_000, seed: 9).Select(r => 1_000_000 * r[1]).ToArray();
        var parametric = ValueAtRisk.OfPnl(pnl, VarMethod.Parametric, new VarSettings(0.99, HorizonDays: 5));
        var monteCarlo = ValueAtRisk.OfPnl(pnl, VarMethod.MonteCarlo, new VarSettings(0.99, HorizonDays: 5, Paths: 400_000, Seed: 3));
        Assert.Equal(parametric.Var, monteCarlo.Var, parametric.Var * 0.015);
        Assert.Equal(parametric.Es, monteCarlo.Es, parametric.Es * 0.015);
    }

    [Fact]
    public void Historical_components_share_the_tail_loss_and_sum_to_var()
    {
        var returns = CorrelatedReturns(1_000, seed: 3);
        double[] weights = [0.5, 0.3, 0.2];
        var result = ValueAtRisk.OfPositions(returns, weights, VarMethod.Historical, new VarSettings(0.975));
        Assert.Equal(result.Var, result.Components!.Sum(), 1e-12);
        Assert.All(result.Components!, c => Assert.True(double.IsFinite(c)));
    }

    [Fact]
    public void Ewma_covariance_weights_recent_days_more()
    {
        // Calm for 200 days, then 20 wild ones: EWMA (λ 0.94) sees the storm, the equal-weighted sample much less.
        var returns = Enumerable.Range(0, 220).Select(t => new[] { (t % 2 == 0 ? 1 : -1) * (t < 200 ? 0.005 : 0.05) }).ToArray();
        var sample = Covariance.Estimate(returns)[0, 0];
        var ewma = Covariance.Estimate(returns, CovarianceMethod.Ewma)[0, 0];
        Assert.True(ewma > 3 * sample, $"EWMA {ewma} vs sample {sample}");
    }

    [Theory]
    [InlineData(double.NaN, "pnl")]
    [InlineData(double.PositiveInfinity, "pnl")]
    public void Bad_series_name_the_field(double bad, string field)
    {
        var pnl = Enumerable.Repeat(1.0, 200).ToArray();
        pnl[17] = bad;
        var error = Assert.Throws<RiskInputException>(() => ValueAtRisk.OfPnl(pnl, VarMethod.Historical, new VarSettings(0.99)));
        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void Too_few_scenarios_bad_confidence_and_ragged_returns_are_refused_by_field()
    {
        var short99 = Assert.Throws<RiskInputException>(() => ValueAtRisk.OfPnl(new double[50], VarMethod.Historical,
            new VarSettings(0.99)));
        Assert.Equal("pnl", short99.Field);
        Assert.Contains("at least 100", short99.Problem);

        Assert.Equal("confidence", Assert.Throws<RiskInputException>(() =>
            ValueAtRisk.OfPnl(new double[500], VarMethod.Parametric, new VarSettings(1.2))).Field);
        Assert.Equal("returns", Assert.Throws<RiskInputException>(() =>
            ValueAtRisk.OfPositions([[0.1, 0.2], [0.1]], [1, 1], VarMethod.Parametric, new VarSettings(0.95))).Field);
    }

    [Fact]
    public void A_matrix_with_a_clearly_negative_eigenvalue_is_not_a_covariance()
    {
        var notCovariance = new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } }; // eigenvalues 3 and −1
        Assert.Throws<NotPositiveSemidefiniteException>(() => Covariance.SquareRoot(notCovariance));
        // Singular but positive semidefinite (two identical assets): repaired through the eigen-decomposition.
        var (_, repaired) = Covariance.SquareRoot(new[,] { { 1.0, 1.0 }, { 1.0, 1.0 } });
        Assert.True(repaired);
    }

    /// <summary>Three assets with daily volatilities 1 %, 2 %, 1.5 % and correlations 0.5, 0.2, −0.1, normally distributed.</summary>
    internal static double[][] CorrelatedReturns(int days, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Enumerable.Range(0, days).Select(_ =>
        {
            double a = Normal(), b = Normal(), c = Normal();
            return new[] { 0.01 * a, 0.02 * (0.5 * a + Math.Sqrt(0.75) * b), 0.015 * (0.2 * a - 0.2 * b + Math.Sqrt(1 - 0.04 - 0.04) * c) };
        }).ToArray();
    }
}
