namespace Nautilus.Portfolio.Domain.Allocation;

/// <summary>
/// Equal risk contribution (Maillard, Roncalli, Teïletche 2010, "The properties of equally weighted risk contribution
/// portfolios"), or contributions in given budgets: long-only weights whose risk contributions <c>w_i (Σw)_i</c> are
/// proportional to the budgets. Solved as Spinu's convex problem <c>min ½ y'Σy − Σ b_i ln y_i</c> by cyclical coordinate
/// descent (each coordinate's minimiser in closed form), then <c>w = y / Σy</c>.
/// </summary>
public static class RiskParity
{
    public static double[] Allocate(double[,] covariance, double[]? budgets = null, double tolerance = 1e-12, int maxSweeps = 10_000)
    {
        var n = covariance.GetLength(0);
        var b = budgets ?? Enumerable.Repeat(1.0 / n, n).ToArray();
        if (b.Length != n)
        {
            throw new PortfolioInputException("budgets", $"{b.Length} risk budgets for {n} assets");
        }

        if (b.Any(v => !(v > 0)))
        {
            throw new PortfolioInputException("budgets", "every risk budget must be positive");
        }

        var sum = b.Sum();
        b = [.. b.Select(v => v / sum)];
        for (var i = 0; i < n; i++)
        {
            if (!(covariance[i, i] > 0))
            {
                throw new PortfolioInputException("covariance", $"asset {i} has no variance: its risk contribution cannot be set");
            }
        }

        var y = Enumerable.Range(0, n).Select(i => 1 / Math.Sqrt(covariance[i, i])).ToArray();
        var sigmaY = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                sigmaY[i] += covariance[i, j] * y[j];
            }
        }

        for (var sweep = 0; sweep < maxSweeps; sweep++)
        {
            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                var others = sigmaY[i] - covariance[i, i] * y[i];
                var next = (-others + Math.Sqrt(others * others + 4 * covariance[i, i] * b[i])) / (2 * covariance[i, i]);
                var delta = next - y[i];
                if (delta == 0)
                {
                    continue;
                }

                for (var j = 0; j < n; j++)
                {
                    sigmaY[j] += covariance[j, i] * delta;
                }

                y[i] = next;
                change = Math.Max(change, Math.Abs(delta) / next);
            }

            if (change < tolerance)
            {
                break;
            }
        }

        var total = y.Sum();
        return [.. y.Select(v => v / total)];
    }

    /// <summary>Each asset's share of the portfolio's variance, <c>w_i (Σw)_i / w'Σw</c>.</summary>
    public static double[] RiskContributions(double[,] covariance, double[] weights)
    {
        var n = weights.Length;
        var contributions = new double[n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                contributions[i] += weights[i] * covariance[i, j] * weights[j];
            }
        }

        var variance = contributions.Sum();
        return [.. contributions.Select(c => c / variance)];
    }
}
