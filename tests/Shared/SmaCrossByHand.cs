using System.Globalization;

namespace Nautilus.Testing;

/// <summary>
/// The sma-cross rule computed by hand, with nothing of the platform: SMAs as plain sums, long while fast is above slow (by
/// more than one part in 10^9), whole units bought with all the cash on the deciding close, filled at the next bar's open,
/// sold the same way. For bars whose open, high, low and close are one price (a close-only file), that is the next close.
/// </summary>
public static class SmaCrossByHand
{
    public sealed record HandFill(int Bar, bool Buy, decimal Quantity, decimal Price);

    public static (List<HandFill> Fills, decimal Cash, decimal FinalEquity) Run(decimal[] closes, int fast, int slow, decimal cash)
    {
        var c = closes.Select(x => (double)x).ToArray();
        double Sma(int end, int n)
        {
            var sum = 0.0;
            for (var k = end - n + 1; k <= end; k++)
            {
                sum += c[k];
            }

            return sum / n;
        }

        var fills = new List<HandFill>();
        decimal held = 0;
        for (var t = slow - 1; t + 1 < c.Length; t++)
        {
            var above = Sma(t, fast) - Sma(t, slow) > 1e-9 * Sma(t, slow);
            if (above && held == 0)
            {
                var quantity = Math.Floor((decimal)((double)cash / c[t]));
                fills.Add(new HandFill(t + 1, true, quantity, closes[t + 1]));
                (held, cash) = (quantity, cash - quantity * closes[t + 1]);
            }
            else if (!above && held > 0)
            {
                fills.Add(new HandFill(t + 1, false, held, closes[t + 1]));
                (held, cash) = (0, cash + held * closes[t + 1]);
            }
        }

        return (fills, cash, cash + held * closes[^1]);
    }

    /// <summary>SPY's daily closes (TestData/spy_prices.csv: PyPortfolioOpt's test resource, a wide close file <c>date,SPY</c>).</summary>
    public static (DateOnly[] Dates, decimal[] Closes) SpyCloses()
    {
        var rows = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "spy_prices.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(p => p.Length == 2 && p[1].Length > 0)
            .ToArray();
        return ([.. rows.Select(p => DateOnly.ParseExact(p[0], "yyyy-MM-dd", CultureInfo.InvariantCulture))],
            [.. rows.Select(p => decimal.Parse(p[1], CultureInfo.InvariantCulture))]);
    }
}
