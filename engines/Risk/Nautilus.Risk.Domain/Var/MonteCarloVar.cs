using System.Numerics.Tensors;
using Nautilus.Risk.Domain.Statistics;

namespace Nautilus.Risk.Domain.Var;

/// <summary>
/// Monte Carlo VaR of positions x under multivariate normal returns N(μ, Σ): path p draws z ~ N(0, I) and has
/// P&amp;L = x·μ + (Aᵀx)·z with A·Aᵀ = Σ, so a path costs one dot product of length m however many assets there are.
/// Each path's normals come from its own generator seeded by (seed, path), so the result depends only on the seed and
/// the tail paths can be drawn again for the components. Antithetic pairs use z and −z.
/// </summary>
public static class MonteCarloVar
{
    public sealed record Simulation(double Var, double Es, double[]? Components, bool CovarianceRepaired);

    public static Simulation Simulate(double[] means, double[,] covariance, double[] positions, VarSettings settings,
        bool withComponents = false)
    {
        var m = positions.Length;
        var (factor, repaired) = Covariance.SquareRoot(covariance);
        // b = Aᵀx: the loading of each independent normal on the portfolio's P&L.
        var b = new double[m];
        for (var j = 0; j < m; j++)
        {
            var sum = 0.0;
            for (var i = 0; i < m; i++)
            {
                sum += factor[i, j] * positions[i];
            }

            b[j] = sum;
        }

        var drift = ValueAtRisk.Dot(means, positions) * settings.MeanScale;
        var scale = settings.VolatilityScale;
        var paths = settings.Paths;
        var losses = new double[paths];
        var draws = settings.Antithetic ? (paths + 1) / 2 : paths;
        var z = new double[m];
        for (var d = 0; d < draws; d++)
        {
            Draw(settings.Seed, d, z);
            var shock = TensorPrimitives.Dot<double>(b, z) * scale;
            losses[settings.Antithetic ? 2 * d : d] = -(drift + shock);
            if (settings.Antithetic && 2 * d + 1 < paths)
            {
                losses[2 * d + 1] = -(drift - shock);
            }
        }

        var (var, es, tail) = ValueAtRisk.TailWithScenarios(losses, settings.Confidence, "paths");
        double[]? components = null;
        if (withComponents)
        {
            // The tail paths again, asset by asset: r = μ·h + A·z·√h (the same z: each path's generator is re-seeded).
            var row = new double[m];
            components = ValueAtRisk.TailComponents(tail, path =>
            {
                Draw(settings.Seed, settings.Antithetic ? path / 2 : path, z);
                var sign = settings.Antithetic && path % 2 == 1 ? -1.0 : 1.0;
                for (var i = 0; i < m; i++)
                {
                    var sum = 0.0;
                    for (var j = 0; j <= (repaired ? m - 1 : i); j++)
                    {
                        sum += factor[i, j] * z[j];
                    }

                    row[i] = means[i] * settings.MeanScale + sign * sum * scale;
                }

                return row;
            }, positions, var);
        }

        return new Simulation(var, es, components, repaired);
    }

    /// <summary>Fills <paramref name="z"/> with standard normals of draw <paramref name="draw"/> (Box-Muller on SplitMix64).</summary>
    internal static void Draw(ulong seed, long draw, Span<double> z)
    {
        var state = seed * 0x9E3779B97F4A7C15UL ^ (ulong)draw * 0xD1B54A32D192ED03UL;
        for (var i = 0; i < z.Length; i += 2)
        {
            // u1 in (0, 1]: log(u1) is finite.
            var u1 = ((Next(ref state) >> 11) + 1) * (1.0 / 9007199254740992.0);
            var u2 = (Next(ref state) >> 11) * (1.0 / 9007199254740992.0);
            var radius = Math.Sqrt(-2 * Math.Log(u1));
            var (sin, cos) = Math.SinCos(2 * Math.PI * u2);
            z[i] = radius * cos;
            if (i + 1 < z.Length)
            {
                z[i + 1] = radius * sin;
            }
        }
    }

    private static ulong Next(ref ulong state)
    {
        var x = state += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
