namespace Nautilus.Portfolio.Domain.Optimisation;

/// <summary>
/// Expected return, volatility and Sharpe ratio of weights, annualised as their inputs are (PyPortfolioOpt's convention).
/// </summary>
public sealed record PortfolioPerformance(double ExpectedReturn, double Volatility, double Sharpe)
{
    public static PortfolioPerformance Of(ReadOnlySpan<double> weights, double[] mu, double[,] covariance, double riskFree)
    {
        var n = weights.Length;
        var (ret, variance) = (0.0, 0.0);
        for (var i = 0; i < n; i++)
        {
            ret += weights[i] * mu[i];
            for (var j = 0; j < n; j++)
            {
                variance += weights[i] * covariance[i, j] * weights[j];
            }
        }

        var volatility = Math.Sqrt(Math.Max(variance, 0));
        return new PortfolioPerformance(ret, volatility, (ret - riskFree) / volatility);
    }
}

/// <summary>Weights with their performance; <see cref="Exact"/> when the solver's active-set polish succeeded.</summary>
public sealed record OptimizedPortfolio(double[] Weights, PortfolioPerformance Performance, bool Exact);

/// <summary>
/// Mean-variance optimisation (Markowitz) over <see cref="PortfolioConstraints"/>, each problem a convex QP solved by
/// <see cref="QpSolver"/>: minimum volatility, maximum Sharpe (the Cornuejols–Tütüncü change of variables y = κw that makes
/// it a QP), efficient return (minimum volatility for a target return), efficient risk (maximum return for a target
/// volatility: the quadratic-utility frontier searched for the risk aversion that meets it) and maximum quadratic utility.
/// </summary>
public sealed class MeanVarianceOptimizer
{
    private readonly double[] _mu;
    private readonly double[,] _covariance;
    private readonly PortfolioConstraints _constraints;
    private readonly int _n;
    private readonly int _variables;
    private readonly double[] _lower;
    private readonly double[] _upper;
    private readonly List<LinearRow> _rows = [];

    public MeanVarianceOptimizer(double[] mu, double[,] covariance, PortfolioConstraints constraints)
    {
        _n = mu.Length;
        if (covariance.GetLength(0) != _n || covariance.GetLength(1) != _n)
        {
            throw new PortfolioInputException("covariance", $"must be {_n} × {_n} for {_n} expected returns");
        }

        if (constraints.Assets != _n)
        {
            throw new PortfolioInputException("bounds", $"{constraints.Assets} bounds for {_n} assets");
        }

        constraints.Validate();
        (_mu, _covariance, _constraints) = (mu, covariance, constraints);
        _variables = constraints.HasTurnover ? 2 * _n : _n;
        _lower = new double[_variables];
        _upper = new double[_variables];
        Array.Copy(constraints.LowerBounds, _lower, _n);
        Array.Copy(constraints.UpperBounds, _upper, _n);
        var all = Enumerable.Range(0, _n).ToArray();
        var budget = constraints.MarketNeutral ? 0.0 : 1.0;
        _rows.Add(new LinearRow(all, Ones(_n), budget, budget));
        if (constraints.SectorLimits is { } sectors)
        {
            foreach (var limit in sectors)
            {
                var members = all.Where(i => constraints.AssetSectors![i] == limit.Sector).ToArray();
                _rows.Add(new LinearRow(members, Ones(members.Length), limit.Min ?? double.NegativeInfinity,
                    limit.Max ?? double.PositiveInfinity));
            }
        }

        if (constraints.MaxTurnover is { } turnover)
        {
            // t_i ≥ |w_i − current_i| and Σ t ≤ max turnover.
            var current = constraints.CurrentWeights!;
            for (var i = 0; i < _n; i++)
            {
                (_lower[_n + i], _upper[_n + i]) = (0, double.PositiveInfinity);
                _rows.Add(new LinearRow([_n + i, i], [1, -1], -current[i], double.PositiveInfinity));
                _rows.Add(new LinearRow([_n + i, i], [1, 1], current[i], double.PositiveInfinity));
            }

            _rows.Add(new LinearRow([.. Enumerable.Range(_n, _n)], Ones(_n), double.NegativeInfinity, turnover));
        }
    }

    public PortfolioPerformance Performance(ReadOnlySpan<double> weights, double riskFree = 0.02) =>
        PortfolioPerformance.Of(weights, _mu, _covariance, riskFree);

    public OptimizedPortfolio MinVolatility(double riskFree = 0.02) =>
        Result(SolveDirect(2, [], "constraints"), riskFree);

    /// <summary>Maximises <c>w'μ − ½ δ w'Σw</c>.</summary>
    public OptimizedPortfolio MaxQuadraticUtility(double riskAversion, double riskFree = 0.02)
    {
        if (!(riskAversion > 0))
        {
            throw new PortfolioInputException("riskAversion", "must be positive");
        }

        return Result(SolveDirect(riskAversion, _mu, "constraints"), riskFree);
    }

    public OptimizedPortfolio EfficientReturn(double targetReturn, double riskFree = 0.02)
    {
        var best = MaxReturn();
        if (targetReturn > best + 1e-12)
        {
            throw new PortfolioInputException("targetReturn",
                $"{targetReturn:G6} is above the highest return the constraints allow ({best:G6})");
        }

        var row = new LinearRow([.. Enumerable.Range(0, _n)], _mu, targetReturn, double.PositiveInfinity);
        return Result(SolveDirect(2, [], "targetReturn", row), riskFree);
    }

    public OptimizedPortfolio EfficientRisk(double targetVolatility, double riskFree = 0.02)
    {
        var least = MinVolatility(riskFree);
        if (targetVolatility < least.Performance.Volatility - 1e-12)
        {
            throw new PortfolioInputException("targetVolatility",
                $"{targetVolatility:G6} is below the lowest volatility the constraints allow ({least.Performance.Volatility:G6})");
        }

        // Volatility falls as risk aversion rises: bracket the target, then bisect in log space.
        var (low, high) = (1.0, 1.0);
        var atLow = MaxQuadraticUtility(low, riskFree);
        while (atLow.Performance.Volatility < targetVolatility && low > 1e-9)
        {
            low /= 10;
            atLow = MaxQuadraticUtility(low, riskFree);
        }

        if (atLow.Performance.Volatility <= targetVolatility)
        {
            return atLow; // the target does not bind: the highest-return portfolio is within it
        }

        var atHigh = MaxQuadraticUtility(high, riskFree);
        while (atHigh.Performance.Volatility > targetVolatility && high < 1e12)
        {
            high *= 10;
            atHigh = MaxQuadraticUtility(high, riskFree);
        }

        if (atHigh.Performance.Volatility > targetVolatility)
        {
            return least;
        }

        for (var i = 0; i < 100 && high / low > 1 + 1e-13; i++)
        {
            var middle = Math.Sqrt(low * high);
            var at = MaxQuadraticUtility(middle, riskFree);
            if (at.Performance.Volatility > targetVolatility)
            {
                low = middle;
            }
            else
            {
                (high, atHigh) = (middle, at);
            }
        }

        return atHigh;
    }

    /// <summary>
    /// The efficient frontier: <paramref name="points"/> portfolios of evenly spaced target returns from the minimum-volatility
    /// portfolio's return to the highest the constraints allow, each the least volatile for its return.
    /// </summary>
    public IReadOnlyList<OptimizedPortfolio> Frontier(int points, double riskFree = 0.02)
    {
        if (points is < 2 or > 500)
        {
            throw new PortfolioInputException("frontierPoints", "must be 2 to 500");
        }

        var least = MinVolatility(riskFree);
        var highest = MaxReturn();
        var low = least.Performance.ExpectedReturn;
        var frontier = new List<OptimizedPortfolio> { least };
        for (var k = 1; k < points; k++)
        {
            var target = low + (highest - low) * k / (points - 1);
            frontier.Add(EfficientReturn(Math.Min(target, highest), riskFree));
        }

        return frontier;
    }

    /// <summary>The tangency portfolio: maximum <c>(w'μ − rf) / √(w'Σw)</c>.</summary>
    public OptimizedPortfolio MaxSharpe(double riskFree = 0.02)
    {
        if (_mu.All(m => m <= riskFree))
        {
            throw new PortfolioInputException("riskFree",
                $"no asset's expected return is above the risk-free rate {riskFree:G6}: the maximum Sharpe ratio is not positive");
        }

        // y = κw: minimise y'Σy subject to (μ − rf)'y = 1 and every constraint on w multiplied through by κ ≥ 0.
        var kappa = _variables;
        var qp = new QuadraticProgram(_variables + 1);
        FillCovariance(qp, 2);
        qp.Lower[kappa] = 0;
        var longOnlyBudget = !_constraints.MarketNeutral && _constraints.LowerBounds.All(l => l >= 0);
        for (var v = 0; v < _variables; v++)
        {
            Homogenise(qp, [v], [1], _lower[v], _upper[v], kappa, boundOf: v, skipUpper: longOnlyBudget && v < _n && _upper[v] >= 1);
        }

        foreach (var row in _rows)
        {
            Homogenise(qp, row.Indices, row.Values, row.Lower, row.Upper, kappa);
        }

        qp.Rows.Add(new LinearRow([.. Enumerable.Range(0, _n)], [.. _mu.Select(m => m - riskFree)], 1, 1));
        var solution = QpSolver.Solve(qp);
        if (solution.Status == QpStatus.PrimalInfeasible)
        {
            throw new PortfolioInputException("constraints", "no portfolio within the constraints has a return above the risk-free rate");
        }

        var k = solution.X[kappa];
        var weights = solution.X.Take(_n).Select(y => y / k).ToArray();
        return new OptimizedPortfolio(weights, Performance(weights, riskFree), solution.Polished);
    }

    private double MaxReturn() => SolveDirect(1e-9, _mu, "constraints").X.Take(_n).Select((w, i) => w * _mu[i]).Sum();

    /// <summary>Minimises <c>½ scale·w'Σw − linear'w</c> over the constraints (and <paramref name="extra"/>).</summary>
    private QpSolution SolveDirect(double scale, double[] linear, string field, LinearRow? extra = null)
    {
        var qp = new QuadraticProgram(_variables);
        FillCovariance(qp, scale);
        for (var i = 0; i < linear.Length; i++)
        {
            qp.Q[i] = -linear[i];
        }

        _lower.CopyTo(qp.Lower, 0);
        _upper.CopyTo(qp.Upper, 0);
        qp.Rows.AddRange(_rows);
        if (extra is not null)
        {
            qp.Rows.Add(extra);
        }

        var solution = QpSolver.Solve(qp);
        if (solution.Status == QpStatus.PrimalInfeasible)
        {
            throw new PortfolioInputException(field, "no portfolio meets all the constraints");
        }

        return solution;
    }

    private OptimizedPortfolio Result(QpSolution solution, double riskFree)
    {
        var weights = solution.X.Take(_n).ToArray();
        return new OptimizedPortfolio(weights, Performance(weights, riskFree), solution.Polished);
    }

    private void FillCovariance(QuadraticProgram qp, double scale)
    {
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                qp.P[i * qp.N + j] = scale * _covariance[i, j];
            }
        }
    }

    /// <summary>
    /// <c>lower ≤ g·w ≤ upper</c> as <c>g·y − lower·κ ≥ 0</c> and <c>g·y − upper·κ ≤ 0</c>; a variable's zero bound stays a
    /// bound on y.
    /// </summary>
    private static void Homogenise(QuadraticProgram qp, int[] indices, double[] values, double lower, double upper, int kappa,
        int boundOf = -1, bool skipUpper = false)
    {
        if (lower == upper)
        {
            qp.Rows.Add(new LinearRow([.. indices, kappa], [.. values, -lower], 0, 0));
            return;
        }

        if (double.IsFinite(lower))
        {
            if (boundOf >= 0 && lower == 0)
            {
                qp.Lower[boundOf] = 0;
            }
            else
            {
                qp.Rows.Add(new LinearRow([.. indices, kappa], [.. values, -lower], 0, double.PositiveInfinity));
            }
        }

        if (double.IsFinite(upper) && !skipUpper)
        {
            if (boundOf >= 0 && upper == 0)
            {
                qp.Upper[boundOf] = 0;
            }
            else
            {
                qp.Rows.Add(new LinearRow([.. indices, kappa], [.. values, -upper], double.NegativeInfinity, 0));
            }
        }
    }

    private static double[] Ones(int n) => Enumerable.Repeat(1.0, n).ToArray();
}
