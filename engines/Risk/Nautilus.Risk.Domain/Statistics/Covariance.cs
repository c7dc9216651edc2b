using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Nautilus.Risk.Domain.Statistics;

public enum CovarianceMethod
{
    /// <summary>Sample covariance around the sample means, n − 1 in the denominator.</summary>
    Sample,

    /// <summary>
    /// RiskMetrics exponentially weighted covariance around zero: weight (1 − λ)·λ^k for the observation k periods
    /// before the newest, normalised to sum to one over the sample (λ = 0.94 for daily data by default).
    /// </summary>
    Ewma,
}

/// <summary>Covariance of asset returns (rows are scenarios or dates, oldest first; columns are assets).</summary>
public static class Covariance
{
    public const double RiskMetricsLambda = 0.94;

    public static double[,] Estimate(double[][] returns, CovarianceMethod method = CovarianceMethod.Sample,
        double lambda = RiskMetricsLambda)
    {
        var n = returns.Length;
        var m = n == 0 ? 0 : returns[0].Length;
        if (n < 2 || m == 0)
        {
            throw new ArgumentException("At least two scenarios of at least one asset are needed.", nameof(returns));
        }

        if (method == CovarianceMethod.Ewma && lambda is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lambda), lambda, "The EWMA decay must be in (0, 1).");
        }

        var weights = new double[n];
        var means = new double[m];
        double correction;
        if (method == CovarianceMethod.Sample)
        {
            Array.Fill(weights, 1.0);
            for (var t = 0; t < n; t++)
            {
                for (var j = 0; j < m; j++)
                {
                    means[j] += returns[t][j] / n;
                }
            }

            correction = 1.0 / (n - 1);
        }
        else
        {
            var total = 0.0;
            for (var t = 0; t < n; t++)
            {
                weights[t] = (1 - lambda) * Math.Pow(lambda, n - 1 - t);
                total += weights[t];
            }

            correction = 1.0 / total;
        }

        var cov = new double[m, m];
        for (var t = 0; t < n; t++)
        {
            var row = returns[t];
            var w = weights[t];
            for (var i = 0; i < m; i++)
            {
                var di = (row[i] - means[i]) * w;
                for (var j = 0; j <= i; j++)
                {
                    cov[i, j] += di * (row[j] - means[j]);
                }
            }
        }

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                cov[i, j] *= correction;
                cov[j, i] = cov[i, j];
            }
        }

        return cov;
    }

    /// <summary>
    /// A matrix A with A·Aᵀ = Σ: the Cholesky factor when Σ is positive definite; otherwise (a singular or slightly
    /// indefinite estimate, e.g. more assets than scenarios) V·√max(Λ, 0) from the eigen-decomposition, negative
    /// eigenvalues set to zero — the nearest positive semidefinite matrix in the Frobenius norm. Refused when an
    /// eigenvalue is negative beyond rounding (Σ is then not a covariance).
    /// </summary>
    public static (double[,] Factor, bool Repaired) SquareRoot(double[,] covariance)
    {
        var sigma = Matrix<double>.Build.DenseOfArray(covariance);
        try
        {
            return (sigma.Cholesky().Factor.ToArray(), false);
        }
        catch (ArgumentException)
        {
        }

        var evd = sigma.Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        var scale = Math.Max(values.Max(Math.Abs), double.Epsilon);
        if (values.Min() < -1e-8 * scale)
        {
            throw new NotPositiveSemidefiniteException(values.Min());
        }

        var root = evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalArray(values.Select(v => Math.Sqrt(Math.Max(v, 0))).ToArray());
        return (root.ToArray(), true);
    }
}

/// <summary>A matrix given as a covariance has a clearly negative eigenvalue.</summary>
public sealed class NotPositiveSemidefiniteException(double eigenvalue)
    : ArgumentException($"The covariance is not positive semidefinite (an eigenvalue is {eigenvalue:G4}).", "covariance")
{
    public double Eigenvalue { get; } = eigenvalue;
}
