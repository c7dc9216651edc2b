using Nautilus.Portfolio.Domain.Estimation;
using Nautilus.Testing;

namespace Nautilus.UnitTests.Portfolio;

/// <summary>PyPortfolioOpt's test prices (TestData/stock_prices.csv, MIT): 20 US stocks' daily adjusted closes, 1989–2018.</summary>
public static class StockPrices
{
    public static string[] Assets => PyPortfolioOptData.Assets;

    public static double[][] Prices { get; } = [.. PyPortfolioOptData.Prices.Select(row => row.Select(p => p ?? double.NaN).ToArray())];

    public static ReturnSeries Returns => ReturnSeries.FromPrices(Prices);

    private static readonly Lazy<(double[] Mu, double[,] Sigma)> Estimated = new(() =>
        (ExpectedReturns.MeanHistorical(Returns), RiskModels.SampleCovariance(Returns)));

    /// <summary>PyPortfolioOpt's default inputs: compounded mean historical returns and the annualised sample covariance.</summary>
    public static (double[] Mu, double[,] Sigma) MuAndSigma => Estimated.Value;

    /// <summary>PyPortfolioOpt's expected returns (compounded mean historical) in the file's column order, as published.</summary>
    public static readonly double[] PublishedMu =
    [
        0.247967, 0.294304, 0.284037, 0.1923164, 0.371327, 0.1360093, 0.0328503, 0.1200115, 0.105540, 0.0423457, 0.1002559,
        0.1442237, -0.0792602, 0.1430506, 0.0736356, 0.238835, 0.388665, 0.226717, 0.1561701, 0.2318153,
    ];
}
