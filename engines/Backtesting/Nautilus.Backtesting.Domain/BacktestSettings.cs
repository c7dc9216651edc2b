using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Positions;
using Nautilus.Execution.Domain.Venue;
using Nautilus.Model;
using Nautilus.Risk.Domain.Limits;

namespace Nautilus.Backtesting.Domain;

/// <summary>
/// How a backtest runs: starting cash, the venue's fill rules (fees and slippage zero unless configured), position
/// mode, the risk limits its orders are checked against (none by default: the check still refuses nonsense), and the
/// periods per year its statistics annualise by. Without <see cref="FullStatistics"/> (sweeps) only the one-pass
/// <see cref="BacktestSummary"/> is computed. With <see cref="CountFrom"/> the bars before it only warm the strategy up:
/// its orders are refused until then, and equity, orders and fills count from then (walk-forward test windows).
/// </summary>
public sealed record BacktestSettings(
    decimal InitialCash,
    VenueOptions Venue,
    IReadOnlyList<TradableInstrument> Instruments,
    int PeriodsPerYear,
    PositionMode PositionMode = PositionMode.Netting,
    LimitBook? Limits = null,
    string Portfolio = "backtest",
    string Strategy = "backtest-strategy",
    bool FullStatistics = true,
    UnixNanos? CountFrom = null)
{
    public Currency Currency => Instruments.Count > 0 ? Instruments[0].Currency : Currency.USD;

    /// <summary>Periods per year of bars <paramref name="intervalSeconds"/> long: 252 trading days, 6.5 trading hours a day.</summary>
    public static int PeriodsPerYearOf(int intervalSeconds) => intervalSeconds switch
    {
        >= 7 * 86_400 => 52,
        >= 86_400 => 252,
        _ => Math.Max(252, (int)Math.Round(252.0 * 23_400 / intervalSeconds)),
    };
}

/// <summary>Input a backtest cannot run on: the field and why (bars out of order, no data, a strategy's parameters).</summary>
public sealed class BacktestInputException(string field, string problem) : ArgumentException($"{field}: {problem}", field)
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
