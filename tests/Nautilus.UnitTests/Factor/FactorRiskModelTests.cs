using Nautilus.Factor.Domain;

namespace Nautilus.UnitTests.Factor;

public class FactorRiskModelTests
{
    [Fact]
    public void Newey_west_on_an_alternating_series_is_worked_by_hand()
    {
        // f = (1, −1, 1, −1), mean 0, equal weights (a half-life far longer than the series): Γ0 = 4/4 = 1, Γ1 = Σ f_t f_{t−1} / 4
        // = −3/4; with one lag, Γ0 + (1 − 1/2)(Γ1 + Γ1') = 1 − 0.75 = 0.25 a day: negative autocorrelation shrinks the variance.
        double[][] f = [[1], [-1], [1], [-1]];
        Assert.Equal(1.0, FactorRiskModel.FactorCovariance(f, halfLife: 1e12, frequency: 1)[0, 0], 9);
        Assert.Equal(0.25, FactorRiskModel.FactorCovariance(f, halfLife: 1e12, neweyWestLags: 1, frequency: 1)[0, 0], 9);
    }

    [Fact]
    public void The_exponential_weights_halve_every_half_life()
    {
        // Two days, half-life one day: weights 1/2 and 1; mean (0.5·a + b) / 1.5.
        double[][] f = [[0.02, 0.01], [-0.01, 0.03]];
        var cov = FactorRiskModel.FactorCovariance(f, halfLife: 1, frequency: 1);
        double[] w = [0.5, 1];
        var mean = new[] { (0.5 * 0.02 + -0.01) / 1.5, (0.5 * 0.01 + 0.03) / 1.5 };
        var expected = (w[0] * (0.02 - mean[0]) * (0.01 - mean[1]) + w[1] * (-0.01 - mean[0]) * (0.03 - mean[1])) / 1.5;
        Assert.Equal(expected, cov[0, 1], 15);
        Assert.Equal(cov[0, 1], cov[1, 0], 15);
    }

    [Fact]
    public void A_portfolios_variance_splits_into_factor_and_specific_parts_that_add_up()
    {
        double[] weights = [0.5, 0.3, 0.2];
        double[][] exposures = [[1, 0.8], [1, -0.4], [1, 1.5]];
        var factors = new[,] { { 0.03, 0.005 }, { 0.005, 0.02 } };
        double[] specific = [0.04, 0.09, 0.16];
        var risk = FactorRiskModel.Decompose(weights, exposures, factors, specific);

        // Directly: w'(XFX' + D)w.
        var direct = 0.0;
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var common = 0.0;
                for (var a = 0; a < 2; a++)
                {
                    for (var b = 0; b < 2; b++)
                    {
                        common += exposures[i][a] * factors[a, b] * exposures[j][b];
                    }
                }

                direct += weights[i] * weights[j] * (common + (i == j ? specific[i] : 0));
            }
        }

        Assert.Equal(direct, risk.TotalVariance, 15);
        Assert.Equal(1.0, risk.FactorContributions.Sum() + risk.SpecificContribution, 12);
        Assert.Equal(1.0, risk.Exposures[0], 12);
        Assert.Equal(0.58, risk.Exposures[1], 12); // 0.5·0.8 − 0.3·0.4 + 0.2·1.5
        Assert.Equal(0.25 * 0.04 + 0.09 * 0.09 + 0.04 * 0.16, risk.SpecificVariance, 15);
    }
}
