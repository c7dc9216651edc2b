using Nautilus.Risk.Domain.Statistics;

namespace Nautilus.Risk.Domain.Var;

/// <summary>
/// Value at Risk and Expected Shortfall. Conventions: losses are positive numbers (loss = −P&amp;L). Over N scenarios at
/// confidence c the tail holds k = ⌊(1 − c)·N⌋ scenarios (at least one is needed); historical VaR is the k-th worst
/// loss — exceeded by at most (1 − c)·N scenarios (k − 1 of them) — and ES the mean of those k worst losses (Hull's
/// rule: the 5th worst of 500 scenarios at 99 %). Parametric VaR is z_c·σ − μ and ES σ·φ(z_c)/(1 − c) − μ for normal
/// P&amp;L; Cornish-Fisher corrects z for sample skewness and excess kurtosis and integrates the corrected quantile
/// over the tail for ES; Monte Carlo draws normal scenarios (Cholesky factor of the covariance) and applies the
/// historical rule to them. With √t scaling (the default) σ and losses grow with √h and means with h.
/// </summary>
public static class ValueAtRisk
{
    /// <summary>VaR of a portfolio's scenario P&amp;L.</summary>
    public static VarResult OfPnl(ReadOnlySpan<double> pnl, VarMethod method, VarSettings settings)
    {
        Check(settings);
        CheckSeries(pnl, "pnl");
        var notes = new List<string>();
        switch (method)
        {
            case VarMethod.Historical:
                {
                    var losses = new double[pnl.Length];
                    for (var i = 0; i < pnl.Length; i++)
                    {
                        losses[i] = -pnl[i];
                    }

                    var (var, es) = Tail(losses, settings.Confidence, "pnl");
                    var scale = settings.VolatilityScale;
                    NoteScaling(settings, notes);
                    return new VarResult(var * scale, es * scale, method, settings.Confidence, settings.HorizonDays, null, null, notes);
                }

            case VarMethod.Parametric:
            case VarMethod.CornishFisher:
                {
                    var moments = SampleMoments.Of(pnl);
                    var (var, es) = method == VarMethod.Parametric
                        ? Normal(moments.Mean, moments.StdDev, settings)
                        : CornishFisher(moments, settings, notes);
                    return new VarResult(var, es, method, settings.Confidence, settings.HorizonDays, null, null, notes);
                }

            case VarMethod.MonteCarlo:
                {
                    var moments = SampleMoments.Of(pnl);
                    var variance = new[,] { { moments.StdDev * moments.StdDev } };
                    var simulation = MonteCarloVar.Simulate([moments.Mean], variance, [1.0], settings);
                    notes.Add($"{settings.Paths:N0} normal paths with the series' mean and standard deviation, seed {settings.Seed}" +
                              (settings.Antithetic ? ", antithetic pairs" : ""));
                    return new VarResult(simulation.Var, simulation.Es, method, settings.Confidence, settings.HorizonDays, null, null,
                        notes);
                }

            default:
                throw new RiskInputException("method", $"unknown method {method}");
        }
    }

    /// <summary>
    /// VaR of positions (money per asset, or weights: then VaR is a fraction of the portfolio's value) over scenarios
    /// of asset returns (rows are scenarios, oldest first). Components are Euler allocations summing to VaR.
    /// </summary>
    public static VarResult OfPositions(double[][] returns, double[] positions, VarMethod method, VarSettings settings,
        CovarianceMethod covarianceMethod = CovarianceMethod.Sample, double lambda = Covariance.RiskMetricsLambda)
    {
        Check(settings);
        var assets = positions.Length;
        if (assets == 0)
        {
            throw new RiskInputException("weights", "at least one asset is needed");
        }

        CheckSeries(positions, "weights");
        if (returns.Length < 2)
        {
            throw new RiskInputException("returns", $"at least 2 scenarios are needed, not {returns.Length}");
        }

        for (var t = 0; t < returns.Length; t++)
        {
            if (returns[t] is null || returns[t].Length != assets)
            {
                throw new RiskInputException("returns",
                    $"scenario {t} has {returns[t]?.Length ?? 0} returns where there are {assets} assets");
            }

            CheckSeries(returns[t], $"returns[{t}]");
        }

        var notes = new List<string>();
        var pnl = new double[returns.Length];
        for (var t = 0; t < returns.Length; t++)
        {
            var sum = 0.0;
            for (var j = 0; j < assets; j++)
            {
                sum += returns[t][j] * positions[j];
            }

            pnl[t] = sum;
        }

        switch (method)
        {
            case VarMethod.Historical:
                {
                    var losses = pnl.Select(p => -p).ToArray();
                    var (var, es, tail) = TailWithScenarios(losses, settings.Confidence, "returns");
                    var scale = settings.VolatilityScale;
                    NoteScaling(settings, notes);
                    var components = TailComponents(tail, t => returns[t], positions, var);
                    notes.Add("components: each asset's share of the tail scenarios' mean loss, scaled to VaR");
                    return WithComponents(var * scale, es * scale, method, settings, components.Select(c => c * scale).ToArray(),
                        positions, notes);
                }

            case VarMethod.Parametric:
            case VarMethod.CornishFisher:
                {
                    var means = Means(returns, assets);
                    var cov = Covariance.Estimate(returns, covarianceMethod, lambda);
                    NoteCovariance(covarianceMethod, lambda, notes);
                    var normal = OfCovariance(means, cov, positions, settings);
                    if (method == VarMethod.Parametric)
                    {
                        return normal with { Notes = [.. notes, .. normal.Notes] };
                    }

                    // Cornish-Fisher corrects the normal quantile with the portfolio P&L's own skewness and kurtosis; its
                    // VaR is shared out in the normal Euler proportions.
                    var (var, es) = CornishFisher(SampleMoments.Of(pnl), settings, notes);
                    var ratio = normal.Var != 0 ? var / normal.Var : 0;
                    notes.Add("components: the normal Euler allocation, scaled to the Cornish-Fisher VaR");
                    return WithComponents(var, es, method, settings, normal.Components!.Select(c => c * ratio).ToArray(), positions, notes);
                }

            case VarMethod.MonteCarlo:
                {
                    var means = Means(returns, assets);
                    var cov = Covariance.Estimate(returns, covarianceMethod, lambda);
                    NoteCovariance(covarianceMethod, lambda, notes);
                    var simulation = MonteCarloVar.Simulate(means, cov, positions, settings, withComponents: true);
                    if (simulation.CovarianceRepaired)
                    {
                        notes.Add("the covariance is singular: simulated from its eigen-decomposition with negative eigenvalues set to " +
                            "zero");
                    }

                    notes.Add($"{settings.Paths:N0} multivariate normal paths (sample means, Cholesky factor), seed {settings.Seed}" +
                              (settings.Antithetic ? ", antithetic pairs" : ""));
                    notes.Add("components: each asset's share of the tail paths' mean loss, scaled to VaR");
                    return WithComponents(simulation.Var, simulation.Es, method, settings, simulation.Components!, positions, notes);
                }

            default:
                throw new RiskInputException("method", $"unknown method {method}");
        }
    }

    /// <summary>
    /// Normal VaR and ES of positions x with one-period mean returns μ and covariance Σ: σ = √(xᵀΣx), VaR = z·σ·√h − xᵀμ·h,
    /// and the Euler components x_i·∂VaR/∂x_i = x_i·(z·(Σx)_i/σ·√h − μ_i·h), which sum to VaR.
    /// </summary>
    public static VarResult OfCovariance(double[] means, double[,] covariance, double[] positions, VarSettings settings)
    {
        Check(settings);
        var assets = positions.Length;
        if (means.Length != assets || covariance.GetLength(0) != assets || covariance.GetLength(1) != assets)
        {
            throw new RiskInputException("covariance", $"{assets} positions need {assets} means and a {assets}×{assets} covariance");
        }

        var sigmaPositions = Multiply(covariance, positions);
        var variance = Dot(positions, sigmaPositions);
        if (!(variance >= 0))
        {
            throw new NotPositiveSemidefiniteException(variance);
        }

        var sigma = Math.Sqrt(variance);
        var (var, es) = Normal(Dot(means, positions), sigma, settings);
        var z = NormalDistribution.Quantile(settings.Confidence);
        var components = new double[assets];
        for (var i = 0; i < assets; i++)
        {
            var marginal = (sigma > 0 ? z * sigmaPositions[i] / sigma * settings.VolatilityScale : 0) - means[i] * settings.MeanScale;
            components[i] = positions[i] * marginal;
        }

        var notes = new List<string>();
        NoteScaling(settings, notes);
        return WithComponents(var, es, VarMethod.Parametric, settings, components, positions, notes);
    }

    /// <summary>Normal VaR and ES of P&amp;L with one-period mean μ and standard deviation σ over the settings' horizon.</summary>
    public static (double Var, double Es) Normal(double mean, double sigma, VarSettings settings)
    {
        var z = NormalDistribution.Quantile(settings.Confidence);
        var s = sigma * settings.VolatilityScale;
        var m = mean * settings.MeanScale;
        return (z * s - m, s * NormalDistribution.Pdf(z) / (1 - settings.Confidence) - m);
    }

    /// <summary>
    /// The Cornish-Fisher quantile of P&amp;L at tail probability α = 1 − c:
    /// z_cf = z + (z² − 1)S/6 + (z³ − 3z)K/24 − (2z³ − 5z)S²/36 with z = Φ⁻¹(α), S the skewness, K the excess kurtosis;
    /// VaR = −(μ + σ·z_cf) and ES = −(μ + σ·mean of z_cf(u) over u in (0, α)) (midpoint rule, 20,000 points).
    /// </summary>
    public static (double Var, double Es) CornishFisher(SampleMoments moments, VarSettings settings, List<string>? notes = null)
    {
        var alpha = 1 - settings.Confidence;
        var s = moments.StdDev * settings.VolatilityScale;
        var m = moments.Mean * settings.MeanScale;
        var zcf = CornishFisherQuantile(NormalDistribution.Quantile(alpha), moments.Skewness, moments.ExcessKurtosis);
        const int points = 20_000;
        var sum = 0.0;
        for (var i = 0; i < points; i++)
        {
            var u = alpha * (i + 0.5) / points;
            sum += CornishFisherQuantile(NormalDistribution.Quantile(u), moments.Skewness, moments.ExcessKurtosis);
        }

        notes?.Add($"sample skewness {moments.Skewness:G4}, excess kurtosis {moments.ExcessKurtosis:G4}");
        if (Math.Abs(moments.Skewness) > 1 || moments.ExcessKurtosis > 6)
        {
            notes?.Add("skewness or kurtosis is large: the Cornish-Fisher expansion may not be monotone here; compare with historical VaR");
        }

        return (-(m + s * zcf), -(m + s * sum / points));
    }

    public static double CornishFisherQuantile(double z, double skewness, double excessKurtosis) =>
        z + (z * z - 1) * skewness / 6 + (z * z * z - 3 * z) * excessKurtosis / 24 - (2 * z * z * z - 5 * z) * skewness * skewness / 36;

    /// <summary>The historical rule on losses: VaR the k-th worst, ES the mean of the k worst, k = ⌊(1 − c)·N⌋ ≥ 1.</summary>
    public static (double Var, double Es) Tail(double[] losses, double confidence, string field = "pnl")
    {
        var (var, es, _) = TailWithScenarios(losses, confidence, field);
        return (var, es);
    }

    /// <summary>As <see cref="Tail"/>, with the indices of the k worst scenarios. Sorts a copy.</summary>
    public static (double Var, double Es, int[] Tail) TailWithScenarios(double[] losses, double confidence, string field)
    {
        var k = TailCount(losses.Length, confidence, field);
        var sorted = (double[])losses.Clone();
        var index = Enumerable.Range(0, losses.Length).ToArray();
        Array.Sort(sorted, index);
        var n = losses.Length;
        var sum = 0.0;
        for (var i = n - k; i < n; i++)
        {
            sum += sorted[i];
        }

        return (sorted[n - k], sum / k, index[(n - k)..]);
    }

    /// <summary>k = ⌊(1 − c)·N⌋ (with a tolerance for binary fractions: 1 % of 500 is 5); at least one scenario.</summary>
    public static int TailCount(int scenarios, double confidence, string field)
    {
        var k = (int)Math.Floor((1 - confidence) * scenarios + 1e-9);
        if (k < 1)
        {
            var needed = (int)Math.Ceiling(1 / (1 - confidence) - 1e-9);
            throw new RiskInputException(field,
                $"{scenarios} scenarios leave no tail at confidence {confidence}: at least {needed} are needed");
        }

        return k;
    }

    /// <summary>Each asset's mean loss over the tail scenarios, scaled so the components sum to <paramref name="var"/>.</summary>
    internal static double[] TailComponents(int[] tail, Func<int, double[]> returnsOf, double[] positions, double var)
    {
        var components = new double[positions.Length];
        var total = 0.0;
        foreach (var t in tail)
        {
            var r = returnsOf(t);
            for (var j = 0; j < positions.Length; j++)
            {
                var loss = -r[j] * positions[j];
                components[j] += loss;
                total += loss;
            }
        }

        var scale = total != 0 ? var / total : 0;
        for (var j = 0; j < components.Length; j++)
        {
            components[j] *= scale;
        }

        return components;
    }

    private static VarResult WithComponents(double var, double es, VarMethod method, VarSettings settings, double[] components,
        double[] positions, List<string> notes) =>
        new(var, es, method, settings.Confidence, settings.HorizonDays, components,
            components.Select((c, i) => positions[i] != 0 ? c / positions[i] : 0).ToArray(), notes);

    private static void Check(VarSettings settings)
    {
        if (settings.Problems().FirstOrDefault() is { Field: not null } problem)
        {
            throw new RiskInputException(problem.Field, problem.Problem);
        }
    }

    private static void CheckSeries(ReadOnlySpan<double> values, string field)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new RiskInputException(field, $"value {i} is {values[i]}: every value must be a finite number");
            }
        }

        if (field == "pnl" && values.Length < 2)
        {
            throw new RiskInputException(field, $"at least 2 observations are needed, not {values.Length}");
        }
    }

    private static void NoteScaling(VarSettings settings, List<string> notes)
    {
        if (settings.HorizonDays > 1 && settings.Scaling == HorizonScaling.SquareRootOfTime)
        {
            notes.Add($"one-period figures scaled by √{settings.HorizonDays} to the horizon");
        }
    }

    private static void NoteCovariance(CovarianceMethod method, double lambda, List<string> notes) =>
        notes.Add(method == CovarianceMethod.Ewma ? $"EWMA covariance, λ = {lambda}" : "sample covariance (n − 1)");

    private static double[] Means(double[][] returns, int assets)
    {
        var means = new double[assets];
        foreach (var row in returns)
        {
            for (var j = 0; j < assets; j++)
            {
                means[j] += row[j];
            }
        }

        for (var j = 0; j < assets; j++)
        {
            means[j] /= returns.Length;
        }

        return means;
    }

    internal static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    internal static double[] Multiply(double[,] matrix, double[] vector)
    {
        var n = vector.Length;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += matrix[i, j] * vector[j];
            }

            result[i] = sum;
        }

        return result;
    }
}
