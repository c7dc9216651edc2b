namespace Nautilus.Portfolio.Domain.Estimation;

/// <summary>
/// Periodic returns of several assets, oldest first: <c>Values[t][j]</c> is asset j's return over period t, NaN where it has
/// none (before a listing, a missing price). PyPortfolioOpt's conventions: simple returns <c>p_t / p_{t−1} − 1</c> without
/// filling gaps, and periods where no asset has a return dropped.
/// </summary>
public sealed class ReturnSeries
{
    public ReturnSeries(double[][] values)
    {
        Values = values;
        Assets = values.Length == 0 ? 0 : values[0].Length;
    }

    public double[][] Values { get; }

    public int Periods => Values.Length;

    public int Assets { get; }

    /// <summary>Returns from rows of prices (NaN or null where missing).</summary>
    public static ReturnSeries FromPrices(IReadOnlyList<double[]> prices)
    {
        var rows = new List<double[]>(prices.Count);
        for (var t = 1; t < prices.Count; t++)
        {
            var row = new double[prices[t].Length];
            var any = false;
            for (var j = 0; j < row.Length; j++)
            {
                var (before, now) = (prices[t - 1][j], prices[t][j]);
                row[j] = double.IsFinite(before) && double.IsFinite(now) && before != 0 ? now / before - 1 : double.NaN;
                any |= !double.IsNaN(row[j]);
            }

            if (any)
            {
                rows.Add(row);
            }
        }

        return new ReturnSeries([.. rows]);
    }

    /// <summary>Asset j's returns, NaN included.</summary>
    public double[] Column(int j) => [.. Values.Select(row => row[j])];

    /// <summary>The number of returns asset j has.</summary>
    public int Count(int j) => Values.Count(row => !double.IsNaN(row[j]));
}
