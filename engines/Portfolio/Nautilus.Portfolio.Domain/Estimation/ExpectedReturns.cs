namespace Nautilus.Portfolio.Domain.Estimation;

/// <summary>
/// Annualised expected returns per asset, with PyPortfolioOpt's conventions (<c>expected_returns.py</c>): compounded means
/// use each asset's own count of returns, <c>prod(1 + r)^(frequency / count) − 1</c>.
/// </summary>
public static class ExpectedReturns
{
    public const int TradingDays = 252;

    /// <summary>The historical mean: compounded (geometric), or the arithmetic mean times the frequency.</summary>
    public static double[] MeanHistorical(ReturnSeries returns, bool compounding = true, int frequency = TradingDays)
    {
        var mu = new double[returns.Assets];
        for (var j = 0; j < mu.Length; j++)
        {
            var (count, logGrowth, sum) = (0, 0.0, 0.0);
            foreach (var row in returns.Values)
            {
                if (!double.IsNaN(row[j]))
                {
                    count++;
                    logGrowth += Math.Log(1 + row[j]);
                    sum += row[j];
                }
            }

            mu[j] = count == 0 ? double.NaN
                : compounding ? Math.Exp(logGrowth * frequency / count) - 1
                : sum / count * frequency;
        }

        return mu;
    }

    /// <summary>
    /// The exponentially weighted mean (pandas <c>ewm(span).mean()</c> at the last period, adjusted weights (1 − α)^age with
    /// α = 2 / (span + 1), ages counted in periods), compounded as <c>(1 + m)^frequency − 1</c> or times the frequency.
    /// </summary>
    public static double[] ExponentiallyWeighted(ReturnSeries returns, int span = 500, bool compounding = true,
        int frequency = TradingDays)
    {
        var alpha = 2.0 / (span + 1);
        var mu = new double[returns.Assets];
        for (var j = 0; j < mu.Length; j++)
        {
            var m = EwmLast(returns.Values, j, j, alpha, centre: null);
            mu[j] = compounding ? Math.Pow(1 + m, frequency) - 1 : m * frequency;
        }

        return mu;
    }

    /// <summary>
    /// CAPM: <c>rf + β (E[R_m] − rf)</c>, β from pairwise-complete covariances with the market's returns (the equally weighted
    /// average of the assets' returns when none are given), E[R_m] the market's compounded mean.
    /// </summary>
    public static double[] Capm(ReturnSeries returns, double[]? marketReturns = null, double riskFree = 0.02, bool compounding = true,
        int frequency = TradingDays)
    {
        var market = marketReturns ?? [.. returns.Values.Select(row =>
        {
            var values = row.Where(v => !double.IsNaN(v)).ToArray();
            return values.Length == 0 ? double.NaN : values.Average();
        })];
        if (market.Length != returns.Periods)
        {
            throw new ArgumentException($"{market.Length} market returns for {returns.Periods} periods", nameof(marketReturns));
        }

        var marketSeries = new ReturnSeries([.. market.Select(r => new[] { r })]);
        var marketMean = MeanHistorical(marketSeries, compounding, frequency)[0];
        var marketVariance = RiskModels.PairwiseCovariance(market, market);
        var mu = new double[returns.Assets];
        for (var j = 0; j < mu.Length; j++)
        {
            var beta = RiskModels.PairwiseCovariance(returns.Column(j), market) / marketVariance;
            mu[j] = riskFree + beta * (marketMean - riskFree);
        }

        return mu;
    }

    /// <summary>
    /// pandas' adjusted exponentially weighted mean at the last period of column a (times column b, each less its centre, for
    /// covariances): weights (1 − α)^(last − t) over the periods where the value exists.
    /// </summary>
    internal static double EwmLast(double[][] values, int a, int b, double alpha, (double A, double B)? centre)
    {
        var decay = 1 - alpha;
        var (weighted, total, weight) = (0.0, 0.0, 1.0);
        for (var t = values.Length - 1; t >= 0; t--, weight *= decay)
        {
            var (va, vb) = (values[t][a], values[t][b]);
            if (double.IsNaN(va) || double.IsNaN(vb))
            {
                continue;
            }

            var value = centre is { } c ? (va - c.A) * (vb - c.B) : va;
            weighted += weight * value;
            total += weight;
            if (weight < 1e-300)
            {
                break;
            }
        }

        return total == 0 ? double.NaN : weighted / total;
    }
}
