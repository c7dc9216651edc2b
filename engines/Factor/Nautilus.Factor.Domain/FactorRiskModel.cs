namespace Nautilus.Factor.Domain;

/// <summary>A portfolio's risk split: total variance, the factor and specific parts, and each factor's Euler share of the total.</summary>
public sealed record RiskDecomposition(double TotalVariance, double FactorVariance, double SpecificVariance, double[] Exposures,
    double[] FactorContributions, double SpecificContribution)
{
    public double Volatility => Math.Sqrt(TotalVariance);
}

/// <summary>
/// The risk side of the factor model (Barra USE4's construction): the factor covariance from the daily factor returns,
/// exponentially weighted with a half-life and optionally Newey-West adjusted for serial correlation (Bartlett weights
/// <c>1 − l / (L + 1)</c> on the lag-l autocovariances); specific variances from each asset's residuals, weighted the
/// same way; both annualised. A portfolio's variance is then <c>x'Fx + Σ w_i² σ_i²</c> with <c>x = X'w</c> its exposures.
/// </summary>
public static class FactorRiskModel
{
    public const int TradingDays = 252;

    /// <summary>
    /// Rows of factor returns (oldest first) to their annualised covariance: weights <c>0.5^(age / halfLife)</c>, deviations
    /// from the weighted mean, normalised by the total weight; with <paramref name="neweyWestLags"/> &gt; 0 the weighted lagged
    /// autocovariances are added with Bartlett weights.
    /// </summary>
    public static double[,] FactorCovariance(IReadOnlyList<double[]> factorReturns, double halfLife = 90, int neweyWestLags = 0,
        int frequency = TradingDays)
    {
        var t = factorReturns.Count;
        if (t < 2)
        {
            throw new FactorInputException("factorReturns", "a covariance needs at least two days of factor returns");
        }

        if (!(halfLife > 0))
        {
            throw new FactorInputException("halfLife", "must be positive");
        }

        if (neweyWestLags < 0 || neweyWestLags >= t)
        {
            throw new FactorInputException("neweyWestLags", $"must be 0 to {t - 1}");
        }

        var k = factorReturns[0].Length;
        var weights = Weights(t, halfLife);
        var total = weights.Sum();
        var mean = new double[k];
        for (var d = 0; d < t; d++)
        {
            if (factorReturns[d].Length != k)
            {
                throw new FactorInputException($"factorReturns[{d}]", $"has {factorReturns[d].Length} factors, not {k}");
            }

            for (var j = 0; j < k; j++)
            {
                mean[j] += weights[d] * factorReturns[d][j] / total;
            }
        }

        var covariance = new double[k, k];
        for (var lag = 0; lag <= neweyWestLags; lag++)
        {
            var bartlett = lag == 0 ? 1.0 : 1 - (double)lag / (neweyWestLags + 1);
            for (var d = lag; d < t; d++)
            {
                var w = weights[d] * bartlett / total;
                for (var a = 0; a < k; a++)
                {
                    var da = factorReturns[d][a] - mean[a];
                    for (var b = 0; b < k; b++)
                    {
                        var cross = da * (factorReturns[d - lag][b] - mean[b]);
                        covariance[a, b] += w * cross;
                        if (lag > 0)
                        {
                            covariance[b, a] += w * cross; // Γ_l + Γ_l'
                        }
                    }
                }
            }
        }

        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                covariance[a, b] *= frequency;
            }
        }

        return covariance;
    }

    /// <summary>Each asset's annualised specific variance: the weighted mean square of its residuals (NaN where it has none).</summary>
    public static double[] SpecificVariances(IReadOnlyList<double[]> residuals, double halfLife = 90, int frequency = TradingDays)
    {
        var t = residuals.Count;
        var n = t == 0 ? 0 : residuals[0].Length;
        var weights = Weights(t, halfLife);
        var variances = new double[n];
        for (var i = 0; i < n; i++)
        {
            var (sum, total) = (0.0, 0.0);
            for (var d = 0; d < t; d++)
            {
                var e = residuals[d][i];
                if (!double.IsNaN(e))
                {
                    (sum, total) = (sum + weights[d] * e * e, total + weights[d]);
                }
            }

            variances[i] = total > 0 ? sum / total * frequency : double.NaN;
        }

        return variances;
    }

    /// <summary>Splits the variance of <paramref name="weights"/> into factors (Euler: x_k (Fx)_k) and specific risk.</summary>
    public static RiskDecomposition Decompose(double[] weights, double[][] exposures, double[,] factorCovariance,
        double[] specificVariances)
    {
        var n = weights.Length;
        var k = factorCovariance.GetLength(0);
        if (exposures.Length != n || specificVariances.Length != n)
        {
            throw new FactorInputException("exposures", $"{exposures.Length} rows of exposures and {specificVariances.Length} specific " +
                $"variances for {n} weights");
        }

        var x = new double[k];
        for (var i = 0; i < n; i++)
        {
            if (exposures[i].Length != k)
            {
                throw new FactorInputException($"exposures[{i}]", $"has {exposures[i].Length} factors; the covariance has {k}");
            }

            for (var j = 0; j < k; j++)
            {
                x[j] += weights[i] * exposures[i][j];
            }
        }

        var fx = new double[k];
        for (var a = 0; a < k; a++)
        {
            for (var b = 0; b < k; b++)
            {
                fx[a] += factorCovariance[a, b] * x[b];
            }
        }

        var factorVariance = x.Select((v, j) => v * fx[j]).Sum();
        var specificVariance = weights.Select((w, i) => w * w * specificVariances[i]).Sum();
        var total = factorVariance + specificVariance;
        return new RiskDecomposition(total, factorVariance, specificVariance, x, [.. x.Select((v, j) => v * fx[j] / total)],
            specificVariance / total);
    }

    private static double[] Weights(int t, double halfLife)
    {
        var decay = Math.Pow(0.5, 1 / halfLife);
        var weights = new double[t];
        for (var d = 0; d < t; d++)
        {
            weights[d] = Math.Pow(decay, t - 1 - d);
        }

        return weights;
    }
}
