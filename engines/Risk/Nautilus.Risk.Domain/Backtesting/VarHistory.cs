namespace Nautilus.Risk.Domain.Backtesting;

/// <summary>A VaR figure as it was computed at a moment (positive losses).</summary>
public readonly record struct VarEstimate(DateTimeOffset At, double Var, double Es);

/// <summary>A portfolio's net asset value at the end of a UTC day (its last valuation that day).</summary>
public readonly record struct NavClose(DateOnly Day, double Nav);

/// <summary>A day's VaR and the P&amp;L that followed it; <see cref="Pnl"/> is null until the next day's close is known.</summary>
public sealed record VarObservation(DateOnly Day, double Var, double Es, double? Pnl, bool Exception);

/// <summary>
/// Pairs stored one-day VaR with realised P&amp;L the way a backtest must (no look-ahead): the VaR that stood at the end of
/// day d (its last estimate that day) against the change of net asset value from d's close to the next recorded close.
/// An exception is a loss larger than the VaR.
/// </summary>
public static class VarHistory
{
    public static IReadOnlyList<VarObservation> Pair(IEnumerable<VarEstimate> estimates, IReadOnlyList<NavClose> closes)
    {
        var navs = closes.OrderBy(c => c.Day).ToArray();
        var dayIndex = new Dictionary<DateOnly, int>(navs.Length);
        for (var i = 0; i < navs.Length; i++)
        {
            dayIndex[navs[i].Day] = i;
        }

        return estimates.GroupBy(e => DateOnly.FromDateTime(e.At.UtcDateTime))
            .Select(g => (Day: g.Key, Last: g.MaxBy(e => e.At)))
            .OrderBy(d => d.Day)
            .Select(d =>
            {
                double? pnl = dayIndex.TryGetValue(d.Day, out var i) && i + 1 < navs.Length ? navs[i + 1].Nav - navs[i].Nav : null;
                return new VarObservation(d.Day, d.Last.Var, d.Last.Es, pnl, pnl is { } p && -p > d.Last.Var);
            })
            .ToArray();
    }
}
