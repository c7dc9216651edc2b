using MathNet.Numerics.LinearAlgebra;

namespace Nautilus.Portfolio.Domain.Optimisation;

/// <summary>A corner portfolio of the efficient frontier: the weights where the set of assets at a bound changes.</summary>
public sealed record TurningPoint(double[] Weights, double Lambda, double ExpectedReturn, double Volatility);

/// <summary>
/// Markowitz's Critical Line Algorithm for long-only, fully invested portfolios with per-asset bounds, as Bailey and López de
/// Prado (2013, "An open-source implementation of the critical-line algorithm for portfolio optimization") and
/// PyPortfolioOpt implement it: from the highest-return corner, each step either binds a free weight or frees a bound one,
/// whichever happens at the higher risk-tolerance λ, down to the minimum-variance corner. The frontier between two corners
/// is their convex combination, so the maximum Sharpe ratio on each segment is found in closed form (the Sharpe ratio's
/// derivative along a segment has one root), not by a line search.
/// </summary>
public sealed class CriticalLineAlgorithm
{
    private readonly double[] _mu;
    private readonly Matrix<double> _sigma;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly int _n;

    public CriticalLineAlgorithm(double[] mu, double[,] covariance, double[] lower, double[] upper)
    {
        _n = mu.Length;
        _mu = (double[])mu.Clone();
        // Equal expected returns leave the first corner undefined (PyPortfolioOpt's nudge).
        if (_mu.All(m => m == _mu[0]) && _n > 0)
        {
            _mu[^1] += 1e-5;
        }

        _sigma = Matrix<double>.Build.DenseOfArray(covariance);
        (_lower, _upper) = (lower, upper);
        if (lower.Sum() > 1 + 1e-12 || upper.Sum() < 1 - 1e-12)
        {
            throw new PortfolioInputException("bounds",
                $"weights between their bounds sum to between {lower.Sum():G6} and {upper.Sum():G6}, never to 1");
        }

        TurningPoints = Solve();
    }

    public IReadOnlyList<TurningPoint> TurningPoints { get; }

    /// <summary>The maximum Sharpe ratio portfolio (excess over <paramref name="riskFree"/>) on the frontier.</summary>
    public double[] MaxSharpe(double riskFree = 0.02)
    {
        if (TurningPoints.Count == 1)
        {
            return TurningPoints[0].Weights;
        }

        var (best, bestSharpe) = (TurningPoints[0].Weights, double.NegativeInfinity);
        for (var k = 0; k + 1 < TurningPoints.Count; k++)
        {
            var (w0, w1) = (TurningPoints[k].Weights, TurningPoints[k + 1].Weights);
            // Along w(a) = w1 + a (w0 − w1): excess return α + βa, variance c0 + c1 a + c2 a².
            var d = w0.Select((v, i) => v - w1[i]).ToArray();
            var alpha = Dot(w1, _mu) - riskFree;
            var beta = Dot(d, _mu);
            var (c0, c1, c2) = (Quadratic(w1, w1), 2 * Quadratic(w1, d), Quadratic(d, d));
            var candidates = new List<double> { 0, 1 };
            var denominator = beta * c1 / 2 - alpha * c2;
            if (denominator != 0)
            {
                var a = (alpha * c1 / 2 - beta * c0) / denominator;
                if (a is > 0 and < 1)
                {
                    candidates.Add(a);
                }
            }

            foreach (var a in candidates)
            {
                var sharpe = (alpha + beta * a) / Math.Sqrt(c0 + c1 * a + c2 * a * a);
                if (sharpe > bestSharpe)
                {
                    bestSharpe = sharpe;
                    best = [.. w1.Select((v, i) => v + a * d[i])];
                }
            }
        }

        return best;
    }

    /// <summary>The minimum-variance corner (the last turning point).</summary>
    public double[] MinVolatility() => TurningPoints[^1].Weights;

    private List<TurningPoint> Solve()
    {
        var (free, w) = Start();
        var weights = new List<double[]> { (double[])w.Clone() };
        var lambdas = new List<double?> { null };
        while (true)
        {
            // (a) a free weight reaches a bound
            double? lambdaIn = null;
            var (iIn, boundIn) = (-1, 0.0);
            if (free.Count > 1)
            {
                var (inv, covFb, meanF, wB) = Matrices(free, weights[^1]);
                for (var j = 0; j < free.Count; j++)
                {
                    var i = free[j];
                    if (Lambda(inv, covFb, meanF, wB, j, null, (_lower[i], _upper[i])) is var (l, bi)
                        && l > (lambdaIn ?? double.NegativeInfinity))
                    {
                        (lambdaIn, iIn, boundIn) = (l, i, bi);
                    }
                }
            }

            // (b) a bound weight becomes free
            double? lambdaOut = null;
            var iOut = -1;
            if (free.Count < _n)
            {
                foreach (var i in Enumerable.Range(0, _n).Except(free))
                {
                    var withI = free.Append(i).ToList();
                    var (inv, covFb, meanF, wB) = Matrices(withI, weights[^1]);
                    if (Lambda(inv, covFb, meanF, wB, withI.Count - 1, weights[^1][i], default) is var (l, _)
                        && (lambdas[^1] is not { } last || l < last) && l > (lambdaOut ?? double.NegativeInfinity))
                    {
                        (lambdaOut, iOut) = (l, i);
                    }
                }
            }

            double lambda;
            bool minimumVariance;
            if ((lambdaIn is null or < 0) && (lambdaOut is null or < 0))
            {
                (lambda, minimumVariance) = (0, true);
            }
            else if ((lambdaIn ?? double.NegativeInfinity) > (lambdaOut ?? double.NegativeInfinity))
            {
                (lambda, minimumVariance) = (lambdaIn!.Value, false);
                free.Remove(iIn);
                w[iIn] = boundIn;
            }
            else
            {
                (lambda, minimumVariance) = (lambdaOut!.Value, false);
                free.Add(iOut);
            }

            lambdas.Add(lambda);
            var (invF, covFbF, meanFF, wBF) = Matrices(free, w);
            var wF = Weights(invF, covFbF, minimumVariance ? Vector<double>.Build.Dense(free.Count) : meanFF, wBF, lambda);
            for (var k = 0; k < free.Count; k++)
            {
                w[free[k]] = wF[k];
            }

            weights.Add((double[])w.Clone());
            if (minimumVariance)
            {
                break;
            }
        }

        return Purge(weights, lambdas);
    }

    /// <summary>
    /// All weights at their lower bounds, then the highest-return assets raised to their upper bounds until fully invested.
    /// </summary>
    private (List<int> Free, double[] W) Start()
    {
        var order = Enumerable.Range(0, _n).OrderBy(i => _mu[i]).ThenBy(i => i).ToArray();
        var w = (double[])_lower.Clone();
        var k = _n;
        while (w.Sum() < 1)
        {
            k--;
            w[order[k]] = _upper[order[k]];
        }

        w[order[k]] += 1 - w.Sum();
        return ([order[k]], w);
    }

    private (Matrix<double> Inverse, Matrix<double> CovFb, Vector<double> MeanF, Vector<double>? WB) Matrices(List<int> free, double[] w)
    {
        var bound = Enumerable.Range(0, _n).Except(free).ToArray();
        var covF = Matrix<double>.Build.Dense(free.Count, free.Count, (r, c) => _sigma[free[r], free[c]]);
        var covFb = Matrix<double>.Build.Dense(free.Count, bound.Length, (r, c) => _sigma[free[r], bound[c]]);
        var meanF = Vector<double>.Build.Dense(free.Count, r => _mu[free[r]]);
        var wB = bound.Length == 0 ? null : Vector<double>.Build.Dense(bound.Length, r => w[bound[r]]);
        return (covF.Inverse(), covFb, meanF, wB);
    }

    /// <summary>
    /// The λ at which free asset j would reach <paramref name="boundValue"/> (or, for a pair of bounds, the one it heads for).
    /// </summary>
    private static (double Lambda, double Bound)? Lambda(Matrix<double> inv, Matrix<double> covFb, Vector<double> meanF, Vector<double>? wB,
        int j, double? boundValue, (double Lower, double Upper) bounds)
    {
        var ones = Vector<double>.Build.Dense(meanF.Count, 1);
        var c1 = ones * inv * ones;
        var c2 = inv * meanF;
        var c3 = ones * inv * meanF;
        var c4 = inv * ones;
        var c = -c1 * c2[j] + c3 * c4[j];
        if (c == 0)
        {
            return null;
        }

        var bi = boundValue ?? (c > 0 ? bounds.Upper : bounds.Lower);
        if (wB is null)
        {
            return ((c4[j] - c1 * bi) / c, bi);
        }

        var l1 = wB.Sum();
        var l3 = inv * covFb * wB;
        var l2 = l3.Sum();
        return (((1 - l1 + l2) * c4[j] - c1 * (bi + l3[j])) / c, bi);
    }

    /// <summary>The free weights at λ given the bound ones.</summary>
    private static Vector<double> Weights(Matrix<double> inv, Matrix<double> covFb, Vector<double> meanF, Vector<double>? wB, double lambda)
    {
        var ones = Vector<double>.Build.Dense(meanF.Count, 1);
        var g1 = ones * inv * meanF;
        var g2 = ones * inv * ones;
        Vector<double> w1;
        double gamma;
        if (wB is null)
        {
            (gamma, w1) = (-lambda * g1 / g2 + 1 / g2, Vector<double>.Build.Dense(meanF.Count));
        }
        else
        {
            var g3 = wB.Sum();
            w1 = inv * covFb * wB;
            gamma = -lambda * g1 / g2 + (1 - g3 + w1.Sum()) / g2;
        }

        return -w1 + gamma * (inv * ones) + lambda * (inv * meanF);
    }

    /// <summary>Drops corners that break the bounds or the budget (numerical error) and any whose return a later corner beats.</summary>
    private List<TurningPoint> Purge(List<double[]> weights, List<double?> lambdas)
    {
        const double tolerance = 1e-9;
        var kept = new List<(double[] W, double L)>();
        for (var k = 0; k < weights.Count; k++)
        {
            var w = weights[k];
            if (Math.Abs(w.Sum() - 1) > tolerance || w.Where((v, i) => v - _lower[i] < -tolerance || v - _upper[i] > tolerance).Any())
            {
                continue;
            }

            kept.Add((w, lambdas[k] ?? double.PositiveInfinity));
        }

        // Keep the convex hull: a corner whose return is below a later one's is not on the efficient frontier.
        for (var i = 1; i < kept.Count - 1;)
        {
            var mu = Dot(kept[i].W, _mu);
            if (kept.Skip(i + 1).Any(p => mu < Dot(p.W, _mu)))
            {
                kept.RemoveAt(i);
            }
            else
            {
                i++;
            }
        }

        return [.. kept.Select(p => new TurningPoint(p.W, p.L, Dot(p.W, _mu), Math.Sqrt(Quadratic(p.W, p.W))))];
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private double Quadratic(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                sum += a[i] * _sigma[i, j] * b[j];
            }
        }

        return sum;
    }
}
