using Nautilus.Portfolio.Domain;
using Nautilus.Portfolio.Domain.Estimation;
using Nautilus.Portfolio.Domain.Optimisation;

namespace Nautilus.UnitTests.Portfolio;

/// <summary>
/// The optimisers' constraints and their agreement with each other on PyPortfolioOpt's prices (TestData/stock_prices.csv):
/// two independent algorithms (the QP and the Critical Line Algorithm) must find the same corners of the frontier.
/// </summary>
public class ConstraintTests
{
    private static MeanVarianceOptimizer LongOnly(PortfolioConstraints? constraints = null)
    {
        var (mu, sigma) = StockPrices.MuAndSigma;
        return new MeanVarianceOptimizer(mu, sigma, constraints ?? PortfolioConstraints.LongOnly(mu.Length));
    }

    [Fact]
    public void The_critical_line_algorithm_finds_the_same_maximum_sharpe_and_minimum_volatility_portfolios_as_the_qp()
    {
        var (mu, sigma) = StockPrices.MuAndSigma;
        var cla = new CriticalLineAlgorithm(mu, sigma, new double[mu.Length], Enumerable.Repeat(1.0, mu.Length).ToArray());
        var qp = LongOnly();
        var (claSharpe, qpSharpe) = (qp.Performance(cla.MaxSharpe(0.02)), qp.MaxSharpe(0.02).Performance);
        Assert.Equal(qpSharpe.Sharpe, claSharpe.Sharpe, 9);
        Assert.Equal(qpSharpe.Volatility, claSharpe.Volatility, 7);
        Assert.Equal(qp.MinVolatility().Performance.Volatility, qp.Performance(cla.MinVolatility()).Volatility, 9);
        // Corners run from the highest return down to the least variance.
        Assert.True(cla.TurningPoints.Count > 2);
        Assert.Equal(mu.Max(), cla.TurningPoints[0].ExpectedReturn, 12);
        Assert.All(cla.TurningPoints.Zip(cla.TurningPoints.Skip(1)),
            p => Assert.True(p.First.ExpectedReturn >= p.Second.ExpectedReturn - 1e-12));
    }

    [Fact]
    public void Efficient_return_and_efficient_risk_land_on_the_frontier()
    {
        var optimizer = LongOnly();
        var tangency = optimizer.MaxSharpe(0.02);
        var byReturn = optimizer.EfficientReturn(tangency.Performance.ExpectedReturn);
        Assert.Equal(tangency.Performance.Volatility, byReturn.Performance.Volatility, 7);
        var byRisk = optimizer.EfficientRisk(tangency.Performance.Volatility);
        Assert.Equal(tangency.Performance.ExpectedReturn, byRisk.Performance.ExpectedReturn, 6);
        var frontier = optimizer.Frontier(10);
        Assert.All(frontier.Zip(frontier.Skip(1)), p =>
        {
            Assert.True(p.Second.Performance.ExpectedReturn > p.First.Performance.ExpectedReturn);
            Assert.True(p.Second.Performance.Volatility >= p.First.Performance.Volatility - 1e-12);
        });
    }

    [Fact]
    public void Sector_caps_turnover_and_market_neutrality_hold_at_the_optimum()
    {
        var (mu, sigma) = StockPrices.MuAndSigma;
        var n = mu.Length;
        var sectors = StockPrices.Assets.Select(a => a is "GOOG" or "AAPL" or "FB" or "BABA" or "AMZN" or "AMD" or "MA" ? "Tech" : "Other")
            .ToArray();
        var capped = LongOnly(new PortfolioConstraints(new double[n], Enumerable.Repeat(1.0, n).ToArray(), AssetSectors: sectors,
            SectorLimits: [new SectorLimit("Tech", null, 0.3)])).MaxSharpe();
        var tech = capped.Weights.Where((_, i) => sectors[i] == "Tech").Sum();
        Assert.True(tech <= 0.3 + 1e-9, $"tech {tech}");
        Assert.True(LongOnly().MaxSharpe().Weights.Where((_, i) => sectors[i] == "Tech").Sum() > 0.3); // the cap binds

        var current = Enumerable.Repeat(1.0 / n, n).ToArray();
        var limited = LongOnly(new PortfolioConstraints(new double[n], Enumerable.Repeat(1.0, n).ToArray(), CurrentWeights: current,
            MaxTurnover: 0.2)).MaxSharpe();
        Assert.True(limited.Weights.Select((w, i) => Math.Abs(w - current[i])).Sum() <= 0.2 + 1e-9);

        var neutral = LongOnly(PortfolioConstraints.Uniform(n, -1, 1, marketNeutral: true)).EfficientRisk(0.15);
        Assert.Equal(0, neutral.Weights.Sum(), 9);
        Assert.Equal(0.15, neutral.Performance.Volatility, 9); // the risk budget binds: more return needs more risk
        Assert.True(neutral.Performance.ExpectedReturn > 0);
    }

    [Fact]
    public void Infeasible_requests_name_the_field()
    {
        var n = StockPrices.MuAndSigma.Mu.Length;
        Assert.Equal("bounds", Assert.Throws<PortfolioInputException>(() => LongOnly(PortfolioConstraints.Uniform(n, 0, 0.04))).Field);
        Assert.Equal("targetReturn", Assert.Throws<PortfolioInputException>(() => LongOnly().EfficientReturn(0.5)).Field);
        Assert.Equal("targetVolatility", Assert.Throws<PortfolioInputException>(() => LongOnly().EfficientRisk(0.05)).Field);
        Assert.Equal("riskFree", Assert.Throws<PortfolioInputException>(() => LongOnly().MaxSharpe(0.5)).Field);
        var (mu, sigma) = StockPrices.MuAndSigma;
        var sectors = Enumerable.Repeat("All", n).ToArray();
        var impossible = new PortfolioConstraints(new double[n], Enumerable.Repeat(1.0, n).ToArray(), AssetSectors: sectors,
            SectorLimits: [new SectorLimit("All", null, 0.5)]);
        Assert.Equal("constraints", Assert.Throws<PortfolioInputException>(() => new MeanVarianceOptimizer(mu, sigma, impossible)
            .MinVolatility()).Field);
    }
}
