using MathNet.Numerics.LinearAlgebra;

namespace Nautilus.Portfolio.Domain.Estimation;

public enum CovarianceMethod
{
    /// <summary>Sample covariance over pairwise-complete periods (pandas <c>DataFrame.cov</c>, n − 1).</summary>
    Sample,

    /// <summary>Ledoit-Wolf shrinkage towards a constant-variance target (scikit-learn's <c>ledoit_wolf</c>, as PyPortfolioOpt).</summary>
    LedoitWolf,

    /// <summary>Exponentially weighted covariance (PyPortfolioOpt's <c>exp_cov</c>, span 180).</summary>
    Ewma,
}

/// <summary>
/// Annualised covariance matrices of asset returns with PyPortfolioOpt's conventions (<c>risk_models.py</c>): estimates
/// times the frequency, then, only when not positive semidefinite, negative eigenvalues set to zero.
/// </summary>
public static class RiskModels
{
    public static double[,] Covariance(ReturnSeries returns, CovarianceMethod method, int frequency = ExpectedReturns.TradingDays,
        int span = 180) => method switch
        {
            CovarianceMethod.Sample => SampleCovariance(returns, frequency),
            CovarianceMethod.LedoitWolf => LedoitWolf(returns, frequency),
            CovarianceMethod.Ewma => ExponentialCovariance(returns, span, frequency),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };

    public static double[,] SampleCovariance(ReturnSeries returns, int frequency = ExpectedReturns.TradingDays)
    {
        var m = returns.Assets;
        var columns = Enumerable.Range(0, m).Select(returns.Column).ToArray();
        var cov = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                cov[i, j] = cov[j, i] = PairwiseCovariance(columns[i], columns[j]) * frequency;
            }
        }

        return FixNonPositiveSemidefinite(cov);
    }

    /// <summary>Pairwise-complete correlations (pandas <c>DataFrame.corr</c>).</summary>
    public static double[,] SampleCorrelation(ReturnSeries returns)
    {
        var m = returns.Assets;
        var columns = Enumerable.Range(0, m).Select(returns.Column).ToArray();
        var corr = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            corr[i, i] = 1;
            for (var j = 0; j < i; j++)
            {
                corr[i, j] = corr[j, i] = PairwiseCorrelation(columns[i], columns[j]);
            }
        }

        return corr;
    }

    /// <summary>Covariance over the periods where both have a value, around those periods' means, n − 1.</summary>
    public static double PairwiseCovariance(double[] a, double[] b)
    {
        var (n, sa, sb) = (0, 0.0, 0.0);
        for (var t = 0; t < a.Length; t++)
        {
            if (!double.IsNaN(a[t]) && !double.IsNaN(b[t]))
            {
                (n, sa, sb) = (n + 1, sa + a[t], sb + b[t]);
            }
        }

        if (n < 2)
        {
            return double.NaN;
        }

        var (ma, mb, sum) = (sa / n, sb / n, 0.0);
        for (var t = 0; t < a.Length; t++)
        {
            if (!double.IsNaN(a[t]) && !double.IsNaN(b[t]))
            {
                sum += (a[t] - ma) * (b[t] - mb);
            }
        }

        return sum / (n - 1);
    }

    private static double PairwiseCorrelation(double[] a, double[] b)
    {
        var (n, sa, sb) = (0, 0.0, 0.0);
        for (var t = 0; t < a.Length; t++)
        {
            if (!double.IsNaN(a[t]) && !double.IsNaN(b[t]))
            {
                (n, sa, sb) = (n + 1, sa + a[t], sb + b[t]);
            }
        }

        var (ma, mb, sab, saa, sbb) = (sa / n, sb / n, 0.0, 0.0, 0.0);
        for (var t = 0; t < a.Length; t++)
        {
            if (!double.IsNaN(a[t]) && !double.IsNaN(b[t]))
            {
                var (da, db) = (a[t] - ma, b[t] - mb);
                (sab, saa, sbb) = (sab + da * db, saa + da * da, sbb + db * db);
            }
        }

        return sab / Math.Sqrt(saa * sbb);
    }

    /// <summary>
    /// PyPortfolioOpt's <c>exp_cov</c>: for each pair, the exponentially weighted mean (span) of the product of the two
    /// assets' deviations from their full-sample means, at the last period.
    /// </summary>
    public static double[,] ExponentialCovariance(ReturnSeries returns, int span = 180, int frequency = ExpectedReturns.TradingDays)
    {
        var m = returns.Assets;
        var means = Enumerable.Range(0, m).Select(j => returns.Column(j).Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Average())
            .ToArray();
        var alpha = 2.0 / (span + 1);
        var cov = new double[m, m];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                cov[i, j] = cov[j, i] = ExpectedReturns.EwmLast(returns.Values, i, j, alpha, (means[i], means[j])) * frequency;
            }
        }

        return FixNonPositiveSemidefinite(cov);
    }

    /// <summary>
    /// Ledoit-Wolf shrinkage to <c>μI</c>, μ the average variance (Ledoit and Wolf 2004, "A well-conditioned estimator for
    /// large-dimensional covariance matrices"), as scikit-learn computes it: missing returns as zero (PyPortfolioOpt's
    /// <c>nan_to_num</c>), columns centred, the biased (1/n) sample covariance.
    /// </summary>
    public static double[,] LedoitWolf(ReturnSeries returns, int frequency = ExpectedReturns.TradingDays) =>
        Scale(LedoitWolfShrunk(returns, out _), frequency);

    public static double[,] LedoitWolfShrunk(ReturnSeries returns, out double shrinkage)
    {
        var (n, p) = (returns.Periods, returns.Assets);
        var x = new double[n, p];
        for (var j = 0; j < p; j++)
        {
            var mean = 0.0;
            for (var t = 0; t < n; t++)
            {
                mean += Zero(returns.Values[t][j]) / n;
            }

            for (var t = 0; t < n; t++)
            {
                x[t, j] = Zero(returns.Values[t][j]) - mean;
            }
        }

        var xm = Matrix<double>.Build.DenseOfArray(x);
        var empirical = xm.TransposeThisAndMultiply(xm) / n;
        var squares = xm.PointwisePower(2);
        var traceTerms = Enumerable.Range(0, p).Select(j => squares.Column(j).Sum() / n).ToArray();
        var mu = traceTerms.Sum() / p;
        var betaSum = squares.TransposeThisAndMultiply(squares).Enumerate().Sum();
        var deltaSum = xm.TransposeThisAndMultiply(xm).PointwisePower(2).Enumerate().Sum() / ((double)n * n);
        var beta = 1.0 / (p * n) * (betaSum / n - deltaSum);
        var delta = (deltaSum - 2 * mu * traceTerms.Sum() + p * mu * mu) / p;
        beta = Math.Min(beta, delta);
        shrinkage = beta == 0 ? 0 : beta / delta;
        var shrunk = (1 - shrinkage) * empirical;
        for (var i = 0; i < p; i++)
        {
            shrunk[i, i] += shrinkage * mu;
        }

        return shrunk.ToArray();

        static double Zero(double v) => double.IsNaN(v) ? 0 : v;
    }

    /// <summary>PyPortfolioOpt's spectral fix, only when a Cholesky factorisation fails: negative eigenvalues set to zero.</summary>
    public static double[,] FixNonPositiveSemidefinite(double[,] matrix)
    {
        var m = Matrix<double>.Build.DenseOfArray(matrix);
        var jittered = m + Matrix<double>.Build.DenseIdentity(m.RowCount) * 1e-16;
        try
        {
            _ = jittered.Cholesky();
            return matrix;
        }
        catch (ArgumentException)
        {
            var evd = m.Evd(Symmetricity.Symmetric);
            var values = evd.EigenValues.Map(v => Math.Max(v.Real, 0));
            return (evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(values) * evd.EigenVectors.Transpose()).ToArray();
        }
    }

    private static double[,] Scale(double[,] matrix, int frequency)
    {
        var result = (double[,])matrix.Clone();
        for (var i = 0; i < result.GetLength(0); i++)
        {
            for (var j = 0; j < result.GetLength(1); j++)
            {
                result[i, j] *= frequency;
            }
        }

        return result;
    }
}
