namespace Nautilus.Factor.Domain;

/// <summary>One day's factor returns: the market, each sector (they sum to zero), each style, and what is left per asset.</summary>
public sealed record FactorReturns(double Market, IReadOnlyList<string> SectorNames, double[] Sectors, double[] Styles, double[] Residuals,
    double RSquared);

/// <summary>
/// The daily cross-sectional regression of a Barra-style equity model (as in toraniko): each asset's return on a market
/// factor (every asset exposed 1), its sector (a dummy) and its style exposures, by weighted least squares with the
/// regression weights given (√market cap: a proxy for the inverse of specific variance). The market and sector dummies are
/// collinear, so the sector factor returns are constrained to sum to zero (the market is then the sectors' average): the
/// last sector's return is minus the sum of the others (a change of variables), and the system is solved jointly, styles
/// included. R² is weighted: <c>1 − Σ w ε² / Σ w (r − r̄_w)²</c>.
/// </summary>
public static class CrossSectionalRegression
{
    public static FactorReturns Regress(double[] returns, string[] sectors, double[][] exposures, double[] weights)
    {
        var n = returns.Length;
        if (n == 0)
        {
            throw new FactorInputException("returns", "needs at least one asset");
        }

        if (sectors.Length != n)
        {
            throw new FactorInputException("sectors", $"{sectors.Length} sectors for {n} returns");
        }

        if (exposures.Length != n)
        {
            throw new FactorInputException("exposures", $"{exposures.Length} rows of exposures for {n} returns");
        }

        if (weights.Length != n)
        {
            throw new FactorInputException("weights", $"{weights.Length} weights for {n} returns");
        }

        var k = n == 0 ? 0 : exposures[0]?.Length ?? 0;
        for (var i = 0; i < n; i++)
        {
            if (exposures[i] is null || exposures[i].Length != k)
            {
                throw new FactorInputException($"exposures[{i}]", $"must have {k} style exposures like the first row");
            }

            if (!double.IsFinite(returns[i]))
            {
                throw new FactorInputException($"returns[{i}]", "is not a finite number");
            }

            if (!(weights[i] > 0) || !double.IsFinite(weights[i]))
            {
                throw new FactorInputException($"weights[{i}]", "must be a positive number");
            }

            if (string.IsNullOrWhiteSpace(sectors[i]))
            {
                throw new FactorInputException($"sectors[{i}]", "names no sector");
            }

            for (var j = 0; j < k; j++)
            {
                if (!double.IsFinite(exposures[i][j]))
                {
                    throw new FactorInputException($"exposures[{i}][{j}]", "is not a finite number");
                }
            }
        }

        var names = sectors.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var sectorOf = sectors.Select(s => Array.IndexOf(names, s)).ToArray();
        var s = names.Length;
        // Columns of the reduced design: market, sectors 0..s−2 (each minus the last sector's dummy), styles.
        var p = 1 + (s - 1) + k;
        if (n < p)
        {
            throw new FactorInputException("returns",
                $"{n} assets cannot determine {p} factor returns (1 market, {s - 1} free sectors, {k} styles)");
        }

        var normal = new double[p * p];
        var rhs = new double[p];
        var row = new double[p];
        for (var i = 0; i < n; i++)
        {
            Row(i, row);
            var w = weights[i];
            for (var a = 0; a < p; a++)
            {
                var wa = w * row[a];
                if (wa == 0)
                {
                    continue;
                }

                rhs[a] += wa * returns[i];
                for (var b = 0; b <= a; b++)
                {
                    normal[a * p + b] += wa * row[b];
                }
            }
        }

        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < a; b++)
            {
                normal[b * p + a] = normal[a * p + b];
            }
        }

        var g = SolveSymmetric(normal, rhs, p)
            ?? throw new FactorInputException("exposures",
                "the design is singular: a style is constant or a combination of the others and the sectors (standardise exposures)");
        var sectorReturns = new double[s];
        for (var j = 0; j < s - 1; j++)
        {
            sectorReturns[j] = g[1 + j];
            sectorReturns[s - 1] -= g[1 + j];
        }

        var styles = g[s..];
        var residuals = new double[n];
        var (sw, swr) = (0.0, 0.0);
        for (var i = 0; i < n; i++)
        {
            Row(i, row);
            var fitted = 0.0;
            for (var a = 0; a < p; a++)
            {
                fitted += row[a] * g[a];
            }

            residuals[i] = returns[i] - fitted;
            (sw, swr) = (sw + weights[i], swr + weights[i] * returns[i]);
        }

        var mean = swr / sw;
        var (sse, sst) = (0.0, 0.0);
        for (var i = 0; i < n; i++)
        {
            sse += weights[i] * residuals[i] * residuals[i];
            sst += weights[i] * (returns[i] - mean) * (returns[i] - mean);
        }

        return new FactorReturns(g[0], names, sectorReturns, styles, residuals, sst > 0 ? 1 - sse / sst : 1);

        void Row(int i, double[] into)
        {
            Array.Clear(into);
            into[0] = 1;
            var sector = sectorOf[i];
            if (sector < s - 1)
            {
                into[1 + sector] = 1;
            }
            else
            {
                for (var j = 0; j < s - 1; j++)
                {
                    into[1 + j] = -1;
                }
            }

            for (var j = 0; j < k; j++)
            {
                into[s + j] = exposures[i][j];
            }
        }
    }

    /// <summary>Cholesky solve of a small symmetric positive definite system; null when it is singular.</summary>
    private static double[]? SolveSymmetric(double[] a, double[] b, int p)
    {
        var l = (double[])a.Clone();
        var scale = 0.0;
        for (var i = 0; i < p; i++)
        {
            scale = Math.Max(scale, Math.Abs(a[i * p + i]));
        }

        for (var j = 0; j < p; j++)
        {
            var d = l[j * p + j];
            for (var m = 0; m < j; m++)
            {
                d -= l[j * p + m] * l[j * p + m];
            }

            if (!(d > 1e-12 * scale))
            {
                return null;
            }

            var ljj = Math.Sqrt(d);
            l[j * p + j] = ljj;
            for (var i = j + 1; i < p; i++)
            {
                var v = l[i * p + j];
                for (var m = 0; m < j; m++)
                {
                    v -= l[i * p + m] * l[j * p + m];
                }

                l[i * p + j] = v / ljj;
            }
        }

        var x = (double[])b.Clone();
        for (var i = 0; i < p; i++)
        {
            for (var m = 0; m < i; m++)
            {
                x[i] -= l[i * p + m] * x[m];
            }

            x[i] /= l[i * p + i];
        }

        for (var i = p - 1; i >= 0; i--)
        {
            for (var m = i + 1; m < p; m++)
            {
                x[i] -= l[m * p + i] * x[m];
            }

            x[i] /= l[i * p + i];
        }

        return x;
    }
}
