using Nautilus.Portfolio.Domain;
using Nautilus.Portfolio.Domain.Estimation;
using Nautilus.Portfolio.Domain.Optimisation;

namespace Nautilus.UnitTests.Portfolio;

/// <summary>Return and risk estimators and Black-Litterman on PyPortfolioOpt's prices (TestData/stock_prices.csv).</summary>
public class EstimatorTests
{
    /// <summary>AAPL, GE, AMD, WMT, BAC: listed through the whole file, so no gaps.</summary>
    private static ReturnSeries FiveStocks(int periods)
    {
        int[] columns = [1, 5, 6, 7, 8];
        return new ReturnSeries([.. StockPrices.Returns.Values.Take(periods).Select(row => columns.Select(c => row[c]).ToArray())]);
    }

    [Fact]
    public void Ledoit_wolf_shrinkage_agrees_with_the_papers_formulation()
    {
        // Ledoit and Wolf (2004), Lemmas 3.2–3.4, with the normalised Frobenius norm ||A||² = tr(AA')/p:
        // S = X'X/n, m = tr(S)/p, d² = ||S − mI||², b² = min((1/n²) Σ_k ||x_k x_k' − S||², d²), shrinkage b²/d².
        var returns = FiveStocks(250);
        var (n, p) = (returns.Periods, returns.Assets);
        var x = returns.Values.Select(r => (double[])r.Clone()).ToArray();
        for (var j = 0; j < p; j++)
        {
            var mean = x.Average(r => r[j]);
            foreach (var r in x)
            {
                r[j] -= mean;
            }
        }

        var s = new double[p, p];
        foreach (var r in x)
        {
            for (var i = 0; i < p; i++)
            {
                for (var j = 0; j < p; j++)
                {
                    s[i, j] += r[i] * r[j] / n;
                }
            }
        }

        var m = Enumerable.Range(0, p).Sum(i => s[i, i]) / p;
        double Norm2(Func<int, int, double> a) =>
            Enumerable.Range(0, p).Sum(i => Enumerable.Range(0, p).Sum(j => a(i, j) * a(i, j))) / p;
        var d2 = Norm2((i, j) => s[i, j] - (i == j ? m : 0));
        var b2 = Math.Min(x.Sum(r => Norm2((i, j) => r[i] * r[j] - s[i, j])) / ((double)n * n), d2);
        var expected = b2 / d2;

        var shrunk = RiskModels.LedoitWolfShrunk(returns, out var shrinkage);
        Assert.Equal(expected, shrinkage, 12);
        Assert.InRange(shrinkage, 0, 1);
        Assert.Equal((1 - shrinkage) * s[0, 1], shrunk[0, 1], 15);
        Assert.Equal((1 - shrinkage) * s[2, 2] + shrinkage * m, shrunk[2, 2], 15);
        Assert.Equal(252 * shrunk[3, 4], RiskModels.LedoitWolf(returns)[3, 4], 15);
    }

    [Fact]
    public void The_exponentially_weighted_estimates_weigh_the_latest_periods_most()
    {
        // A flat series then a jump in its last 20 periods: the EWMA mean (span 20) sits near the jump, the plain mean does not.
        var values = Enumerable.Range(0, 500).Select(t => new[] { t < 480 ? 0.0 : 0.01 }).ToArray();
        var series = new ReturnSeries(values);
        var alpha = 2.0 / 21;
        var weights = Enumerable.Range(0, 500).Select(t => Math.Pow(1 - alpha, 499 - t)).ToArray();
        var expected = weights.Skip(480).Sum() * 0.01 / weights.Sum();
        Assert.Equal(expected * 252, ExpectedReturns.ExponentiallyWeighted(series, span: 20, compounding: false)[0], 12);
        Assert.Equal(0.01 * 20 / 500 * 252, ExpectedReturns.MeanHistorical(series, compounding: false)[0], 12);
        Assert.True(RiskModels.ExponentialCovariance(series, span: 20)[0, 0] > RiskModels.SampleCovariance(series)[0, 0]);
    }

    [Fact]
    public void Capm_betas_of_the_market_proxy_average_one()
    {
        var returns = FiveStocks(2000);
        var mu = ExpectedReturns.Capm(returns, riskFree: 0.02);
        var market = returns.Values.Select(r => r.Average()).ToArray();
        var marketMean = ExpectedReturns.MeanHistorical(new ReturnSeries([.. market.Select(m => new[] { m })]))[0];
        // The proxy is the equal-weight average, so the betas average to one and so do the excess returns' multiples.
        var betas = mu.Select(m => (m - 0.02) / (marketMean - 0.02)).ToArray();
        Assert.Equal(1.0, betas.Average(), 12);
    }

    [Fact]
    public void Black_litterman_moves_the_prior_towards_the_views_as_far_as_their_confidence()
    {
        var returns = FiveStocks(1000);
        var sigma = RiskModels.SampleCovariance(returns);
        var prior = BlackLitterman.ImpliedReturns(sigma, [3, 1, 0.5, 2, 1.5], riskAversion: 2.5);
        View absolute = new(new Dictionary<int, double> { [0] = 1 }, 0.30);

        // Ω = τ p'Σp (the default) gives the view the prior's own weight: the posterior is halfway (He and Litterman 1999).
        var halfway = BlackLitterman.Posterior(prior, sigma, [absolute]);
        Assert.Equal((prior[0] + 0.30) / 2, halfway.Returns[0], 12);
        Assert.Equal(0.30, BlackLitterman.Posterior(prior, sigma, [absolute], viewVariances: [1e-14]).Returns[0], 8);
        Assert.Equal(prior[2], BlackLitterman.Posterior(prior, sigma, [absolute], viewVariances: [1e9]).Returns[2], 9);

        View relative = new(new Dictionary<int, double> { [1] = 1, [2] = -1 }, 0.05);
        var posterior = BlackLitterman.Posterior(prior, sigma, [relative]);
        var spread = posterior.Returns[1] - posterior.Returns[2];
        Assert.InRange(spread, Math.Min(prior[1] - prior[2], 0.05), Math.Max(prior[1] - prior[2], 0.05));
        Assert.True(posterior.Covariance[0, 0] > sigma[0, 0]); // uncertainty about the mean adds to the covariance

        Assert.Equal("views", Assert.Throws<PortfolioInputException>(() => BlackLitterman.Posterior(prior, sigma, [])).Field);
    }
}
