namespace Nautilus.Factor.Domain;

/// <summary>
/// Raw style scores of one asset on one day from its daily closes and volumes (NaN when its history is too short or has gaps):
/// <list type="bullet">
/// <item>momentum: ln(P[t−21] / P[t−252]), the 12-month return skipping the last month (Jegadeesh–Titman, Barra);</item>
/// <item>volatility: the standard deviation of the last 63 daily log returns;</item>
/// <item>liquidity: ln(21-day mean dollar volume ÷ the asset's capitalisation measure), i.e. log turnover;</item>
/// <item>size: ln(capitalisation measure).</item>
/// </list>
/// The capitalisation measure is the market cap (close × shares outstanding) when every asset's shares are known, else the
/// 63-day mean dollar volume (a stated proxy): it also centres the exposures and, square-rooted, weighs the regression.
/// </summary>
public static class StyleScores
{
    public static readonly IReadOnlyList<string> Names = ["momentum", "size", "volatility", "liquidity"];

    /// <summary>The style from published figures (book, sales and cash flow to price), after the price and volume styles.</summary>
    public const string Value = "value";

    public const int MomentumLookback = 252;
    public const int MomentumSkip = 21;
    public const int VolatilityWindow = 63;
    public const int LiquidityWindow = 21;
    public const int CapitalisationWindow = 63;

    /// <summary>The first day index with a full history for every score.</summary>
    public const int FirstDay = MomentumLookback;

    public static double Momentum(double[] closes, int t) =>
        t >= MomentumLookback ? Math.Log(closes[t - MomentumSkip] / closes[t - MomentumLookback]) : double.NaN;

    public static double Volatility(double[] closes, int t)
    {
        if (t < VolatilityWindow)
        {
            return double.NaN;
        }

        double sum = 0, sumSq = 0;
        for (var s = t - VolatilityWindow + 1; s <= t; s++)
        {
            var r = Math.Log(closes[s] / closes[s - 1]);
            (sum, sumSq) = (sum + r, sumSq + r * r);
        }

        var mean = sum / VolatilityWindow;
        return Math.Sqrt(Math.Max(0, (sumSq - VolatilityWindow * mean * mean) / (VolatilityWindow - 1)));
    }

    /// <summary>The mean of close × volume over the <paramref name="window"/> days to t.</summary>
    public static double DollarVolume(double[] closes, double[] volumes, int t, int window)
    {
        if (t < window - 1)
        {
            return double.NaN;
        }

        var sum = 0.0;
        for (var s = t - window + 1; s <= t; s++)
        {
            sum += closes[s] * volumes[s];
        }

        return sum / window;
    }
}
