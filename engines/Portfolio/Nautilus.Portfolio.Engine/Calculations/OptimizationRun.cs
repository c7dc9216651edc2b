using System.Text.Json;
using MathNet.Numerics.LinearAlgebra;
using Nautilus.Portfolio.Contracts;
using Nautilus.Portfolio.Domain;
using Nautilus.Portfolio.Domain.Allocation;
using Nautilus.Portfolio.Domain.Estimation;
using Nautilus.Portfolio.Domain.Optimisation;

namespace Nautilus.Portfolio.Engine.Calculations;

/// <summary>
/// One stateless optimisation: reads and checks the request (every problem a <see cref="PortfolioInputException"/> naming
/// the field), estimates expected returns and covariance from prices when they are not given, runs the objective and
/// reports weights, performance and risk contributions.
/// </summary>
public static class OptimizationRun
{
    public static readonly IReadOnlyDictionary<string, CovarianceMethod> CovarianceMethods = new Dictionary<string, CovarianceMethod>
    {
        ["sample"] = CovarianceMethod.Sample,
        ["ledoit-wolf"] = CovarianceMethod.LedoitWolf,
        ["ewma"] = CovarianceMethod.Ewma,
    };

    public static readonly IReadOnlyDictionary<string, LinkageMethod> Linkages = new Dictionary<string, LinkageMethod>
    {
        ["single"] = LinkageMethod.Single,
        ["complete"] = LinkageMethod.Complete,
        ["average"] = LinkageMethod.Average,
        ["weighted"] = LinkageMethod.Weighted,
        ["ward"] = LinkageMethod.Ward,
    };

    public static readonly IReadOnlyList<string> Objectives =
    [
        "min-volatility", "max-sharpe", "efficient-risk", "efficient-return", "cla-max-sharpe", "cla-min-volatility", "erc", "hrp",
        "black-litterman",
    ];

    public static readonly IReadOnlyList<string> ReturnMethods = ["mean-historical", "ema", "capm"];

    /// <summary>The fewest price rows an estimate is made from (each asset needs at least two returns).</summary>
    public const int MinimumPriceRows = 3;

    public static OptimizeResponse Run(OptimizeRequest request)
    {
        var assets = Assets(request.Assets);
        var n = assets.Length;
        var objective = Choice("objective", request.Objective, Objectives);
        Finite("riskFree", request.RiskFree);
        var (mu, covariance, correlation) = Inputs(request, assets, objective);
        var constraints = Constraints(request, assets);
        double[] weights;
        var method = "qp (ADMM + exact active-set polish)";
        var exact = true;
        IReadOnlyList<FrontierPoint>? frontier = null;
        switch (objective)
        {
            case "hrp":
                weights = HierarchicalRiskParity.Allocate(covariance, correlation ?? HierarchicalRiskParity.CorrelationOf(covariance),
                    Choice("linkage", request.Linkage, Linkages)).Weights;
                method = $"hrp ({request.Linkage} linkage)";
                break;
            case "erc":
                RequirePositiveDefinite(covariance, objective);
                weights = RiskParity.Allocate(covariance);
                method = "erc (cyclical coordinate descent)";
                break;
            case "cla-max-sharpe" or "cla-min-volatility":
                RequirePositiveDefinite(covariance, objective);
                RequireMu(mu, objective);
                if (constraints.MarketNeutral || constraints.SectorLimits is { Count: > 0 } || constraints.HasTurnover)
                {
                    throw new PortfolioInputException("objective",
                        "the Critical Line Algorithm takes per-asset bounds only (long, fully invested)");
                }

                if (constraints.LowerBounds.Concat(constraints.UpperBounds).Any(b => !double.IsFinite(b)))
                {
                    throw new PortfolioInputException("bounds",
                        "the Critical Line Algorithm needs a finite lower and upper bound per asset");
                }

                var cla = new CriticalLineAlgorithm(mu!, covariance, constraints.LowerBounds, constraints.UpperBounds);
                weights = objective == "cla-max-sharpe" ? cla.MaxSharpe(request.RiskFree) : cla.MinVolatility();
                method = $"critical line algorithm ({cla.TurningPoints.Count} turning points)";
                break;
            default:
                RequirePositiveDefinite(covariance, objective);
                if (objective != "min-volatility")
                {
                    RequireMu(mu, objective);
                }

                if (objective == "black-litterman")
                {
                    var posterior = Posterior(request, assets, mu, covariance);
                    (mu, covariance) = (posterior.Returns, posterior.Covariance);
                    method = "black-litterman posterior, max-sharpe qp";
                }

                var optimizer = new MeanVarianceOptimizer(mu ?? new double[n], covariance, constraints);
                var result = objective switch
                {
                    "min-volatility" => optimizer.MinVolatility(request.RiskFree),
                    "efficient-risk" => optimizer.EfficientRisk(Required("targetVolatility", request.TargetVolatility), request.RiskFree),
                    "efficient-return" => optimizer.EfficientReturn(Required("targetReturn", request.TargetReturn), request.RiskFree),
                    _ => optimizer.MaxSharpe(request.RiskFree),
                };
                (weights, exact) = (result.Weights, result.Exact);
                if (request.FrontierPoints != 0 && mu is not null)
                {
                    frontier = [.. optimizer.Frontier(request.FrontierPoints, request.RiskFree)
                        .Select(p => new FrontierPoint(p.Performance.ExpectedReturn, p.Performance.Volatility, p.Performance.Sharpe))];
                }

                break;
        }

        var performance = PortfolioPerformance.Of(weights, mu ?? new double[n], covariance, request.RiskFree);
        var contributions = performance.Volatility > 0 ? RiskParity.RiskContributions(covariance, weights) : new double[n];
        return new OptimizeResponse(Named(assets, weights), mu is null ? null : performance.ExpectedReturn, performance.Volatility,
            mu is null ? null : performance.Sharpe, objective, method, exact, Named(assets, contributions),
                mu is null ? null : Named(assets, mu), frontier);
    }

    private static string[] Assets(IReadOnlyList<string>? assets)
    {
        if (assets is not { Count: > 0 })
        {
            throw new PortfolioInputException("assets", "name at least one asset");
        }

        if (assets.Any(string.IsNullOrWhiteSpace))
        {
            throw new PortfolioInputException("assets", "asset names cannot be empty");
        }

        if (assets.GroupBy(a => a, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new PortfolioInputException("assets", $"'{duplicate.Key}' is named twice");
        }

        return [.. assets];
    }

    /// <summary>Expected returns (null when neither given nor estimable), the covariance and, from prices, correlations.</summary>
    private static (double[]? Mu, double[,] Covariance, double[,]? Correlation) Inputs(OptimizeRequest request, string[] assets,
        string objective)
    {
        var n = assets.Length;
        if (request.Prices is { } prices)
        {
            if (request.Covariance is not null || request.Mu is not null)
            {
                throw new PortfolioInputException("prices", "send prices, or mu and covariance, not both");
            }

            var rows = new List<double[]>(prices.Length);
            for (var t = 0; t < prices.Length; t++)
            {
                if (prices[t] is not { } row || row.Length != n)
                {
                    throw new PortfolioInputException($"prices[{t}]", $"must have a price (or null) for each of the {n} assets");
                }

                for (var j = 0; j < n; j++)
                {
                    if (row[j] is { } p && (!double.IsFinite(p) || p <= 0))
                    {
                        throw new PortfolioInputException($"prices[{t}][{j}]", $"{p} is not a positive price");
                    }
                }

                rows.Add([.. row.Select(p => p ?? double.NaN)]);
            }

            var returns = ReturnSeries.FromPrices(rows);
            for (var j = 0; j < n; j++)
            {
                if (rows.Count < MinimumPriceRows || returns.Count(j) < 2)
                {
                    throw new PortfolioInputException("prices",
                        $"{assets[j]} has {Math.Max(returns.Count(j), 0)} returns in {rows.Count} rows: at least {MinimumPriceRows} " +
                            $"rows and two " +
                        "returns per asset are needed");
                }
            }

            var method = Choice("covarianceMethod", request.CovarianceMethod, CovarianceMethods);
            var covariance = objective == "hrp"
                ? RiskModels.SampleCovariance(returns, frequency: 1) // HRP weighs by daily variances, as PyPortfolioOpt does
                : RiskModels.Covariance(returns, method);
            var mu = Choice("expectedReturns", request.ExpectedReturns, ReturnMethods) switch
            {
                "ema" => ExpectedReturns.ExponentiallyWeighted(returns),
                "capm" => ExpectedReturns.Capm(returns, riskFree: request.RiskFree),
                _ => ExpectedReturns.MeanHistorical(returns),
            };
            return (mu, covariance, RiskModels.SampleCorrelation(returns));
        }

        if (request.Covariance is not { } rowsOfCovariance)
        {
            throw new PortfolioInputException("prices", "send prices (rows of daily prices), or mu and covariance");
        }

        var sigma = new double[n, n];
        if (rowsOfCovariance.Length != n || rowsOfCovariance.Any(r => r is null || r.Length != n))
        {
            throw new PortfolioInputException("covariance", $"must be {n} × {n}, one row and column per asset");
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                sigma[i, j] = Finite($"covariance[{i}][{j}]", rowsOfCovariance[i][j]);
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (Math.Abs(sigma[i, j] - sigma[j, i]) > 1e-10 * (1 + Math.Abs(sigma[i, j])))
                {
                    throw new PortfolioInputException($"covariance[{i}][{j}]",
                        $"{sigma[i, j]} differs from [{j}][{i}] {sigma[j, i]}: not symmetric");
                }
            }
        }

        double[]? given = null;
        if (request.Mu is { } m)
        {
            if (m.Length != n)
            {
                throw new PortfolioInputException("mu", $"{m.Length} expected returns for {n} assets");
            }

            given = [.. m.Select((v, i) => Finite($"mu[{i}]", v))];
        }

        return (given, sigma, null);
    }

    private static PortfolioConstraints Constraints(OptimizeRequest request, string[] assets)
    {
        var n = assets.Length;
        var (defaultLow, defaultHigh) = request.MarketNeutral ? (-1.0, 1.0) : (0.0, 1.0);
        var lower = Enumerable.Repeat(defaultLow, n).ToArray();
        var upper = Enumerable.Repeat(defaultHigh, n).ToArray();
        if (request.Bounds is { ValueKind: not JsonValueKind.Null } bounds)
        {
            if (bounds.ValueKind != JsonValueKind.Array)
            {
                throw new PortfolioInputException("bounds", "must be [lower, upper] or one [lower, upper] per asset");
            }

            var items = bounds.EnumerateArray().ToArray();
            if (items.Length == 2 && items.All(e => e.ValueKind is JsonValueKind.Number or JsonValueKind.Null))
            {
                var (lo, hi) = Pair("bounds", items);
                Array.Fill(lower, lo);
                Array.Fill(upper, hi);
            }
            else if (items.Length == n && items.All(e => e.ValueKind == JsonValueKind.Array))
            {
                for (var i = 0; i < n; i++)
                {
                    (lower[i], upper[i]) = Pair($"bounds[{i}]", [.. items[i].EnumerateArray()]);
                }
            }
            else
            {
                throw new PortfolioInputException("bounds", $"must be [lower, upper] or {n} pairs, one per asset");
            }
        }

        string[]? sectors = null;
        List<SectorLimit>? limits = null;
        if (request.SectorLimits is { Count: > 0 })
        {
            var map = request.Sectors ?? throw new PortfolioInputException("sectors", "sector limits need each asset's sector");
            sectors = [.. assets.Select(a => map.TryGetValue(a, out var s) ? s : throw new PortfolioInputException("sectors",
                $"no sector for {a}"))];
            limits = [.. request.SectorLimits.Select(l => new SectorLimit(l.Sector, l.Min, l.Max))];
        }

        double[]? current = null;
        if (request.MaxTurnover is not null)
        {
            var map = request.CurrentWeights ?? throw new PortfolioInputException("currentWeights",
                "a turnover limit needs the current weights");
            if (map.Keys.FirstOrDefault(k => !assets.Contains(k)) is { } unknown)
            {
                throw new PortfolioInputException("currentWeights", $"'{unknown}' is not one of the assets");
            }

            current = [.. assets.Select(a => map.GetValueOrDefault(a))];
        }

        var constraints = new PortfolioConstraints(lower, upper, request.MarketNeutral, sectors, limits, current, request.MaxTurnover);
        constraints.Validate();
        return constraints;
    }

    private static BlackLittermanPosterior Posterior(OptimizeRequest request, string[] assets, double[]? mu, double[,] covariance)
    {
        if (request.Views is not { Count: > 0 } views)
        {
            throw new PortfolioInputException("views", "black-litterman needs at least one view");
        }

        var index = assets.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => p.i, StringComparer.Ordinal);
        var parsed = new List<View>();
        for (var k = 0; k < views.Count; k++)
        {
            if (views[k].Assets is not { Count: > 0 } weights)
            {
                throw new PortfolioInputException($"views[{k}].assets", "name at least one asset");
            }

            if (weights.Keys.FirstOrDefault(a => !index.ContainsKey(a)) is { } unknown)
            {
                throw new PortfolioInputException($"views[{k}].assets", $"'{unknown}' is not one of the assets");
            }

            parsed.Add(new View(weights.ToDictionary(p => index[p.Key], p => p.Value), Finite($"views[{k}].return", views[k].Return)));
        }

        var prior = mu!;
        if (request.MarketCaps is { Count: > 0 } caps)
        {
            if (assets.FirstOrDefault(a => !caps.ContainsKey(a)) is { } missing)
            {
                throw new PortfolioInputException("marketCaps", $"no market capitalisation for {missing}");
            }

            prior = BlackLitterman.ImpliedReturns(covariance, [.. assets.Select(a => caps[a])], request.RiskAversion, request.RiskFree);
        }

        double[]? variances = views.Any(v => v.Variance is not null)
            ? [.. views.Select((v, k) => v.Variance ?? double.NaN)]
            : null;
        if (variances is not null && views.Any(v => v.Variance is null))
        {
            throw new PortfolioInputException("views", "give every view a variance, or none");
        }

        return BlackLitterman.Posterior(prior, covariance, parsed, request.Tau, variances);
    }

    /// <summary>
    /// Objectives that solve with or invert the covariance need it positive definite; a singular one says why. A Cholesky
    /// factorisation decides (cheap); only a failure pays for the eigenvalues the message quotes.
    /// </summary>
    private static void RequirePositiveDefinite(double[,] covariance, string objective)
    {
        var n = covariance.GetLength(0);
        var flat = new double[n * n];
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            largest = Math.Max(largest, covariance[i, i]);
            for (var j = 0; j < n; j++)
            {
                flat[i * n + j] = covariance[i, j];
            }
        }

        // Relative jitter below which a pivot counts as zero: the same 1e-12 scale the eigenvalue test uses.
        for (var i = 0; i < n; i++)
        {
            flat[i * n + i] -= 1e-12 * largest;
        }

        if (DenseCholesky.TryFactor(flat, n) is not null)
        {
            return;
        }

        var evd = Matrix<double>.Build.DenseOfArray(covariance).Evd(MathNet.Numerics.LinearAlgebra.Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(v => v.Real).ToArray();
        var (least, most) = (values.Min(), values.Max());
        if (least < -1e-10 * Math.Max(most, 1e-300))
        {
            throw new PortfolioInputException("covariance", $"is not positive semidefinite (smallest eigenvalue {least:G4})");
        }

        throw new PortfolioInputException("covariance",
            $"is singular (eigenvalues {least:G4} to {most:G4}): {objective} needs a positive definite covariance; with more assets " +
            "than price rows use covarianceMethod ledoit-wolf");
    }

    private static void RequireMu(double[]? mu, string objective)
    {
        if (mu is null)
        {
            throw new PortfolioInputException("mu", $"{objective} needs expected returns: send mu, or prices");
        }
    }

    private static (double Lower, double Upper) Pair(string field, JsonElement[] pair)
    {
        if (pair.Length != 2 || pair.Any(e => e.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null)))
        {
            throw new PortfolioInputException(field, "must be [lower, upper] (numbers, or null for no bound)");
        }

        var lower = pair[0].ValueKind == JsonValueKind.Null ? double.NegativeInfinity : pair[0].GetDouble();
        var upper = pair[1].ValueKind == JsonValueKind.Null ? double.PositiveInfinity : pair[1].GetDouble();
        if (lower > upper)
        {
            throw new PortfolioInputException(field, $"lower {lower} is above upper {upper}");
        }

        return (lower, upper);
    }

    private static T Choice<T>(string field, string value, IReadOnlyDictionary<string, T> options) =>
        options.TryGetValue(value, out var chosen) ? chosen
            : throw new PortfolioInputException(field, $"'{value}' is not one of {string.Join(", ", options.Keys)}");

    private static string Choice(string field, string value, IReadOnlyList<string> options) =>
        options.Contains(value) ? value : throw new PortfolioInputException(field, $"'{value}' is not one of {string.Join(", ", options)}");

    private static double Required(string field, double? value) =>
        value is { } v ? Finite(field, v) : throw new PortfolioInputException(field, "is required by this objective");

    private static double Finite(string field, double value) =>
        double.IsFinite(value) ? value : throw new PortfolioInputException(field, $"{value} is not a finite number");

    private static IReadOnlyDictionary<string, double> Named(string[] assets, double[] values) =>
        assets.Select((a, i) => (a, i)).ToDictionary(p => p.a, p => values[p.i], StringComparer.Ordinal);
}
