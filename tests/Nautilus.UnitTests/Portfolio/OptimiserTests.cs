using Nautilus.Portfolio.Domain;
using Nautilus.Portfolio.Domain.Allocation;
using Nautilus.Portfolio.Domain.Estimation;
using Nautilus.Portfolio.Domain.Optimisation;
using Nautilus.Testing;

namespace Nautilus.UnitTests.Portfolio;

/// <summary>
/// The optimisers against PyPortfolioOpt's published test expectations on its bundled prices (TestData/stock_prices.csv;
/// PyPortfolioOpt 1.5 tests/test_efficient_frontier.py, tests/test_hrp.py, tests/test_expected_returns.py) and the equal
/// risk contribution examples of Maillard, Roncalli and Teïletche (2010).
/// </summary>
public class OptimiserTests
{
    [Fact]
    public void Mean_historical_returns_match_pypfopts_compounded_means()
    {
        var mu = StockPrices.MuAndSigma.Mu;
        for (var i = 0; i < mu.Length; i++)
        {
            Assert.True(Math.Abs(mu[i] - StockPrices.PublishedMu[i]) < 1e-6,
                $"{StockPrices.Assets[i]}: {mu[i]} vs {StockPrices.PublishedMu[i]}");
        }
    }

    [Fact]
    public void Long_only_minimum_volatility_matches_pypfopt()
    {
        var (mu, sigma) = StockPrices.MuAndSigma;
        var result = new MeanVarianceOptimizer(mu, sigma, PortfolioConstraints.LongOnly(mu.Length)).MinVolatility();
        AssertPerformance((0.15056821399482578, 0.15915084514118694, 0.8204054077060996), result);
        Assert.Equal(1.0, result.Weights.Sum(), 12);
        Assert.All(result.Weights, w => Assert.InRange(w, 0, 1));
    }

    [Fact]
    public void Long_only_maximum_sharpe_matches_pypfopt()
    {
        var (mu, sigma) = StockPrices.MuAndSigma;
        var result = new MeanVarianceOptimizer(mu, sigma, PortfolioConstraints.LongOnly(mu.Length)).MaxSharpe(0.02);
        AssertPerformance((0.3047768672819914, 0.22165566922402932, 1.2847714127003216), result);
        Assert.Equal(1.0, result.Weights.Sum(), 12);
    }

    [Fact]
    public void Hrp_weights_match_pypfopt_with_single_linkage()
    {
        var returns = StockPrices.Returns;
        var allocation = HierarchicalRiskParity.Allocate(RiskModels.SampleCovariance(returns, frequency: 1),
            RiskModels.SampleCorrelation(returns));
        var expected = PyPortfolioOptData.HrpWeights();
        for (var i = 0; i < StockPrices.Assets.Length; i++)
        {
            var want = expected[StockPrices.Assets[i]];
            Assert.True(Math.Abs(allocation.Weights[i] - want) <= 1e-2 * want,
                $"{StockPrices.Assets[i]}: {allocation.Weights[i]} vs {want}");
        }

        Assert.Equal(1.0, allocation.Weights.Sum(), 12);
    }

    [Theory]
    [InlineData(new[] { .01, 0, 0, 0, 0, .04, 0, 0, 0, 0, .09, 0, 0, 0, 0, .16 }, new[] { .48, .24, .16, .12 })]
    [InlineData(new[] { .01, .016, 0, 0, .016, .04, 0, 0, 0, 0, .09, -.06, 0, 0, -.06, .16 }, new[] { .384, .192, .243, .182 })]
    public void Equal_risk_contribution_reproduces_maillard_roncalli_teiletche(double[] flat, double[] expected)
    {
        var sigma = new double[4, 4];
        for (var k = 0; k < 16; k++)
        {
            sigma[k / 4, k % 4] = flat[k];
        }

        var weights = RiskParity.Allocate(sigma);
        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(expected[i], weights[i], 3);
        }

        Assert.All(RiskParity.RiskContributions(sigma, weights), c => Assert.Equal(0.25, c, 9));
    }

    private static void AssertPerformance((double Return, double Volatility, double Sharpe) expected, OptimizedPortfolio actual)
    {
        var p = actual.Performance;
        Assert.True(Math.Abs(p.ExpectedReturn - expected.Return) < 1e-6 * Math.Abs(expected.Return), $"return {p.ExpectedReturn:R}");
        Assert.True(Math.Abs(p.Volatility - expected.Volatility) < 1e-6 * expected.Volatility, $"volatility {p.Volatility:R}");
        Assert.True(Math.Abs(p.Sharpe - expected.Sharpe) < 1e-6 * expected.Sharpe, $"sharpe {p.Sharpe:R}");
        Assert.True(actual.Exact, "the solver's polish found the active set");
    }
}
