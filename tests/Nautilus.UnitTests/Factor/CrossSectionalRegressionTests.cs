using Nautilus.Factor.Domain;

namespace Nautilus.UnitTests.Factor;

public class CrossSectionalRegressionTests
{
    [Fact]
    public void A_four_asset_example_solved_by_hand()
    {
        // Assets 1–2 in sector A, 3–4 in B; one style x = (1, −1, 1, −1); equal weights. Returns built from market 1 %,
        // sector A +0.2 % (so B −0.2 %: sectors sum to zero), style 0.5 %, plus 0.1 % × (1, −1, −1, 1), which is orthogonal to
        // the market, the sector contrast (1, 1, −1, −1) and the style, so least squares gives back exactly those factor
        // returns with that residual. Returns (1.8, 0.6, 1.2, 0.4) % around their mean 1 %: Σ(r − r̄)² = (64 + 16 + 4 + 36)e-6,
        // so R² = 1 − 4·(0.001)² / 1.2e-4 = 29/30.
        double[] returns = [0.017 + 0.001, 0.007 - 0.001, 0.013 - 0.001, 0.003 + 0.001];
        var result = CrossSectionalRegression.Regress(returns, ["A", "A", "B", "B"], [[1], [-1], [1], [-1]], [1, 1, 1, 1]);
        Assert.Equal(0.01, result.Market, 12);
        Assert.Equal(["A", "B"], result.SectorNames);
        Assert.Equal(0.002, result.Sectors[0], 12);
        Assert.Equal(-0.002, result.Sectors[1], 12);
        Assert.Equal(0.005, result.Styles[0], 12);
        Assert.Equal([0.001, -0.001, -0.001, 0.001], result.Residuals.Select(r => Math.Round(r, 12)));
        Assert.Equal(29.0 / 30, result.RSquared, 12);
    }

    [Fact]
    public void Planted_factor_returns_are_recovered_from_three_thousand_noisy_assets()
    {
        var random = new Random(7);
        const int n = 3000;
        string[] sectorNames = ["Energy", "Financials", "Health", "Industrials", "Technology", "Utilities"];
        double[] plantedSectors = [0.004, -0.002, 0.001, -0.0015, 0.003, -0.0045]; // sum zero
        double[] plantedStyles = [0.002, -0.001, 0.0005, 0.0015, -0.0025];
        const double plantedMarket = 0.006;
        var sectors = new string[n];
        var exposures = new double[n][];
        var weights = new double[n];
        var returns = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = random.Next(sectorNames.Length);
            sectors[i] = sectorNames[s];
            exposures[i] = [.. plantedStyles.Select(_ => Normal(random))];
            var cap = Math.Exp(20 + 1.5 * Normal(random));
            weights[i] = Math.Sqrt(cap);
            // Specific risk falls with size, as the √cap weighting assumes.
            var specific = 0.005 * Math.Pow(cap / Math.Exp(20), -0.25);
            returns[i] = plantedMarket + plantedSectors[s] + exposures[i].Select((x, k) => x * plantedStyles[k]).Sum()
                + specific * Normal(random);
        }

        // Tolerances are about four standard errors: specific risk ~0.5 % over ~500 assets a sector, 3,000 for a style.
        var result = CrossSectionalRegression.Regress(returns, sectors, exposures, weights);
        Assert.True(Math.Abs(result.Market - plantedMarket) < 2e-4, $"market {result.Market}");
        Assert.Equal(0.0, result.Sectors.Sum(), 12);
        for (var s = 0; s < plantedSectors.Length; s++)
        {
            Assert.True(Math.Abs(result.Sectors[s] - plantedSectors[s]) < 1e-3,
                $"{sectorNames[s]}: {result.Sectors[s]} vs {plantedSectors[s]}");
        }

        for (var k = 0; k < plantedStyles.Length; k++)
        {
            Assert.True(Math.Abs(result.Styles[k] - plantedStyles[k]) < 5e-4, $"style {k}: {result.Styles[k]} vs {plantedStyles[k]}");
        }

        // The weighted residuals are orthogonal to every column of the design.
        Assert.Equal(0.0, result.Residuals.Select((e, i) => e * weights[i]).Sum() / weights.Sum(), 12);
    }

    [Fact]
    public void Mismatched_lengths_and_a_singular_design_name_the_field()
    {
        Assert.Equal("exposures", Assert.Throws<FactorInputException>(() =>
            CrossSectionalRegression.Regress([0.01, 0.02, 0.03], ["A", "A", "B"], [[1], [2]], [1, 1, 1])).Field);
        Assert.Equal("weights", Assert.Throws<FactorInputException>(() =>
            CrossSectionalRegression.Regress([0.01, 0.02, 0.03], ["A", "A", "B"], [[1], [2], [3]], [1, 1])).Field);
        Assert.Equal("weights[1]", Assert.Throws<FactorInputException>(() =>
            CrossSectionalRegression.Regress([0.01, 0.02, 0.03], ["A", "A", "B"], [[1], [2], [3]], [1, 0, 1])).Field);
        // A constant style is the market again.
        Assert.Equal("exposures", Assert.Throws<FactorInputException>(() =>
            CrossSectionalRegression.Regress([0.01, 0.02, 0.03, 0.04], ["A", "A", "B", "B"], [[1], [1], [1], [1]], [1, 1, 1, 1])).Field);
    }

    [Fact]
    public void Standardised_exposures_are_cap_weighted_neutral_with_unit_spread_after_winsorising()
    {
        double[] scores = [1, 2, 3, 4, 5, 6, 7, 8, 9, 100];
        double[] caps = [1, 1, 1, 1, 1, 1, 1, 1, 1, 11];
        var exposures = ExposureStandardisation.Standardise(scores, caps);
        // numpy: the 95th percentile of 1..9, 100 is 9 + 0.55·91 = 59.05; 5th is 1.45.
        Assert.Equal(59.05, ExposureStandardisation.Percentile([.. scores.Order()], 0.95), 12);
        Assert.Equal(0.0, exposures.Select((x, i) => x * caps[i]).Sum(), 12);
        var mean = exposures.Average();
        Assert.Equal(1.0, Math.Sqrt(exposures.Sum(x => (x - mean) * (x - mean)) / 9), 12);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
