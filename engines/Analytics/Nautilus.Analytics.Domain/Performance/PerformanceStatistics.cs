namespace Nautilus.Analytics.Domain.Performance;

/// <summary>
/// Performance statistics with empyrical's conventions: missing periods are NaN and skipped by every mean and deviation
/// but counted in the number of periods that annualises the compounded return; sample deviations use n − 1 (downside
/// risk the mean of squared shortfalls below the MAR, as empyrical); annual return = (Π(1 + r))^(P/N) − 1; Sharpe =
/// mean(r − rf)/σ(r − rf)·√P; Sortino = mean(r − MAR)·P / downside risk; Calmar = annual return / |max drawdown|;
/// Omega with the MAR per period as threshold; alpha (compounded to a year) and beta against the benchmark, both net of rf;
/// information ratio = mean(r − b)·P / tracking error, tracking error = σ(r − b)·√P; capture ratios of annual returns
/// over the periods the benchmark rose (fell); stability the R² of cumulative log returns on time; tail ratio
/// |95th percentile| / |5th percentile|; VaR 95 the 5th percentile of returns (linear interpolation, as numpy).
/// </summary>
public static class PerformanceStatistics
{
    public static PerformanceReport Compute(double[] returns, double[]? benchmark, PerformanceSettings settings,
        IReadOnlyList<TradeOutcome>? trades = null)
    {
        CheckInputs(returns, settings);
        if (benchmark is not null && benchmark.Length != returns.Length)
        {
            throw new PerformanceInputException("benchmark",
                $"{benchmark.Length} benchmark returns for {returns.Length} returns: one per period");
        }

        var notes = new List<string>();
        var p = settings.PeriodsPerYear;
        var values = returns.Where(double.IsFinite).ToArray();
        var n = values.Length;
        if (n == 0)
        {
            throw new PerformanceInputException("returns", "at least one return is needed");
        }

        if (n < returns.Length)
        {
            notes.Add($"{returns.Length - n} missing periods skipped (counted in the years that annualise the return)");
        }

        var wealth = Drawdowns.Wealth(returns);
        var cumulative = wealth[^1] - 1;
        var annual = Math.Pow(1 + cumulative, (double)p / returns.Length) - 1;
        var std = n >= 2 ? StdDev(values) : (double?)null;
        if (std is null)
        {
            notes.Add("one observation: no volatility, Sharpe, skewness or stability");
        }

        var excess = values.Select(r => r - settings.RiskFree).ToArray();
        var excessStd = n >= 2 ? StdDev(excess) : 0;
        var sharpe = excessStd > 0 ? excess.Average() / excessStd * Math.Sqrt(p) : (double?)null;
        if (n >= 2 && excessStd == 0)
        {
            notes.Add("returns do not vary: Sharpe is undefined");
        }

        var downside = Math.Sqrt(values.Select(r => Math.Min(r - settings.Mar, 0)).Select(d => d * d).Average()) * Math.Sqrt(p);
        var sortino = downside > 0 ? values.Average(r => r - settings.Mar) * p / downside : (double?)null;
        if (downside == 0)
        {
            notes.Add("no return below the MAR: Sortino is undefined");
        }

        var table = Drawdowns.Table(returns, 5);
        var maxDrawdown = table.Count > 0 ? table[0].Depth : 0;
        var calmar = maxDrawdown < 0 ? annual / Math.Abs(maxDrawdown) : (double?)null;
        if (maxDrawdown == 0)
        {
            notes.Add("no drawdown: Calmar is undefined");
        }

        var above = values.Sum(r => Math.Max(r - settings.RiskFree - settings.Mar, 0));
        var below = -values.Sum(r => Math.Min(r - settings.RiskFree - settings.Mar, 0));
        var omega = below > 0 ? above / below : (double?)null;

        var (skew, kurtosis) = n >= 3 ? Moments(values) : (null, null);
        var scratch = values.ToArray();
        var p95 = SelectPercentile(scratch, 95);
        var p5 = SelectPercentile(scratch, 5);
        var tail = p5 != 0 ? Math.Abs(p95) / Math.Abs(p5) : (double?)null;
        var stability = n >= 3 ? Stability(values) : null;
        var gains = values.Where(r => r > 0).Sum();
        var losses = -values.Where(r => r < 0).Sum();

        double? alpha = null, beta = null, ir = null, te = null, up = null, down = null;
        if (benchmark is not null)
        {
            (alpha, beta) = AlphaBeta(returns, benchmark, settings.RiskFree, p, notes);
            var active = returns.Zip(benchmark).Where(x => double.IsFinite(x.First) && double.IsFinite(x.Second))
                .Select(x => x.First - x.Second).ToArray();
            if (active.Length >= 2)
            {
                var activeStd = StdDev(active);
                te = activeStd * Math.Sqrt(p);
                ir = activeStd > 0 ? active.Average() * p / te : null;
            }

            up = Capture(returns, benchmark, b => b > 0, p);
            down = Capture(returns, benchmark, b => b < 0, p);
        }
        else
        {
            notes.Add("no benchmark: alpha, beta, information ratio, tracking error and capture ratios need one");
        }

        return new PerformanceReport(returns.Length, n, cumulative, annual, std * Math.Sqrt(p), sharpe, sortino, downside, calmar, omega,
            maxDrawdown, table.Count > 0 ? table[0] : null, table, skew, kurtosis, tail, stability,
            (double)values.Count(r => r > 0) / n, losses > 0 ? gains / losses : null, p5, alpha, beta, ir, te, up, down,
            trades is { Count: > 0 } ? OfTrades(trades) : null,
            settings.RollingWindow is { } window ? Rolling(returns, window, settings) : null,
            notes);
    }

    /// <summary>Alpha compounded to a year and beta, both of returns net of the risk-free rate (empyrical's alpha_beta).</summary>
    public static (double? Alpha, double? Beta) AlphaBeta(double[] returns, double[] benchmark, double riskFree, int periodsPerYear,
        List<string>? notes = null)
    {
        var pairs = returns.Zip(benchmark).Where(x => double.IsFinite(x.First) && double.IsFinite(x.Second))
            .Select(x => (R: x.First - riskFree, B: x.Second - riskFree)).ToArray();
        if (pairs.Length < 2)
        {
            notes?.Add("fewer than two periods with both returns: no alpha or beta");
            return (null, null);
        }

        var meanB = pairs.Average(x => x.B);
        var covariance = pairs.Average(x => (x.B - meanB) * x.R);
        var variance = pairs.Average(x => (x.B - meanB) * (x.B - meanB));
        if (variance == 0)
        {
            notes?.Add("the benchmark does not vary: no alpha or beta");
            return (null, null);
        }

        var beta = covariance / variance;
        var alpha = Math.Pow(1 + pairs.Average(x => x.R - beta * x.B), periodsPerYear) - 1;
        return (alpha, beta);
    }

    /// <summary>numpy's percentile with linear interpolation between closest ranks.</summary>
    public static double Percentile(double[] values, double percent) => SelectPercentile(values.ToArray(), percent);

    /// <summary>The percentile by selection, O(n) rather than a sort: <paramref name="scratch"/> is reordered.</summary>
    private static double SelectPercentile(double[] scratch, double percent)
    {
        var rank = percent / 100 * (scratch.Length - 1);
        var lower = (int)Math.Floor(rank);
        var atLower = Select(scratch, lower);
        if (lower + 1 >= scratch.Length)
        {
            return atLower;
        }

        // After selection everything right of lower is at least scratch[lower]: the next rank is their minimum.
        var atUpper = double.PositiveInfinity;
        for (var i = lower + 1; i < scratch.Length; i++)
        {
            atUpper = Math.Min(atUpper, scratch[i]);
        }

        return atLower + (atUpper - atLower) * (rank - lower);
    }

    /// <summary>Hoare's quickselect: puts the k-th smallest at k, smaller values left of it, larger right.</summary>
    private static double Select(double[] a, int k)
    {
        var (left, right) = (0, a.Length - 1);
        while (left < right)
        {
            var pivot = a[left + (right - left) / 2];
            var (i, j) = (left, right);
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        return a[k];
    }

    private static double? Capture(double[] returns, double[] benchmark, Func<double, bool> when, int p)
    {
        var chosen = returns.Zip(benchmark).Where(x => double.IsFinite(x.First) && double.IsFinite(x.Second) && when(x.Second)).ToArray();
        if (chosen.Length == 0)
        {
            return null;
        }

        var mine = Annual(chosen.Select(x => x.First), chosen.Length, p);
        var theirs = Annual(chosen.Select(x => x.Second), chosen.Length, p);
        return theirs != 0 ? mine / theirs : null;
    }

    private static double Annual(IEnumerable<double> returns, int count, int p) =>
        Math.Pow(returns.Aggregate(1.0, (w, r) => w * (1 + r)), (double)p / count) - 1;

    private static double StdDev(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1));
    }

    /// <summary>Skewness and excess kurtosis as population moment ratios (scipy's defaults).</summary>
    private static (double?, double?) Moments(double[] values)
    {
        var mean = values.Average();
        double s2 = 0, s3 = 0, s4 = 0;
        foreach (var v in values)
        {
            var d = v - mean;
            var d2 = d * d;
            s2 += d2;
            s3 += d2 * d;
            s4 += d2 * d2;
        }

        var (m2, m3, m4) = (s2 / values.Length, s3 / values.Length, s4 / values.Length);
        if (m2 == 0)
        {
            return (null, null);
        }

        return (m3 / Math.Pow(m2, 1.5), m4 / (m2 * m2) - 3);
    }

    /// <summary>R² of the least-squares line through cumulative log returns against time.</summary>
    private static double? Stability(double[] values)
    {
        var y = new double[values.Length];
        var sum = 0.0;
        for (var i = 0; i < values.Length; i++)
        {
            sum += Math.Log(1 + values[i]);
            y[i] = sum;
        }

        var meanX = (values.Length - 1) / 2.0;
        var meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < y.Length; i++)
        {
            sxy += (i - meanX) * (y[i] - meanY);
            sxx += (i - meanX) * (i - meanX);
            syy += (y[i] - meanY) * (y[i] - meanY);
        }

        return syy > 0 ? sxy * sxy / (sxx * syy) : null;
    }

    /// <summary>Win rate, average win and loss, payoff, expectancy, profit factor, extremes, MAE/MFE of at least one closed
    /// trade.</summary>
    public static TradeStatistics OfTrades(IReadOnlyList<TradeOutcome> trades)
    {
        if (trades.Count == 0)
        {
            throw new PerformanceInputException("trades", "at least one closed trade is needed");
        }

        var wins = trades.Where(t => t.Pnl > 0).Select(t => t.Pnl).ToArray();
        var losses = trades.Where(t => t.Pnl < 0).Select(t => t.Pnl).ToArray();
        double? avgWin = wins.Length > 0 ? wins.Average() : null;
        double? avgLoss = losses.Length > 0 ? losses.Average() : null;
        var maes = trades.Where(t => t.Mae is not null).Select(t => t.Mae!.Value).ToArray();
        var mfes = trades.Where(t => t.Mfe is not null).Select(t => t.Mfe!.Value).ToArray();
        return new TradeStatistics(trades.Count, (double)wins.Length / trades.Count, avgWin, avgLoss,
            avgWin is not null && avgLoss is not null ? avgWin / Math.Abs(avgLoss.Value) : null,
            trades.Average(t => t.Pnl), losses.Length > 0 ? wins.Sum() / -losses.Sum() : null,
            wins.Length > 0 ? wins.Max() : null, losses.Length > 0 ? losses.Min() : null,
            maes.Length > 0 ? maes.Average() : null, mfes.Length > 0 ? mfes.Average() : null);
    }

    /// <summary>Sharpe, volatility and return over a moving window alone, without the rest of the report.</summary>
    public static RollingStatistics RollingOf(double[] returns, int window, PerformanceSettings settings)
    {
        CheckInputs(returns, settings);
        return Rolling(returns, window, settings);
    }

    private static void CheckInputs(double[] returns, PerformanceSettings settings)
    {
        if (settings.PeriodsPerYear < 1)
        {
            throw new PerformanceInputException("periodsPerYear", $"must be at least 1, not {settings.PeriodsPerYear}");
        }

        if (!double.IsFinite(settings.RiskFree) || !double.IsFinite(settings.Mar))
        {
            throw new PerformanceInputException(double.IsFinite(settings.RiskFree) ? "mar" : "riskFree", "must be a finite number");
        }

        for (var i = 0; i < returns.Length; i++)
        {
            if (double.IsInfinity(returns[i]) || returns[i] <= -1)
            {
                throw new PerformanceInputException("returns",
                    $"value {i} is {returns[i]}: a period's return is finite and above −1 (−100 %)");
            }
        }
    }

    private static RollingStatistics Rolling(double[] returns, int window, PerformanceSettings settings)
    {
        if (window < 2 || window > returns.Length)
        {
            throw new PerformanceInputException("rollingWindow",
                $"must be from 2 to the number of returns ({returns.Length}), not {window}");
        }

        // One pass with running sums (shifted by a reference value against cancellation): O(N) instead of O(N·window),
        // which made a ten-year sheet with 63-day windows cost 10 ms. Missing periods (NaN) are skipped as everywhere else.
        var sharpe = new double?[returns.Length - window + 1];
        var volatility = new double?[sharpe.Length];
        var growth = new double?[sharpe.Length];
        var shift = Array.Find(returns, double.IsFinite);
        var (count, sum, squares, logs) = (0, 0.0, 0.0, 0.0);
        var annualiser = Math.Sqrt(settings.PeriodsPerYear);
        for (var i = 0; i < returns.Length; i++)
        {
            Add(returns[i], 1);
            if (i >= window)
            {
                Add(returns[i - window], -1);
            }

            if (i < window - 1 || count < 2)
            {
                continue;
            }

            var mean = sum / count;
            var std = Math.Sqrt(Math.Max(0, (squares - sum * mean) / (count - 1)));
            var at = i - window + 1;
            sharpe[at] = std > 1e-15 ? (mean + shift - settings.RiskFree) / std * annualiser : null;
            volatility[at] = std * annualiser;
            growth[at] = Math.Exp(logs) - 1;
        }

        void Add(double r, int sign)
        {
            if (double.IsFinite(r))
            {
                count += sign;
                sum += sign * (r - shift);
                squares += sign * (r - shift) * (r - shift);
                logs += sign * double.LogP1(r);
            }
        }

        return new RollingStatistics(window, sharpe, volatility, growth);
    }
}

/// <summary>An input a statistic cannot be computed from, naming the request field at fault.</summary>
public sealed class PerformanceInputException(string field, string problem) : ArgumentException($"{field}: {problem}", field)
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
