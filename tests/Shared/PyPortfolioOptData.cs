using System.Globalization;

namespace Nautilus.Testing;

/// <summary>
/// PyPortfolioOpt's test resources (MIT, TestData/LICENSE-PyPortfolioOpt.txt): 20 US stocks' daily adjusted closes, 1989–2018
/// (TestData/stock_prices.csv, null before a listing), and the HRP weights its tests expect on them
/// (TestData/pypfopt_weights_hrp.csv).
/// </summary>
public static class PyPortfolioOptData
{
    private static readonly Lazy<(string[] Assets, double?[][] Prices)> Loaded = new(() =>
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "stock_prices.csv"));
        return (lines[0].Split(',')[1..], [.. lines[1..].Where(l => l.Length > 0).Select(l => l.Split(',')[1..]
            .Select(c => c.Length == 0 ? (double?)null : double.Parse(c, CultureInfo.InvariantCulture)).ToArray())]);
    });

    public static string[] Assets => Loaded.Value.Assets;

    /// <summary>Rows of closes, oldest first, one column per asset; null where the asset was not listed yet.</summary>
    public static double?[][] Prices => Loaded.Value.Prices;

    /// <summary>PyPortfolioOpt's expected HRP weights by asset (its tests compare them with a relative tolerance of 1e-2).</summary>
    public static IReadOnlyDictionary<string, double> HrpWeights() =>
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "pypfopt_weights_hrp.csv"))[1..]
            .Select(l => l.Split(',')).ToDictionary(p => p[0], p => double.Parse(p[1], CultureInfo.InvariantCulture));
}
