using MathNet.Numerics.LinearAlgebra;

namespace Nautilus.Portfolio.Domain.Optimisation;

/// <summary>
/// A view: the portfolio <see cref="Weights"/> (by asset index; one asset at 1 for an absolute view, +1/−1 for "A beats
/// B") is expected to return <see cref="Return"/>.
/// </summary>
public sealed record View(IReadOnlyDictionary<int, double> Weights, double Return);

/// <summary>Posterior expected returns and covariance.</summary>
public sealed record BlackLittermanPosterior(double[] Prior, double[] Returns, double[,] Covariance);

/// <summary>
/// Black-Litterman (Black and Litterman 1992; He and Litterman 1999 for the posterior covariance), with PyPortfolioOpt's
/// formulas: posterior returns <c>π + τΣP'(PτΣP' + Ω)⁻¹(Q − Pπ)</c>, posterior covariance <c>Σ + τΣ − τΣP'(PτΣP' + Ω)⁻¹PτΣ</c>,
/// view uncertainty Ω by default <c>diag(PτΣP')</c> (He and Litterman's proportional choice).
/// </summary>
public static class BlackLitterman
{
    public const double DefaultTau = 0.05;

    /// <summary>The market-implied prior <c>δΣw_mkt + rf</c> from market capitalisations.</summary>
    public static double[] ImpliedReturns(double[,] covariance, double[] marketCaps, double riskAversion = 1, double riskFree = 0)
    {
        var n = marketCaps.Length;
        if (marketCaps.Any(c => !(c >= 0)) || marketCaps.Sum() <= 0)
        {
            throw new PortfolioInputException("marketCaps", "market capitalisations must be non-negative and not all zero");
        }

        var total = marketCaps.Sum();
        var pi = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                pi[i] += riskAversion * covariance[i, j] * marketCaps[j] / total;
            }

            pi[i] += riskFree;
        }

        return pi;
    }

    public static BlackLittermanPosterior Posterior(double[] prior, double[,] covariance, IReadOnlyList<View> views,
        double tau = DefaultTau, double[]? viewVariances = null)
    {
        var n = prior.Length;
        if (views.Count == 0)
        {
            throw new PortfolioInputException("views", "Black-Litterman needs at least one view");
        }

        if (!(tau > 0))
        {
            throw new PortfolioInputException("tau", "must be positive");
        }

        var p = Matrix<double>.Build.Dense(views.Count, n);
        var q = Vector<double>.Build.Dense(views.Count);
        for (var k = 0; k < views.Count; k++)
        {
            if (views[k].Weights.Count == 0)
            {
                throw new PortfolioInputException($"views[{k}]", "names no asset");
            }

            foreach (var (asset, weight) in views[k].Weights)
            {
                p[k, asset] = weight;
            }

            q[k] = views[k].Return;
        }

        var sigma = Matrix<double>.Build.DenseOfArray(covariance);
        var tauSigma = tau * sigma;
        var pTauSigmaPt = p * tauSigma * p.Transpose();
        var omega = Matrix<double>.Build.Dense(views.Count, views.Count);
        for (var k = 0; k < views.Count; k++)
        {
            omega[k, k] = viewVariances?[k] ?? pTauSigmaPt[k, k];
            if (!(omega[k, k] > 0))
            {
                throw new PortfolioInputException($"views[{k}]", "the view has no uncertainty (its portfolio has no variance)");
            }
        }

        var a = pTauSigmaPt + omega;
        var piVector = Vector<double>.Build.DenseOfArray(prior);
        var tauSigmaPt = tauSigma * p.Transpose();
        var solveB = a.Solve(q - p * piVector);
        if (solveB.Any(v => !double.IsFinite(v)))
        {
            throw new PortfolioInputException("views", "the views are inconsistent (their covariance is singular)");
        }

        var posterior = piVector + tauSigmaPt * solveB;
        var m = tauSigma - tauSigmaPt * a.Solve(p * tauSigma);
        return new BlackLittermanPosterior(prior, posterior.ToArray(), (sigma + m).ToArray());
    }
}
