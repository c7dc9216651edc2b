namespace Nautilus.Analytics.Domain.Performance;

/// <summary>A value of a portfolio (or any equity curve) at the end of a day.</summary>
public readonly record struct DailyValue(DateOnly Day, double Value);

/// <summary>The compounded return of one calendar month.</summary>
public sealed record MonthlyReturn(int Year, int Month, double Return);

/// <summary>
/// Everything an analyst reads about one equity curve: the dated return series, wealth (1 before the first period), the
/// underwater curve, calendar-month returns, and the full <see cref="PerformanceReport"/> (rolling windows included).
/// </summary>
public sealed record TearSheet(
    IReadOnlyList<DateOnly> Dates,
    IReadOnlyList<double> Returns,
    IReadOnlyList<double> Wealth,
    IReadOnlyList<double> Underwater,
    IReadOnlyList<MonthlyReturn> Monthly,
    PerformanceReport Report);

public static class TearSheets
{
    /// <summary>The tear sheet of day-end values: each day's return is its value over the previous recorded day's, minus one.</summary>
    public static TearSheet FromValues(IReadOnlyList<DailyValue> values, PerformanceSettings settings)
    {
        var ordered = values.OrderBy(v => v.Day).ToArray();
        if (ordered.Length < 2)
        {
            throw new PerformanceInputException("values", $"{ordered.Length} day-end value(s): a return needs two");
        }

        foreach (var bad in ordered.Where(v => !(v.Value > 0) || !double.IsFinite(v.Value)))
        {
            throw new PerformanceInputException("values", $"the value on {bad.Day:yyyy-MM-dd} is {bad.Value}: values must be positive");
        }

        var returns = new double[ordered.Length - 1];
        for (var i = 1; i < ordered.Length; i++)
        {
            returns[i - 1] = ordered[i].Value / ordered[i - 1].Value - 1;
        }

        return FromReturns(ordered.Skip(1).Select(v => v.Day).ToArray(), returns, settings);
    }

    /// <summary>The tear sheet of dated returns (one per date, oldest first).</summary>
    public static TearSheet FromReturns(IReadOnlyList<DateOnly> dates, double[] returns, PerformanceSettings settings)
    {
        if (dates.Count != returns.Length)
        {
            throw new PerformanceInputException("dates", $"{dates.Count} dates for {returns.Length} returns: give one date per return");
        }

        if (Array.FindIndex(returns, r => !double.IsFinite(r) || r <= -1) is var at and >= 0)
        {
            throw new PerformanceInputException("returns", $"returns[{at}] is {returns[at]}: each must be a finite number above −1");
        }

        for (var i = 1; i < dates.Count; i++)
        {
            if (dates[i] <= dates[i - 1])
            {
                throw new PerformanceInputException("dates", $"dates[{i}] ({dates[i]:yyyy-MM-dd}) is not after the date before it");
            }
        }

        var report = PerformanceStatistics.Compute(returns, null, settings);
        var monthly = dates.Select((d, i) => (d, r: returns[i]))
            .GroupBy(x => (x.d.Year, x.d.Month))
            .Select(g => new MonthlyReturn(g.Key.Year, g.Key.Month,
                g.Where(x => double.IsFinite(x.r)).Aggregate(1.0, (w, x) => w * (1 + x.r)) - 1))
            .ToArray();
        return new TearSheet(dates, returns, Drawdowns.Wealth(returns), Drawdowns.Underwater(returns), monthly, report);
    }
}
