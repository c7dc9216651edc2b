namespace Nautilus.Analytics.Domain.Performance;

/// <summary>
/// One drawdown: from the peak (the last period at the high-water mark) to the valley, and the period wealth first got
/// back to the peak (null while under water). Depth is negative (−0.1 for 10 %); duration counts periods from peak to
/// recovery, or to the end of the series while not recovered.
/// </summary>
public sealed record Drawdown(int Peak, int Valley, int? Recovery, double Depth, int Duration);

/// <summary>Drawdowns of compounded wealth, as empyrical measures them (wealth starting at 1 before the first period).</summary>
public static class Drawdowns
{
    /// <summary>Wealth after each period, missing returns (NaN) counted as 0.</summary>
    public static double[] Wealth(ReadOnlySpan<double> returns)
    {
        var wealth = new double[returns.Length];
        var w = 1.0;
        for (var i = 0; i < returns.Length; i++)
        {
            if (double.IsFinite(returns[i]))
            {
                w *= 1 + returns[i];
            }

            wealth[i] = w;
        }

        return wealth;
    }

    /// <summary>The underwater series: wealth over its running peak minus one (0 at a new high, −0.1 ten per cent below).</summary>
    public static double[] Underwater(ReadOnlySpan<double> returns)
    {
        var wealth = Wealth(returns);
        var peak = 1.0;
        var under = new double[wealth.Length];
        for (var i = 0; i < wealth.Length; i++)
        {
            peak = Math.Max(peak, wealth[i]);
            under[i] = wealth[i] / peak - 1;
        }

        return under;
    }

    /// <summary>Every drawdown, deepest first; <paramref name="top"/> of them.</summary>
    public static IReadOnlyList<Drawdown> Table(ReadOnlySpan<double> returns, int top = 5)
    {
        var under = Underwater(returns);
        var found = new List<Drawdown>();
        var i = 0;
        while (i < under.Length)
        {
            if (under[i] >= 0)
            {
                i++;
                continue;
            }

            // Under water from i: the peak is the period before (−1 when the series starts with a loss).
            var peak = i - 1;
            var valley = i;
            while (i < under.Length && under[i] < 0)
            {
                if (under[i] < under[valley])
                {
                    valley = i;
                }

                i++;
            }

            int? recovery = i < under.Length ? i : null;
            found.Add(new Drawdown(peak, valley, recovery, under[valley], (recovery ?? under.Length - 1) - peak));
        }

        return found.OrderBy(d => d.Depth).Take(top).ToArray();
    }
}
