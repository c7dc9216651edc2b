using Nautilus.Model;

namespace Nautilus.Risk.Domain.History;

/// <summary>A day's closing price of an instrument.</summary>
public readonly record struct DailyClose(DateOnly Day, double Close);

/// <summary>
/// Simple daily returns of several instruments on the days they all traded: rows are days (oldest first, each the return
/// from the previous common day's close), columns follow <see cref="Instruments"/>. Instruments with fewer than two closes
/// are left out and listed in <see cref="Missing"/>, so a position without history is reported rather than guessed.
/// </summary>
public sealed record ReturnHistory(IReadOnlyList<InstrumentId> Instruments, IReadOnlyList<DateOnly> Dates, double[][] Returns,
    IReadOnlyList<InstrumentId> Missing)
{
    public static ReturnHistory FromCloses(IReadOnlyDictionary<InstrumentId, IReadOnlyList<DailyClose>> closes)
    {
        var usable = closes.Where(c => c.Value.Count(d => d.Close > 0 && double.IsFinite(d.Close)) >= 2)
            .OrderBy(c => c.Key.ToString(), StringComparer.Ordinal).ToArray();
        var missing = closes.Keys.Except(usable.Select(u => u.Key)).OrderBy(i => i.ToString(), StringComparer.Ordinal).ToArray();
        if (usable.Length == 0)
        {
            return new ReturnHistory([], [], [], missing);
        }

        var byDay = usable.Select(u => u.Value.Where(d => d.Close > 0 && double.IsFinite(d.Close))
            .GroupBy(d => d.Day).ToDictionary(g => g.Key, g => g.Last().Close)).ToArray();
        var common = byDay.Skip(1).Aggregate(new HashSet<DateOnly>(byDay[0].Keys), (days, next) =>
        {
            days.IntersectWith(next.Keys);
            return days;
        }).Order().ToArray();
        if (common.Length < 2)
        {
            return new ReturnHistory(usable.Select(u => u.Key).ToArray(), [], [], missing);
        }

        var returns = new double[common.Length - 1][];
        for (var t = 1; t < common.Length; t++)
        {
            var row = returns[t - 1] = new double[usable.Length];
            for (var i = 0; i < usable.Length; i++)
            {
                row[i] = byDay[i][common[t]] / byDay[i][common[t - 1]] - 1;
            }
        }

        return new ReturnHistory(usable.Select(u => u.Key).ToArray(), common[1..], returns, missing);
    }
}
