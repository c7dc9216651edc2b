using Nautilus.Analytics.Domain.Performance;
using Nautilus.Analytics.Domain.Trades;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Model;
using ExecutionFill = Nautilus.Execution.Domain.Fill;

namespace Nautilus.Backtesting.Domain;

/// <summary>An order of a backtest as it ended.</summary>
public sealed record OrderRecord(
    ClientOrderId Id,
    InstrumentId InstrumentId,
    OrderSide Side,
    OrderType Type,
    Quantity Quantity,
    Price? LimitPrice,
    Price? TriggerPrice,
    TimeInForce TimeInForce,
    OrderStatus Status,
    Quantity Filled,
    decimal? AveragePrice,
    UnixNanos TsInit,
    UnixNanos TsLast,
    string? Reason)
{
    public static OrderRecord Of(Order order) => new(order.Id, order.InstrumentId, order.Side, order.Spec.Type, order.Spec.Quantity,
        order.Spec.LimitPrice, order.Spec.TriggerPrice, order.Spec.TimeInForce, order.Status, order.Filled, order.AveragePrice,
        order.TsInit, order.TsLast, order.Reason);
}

/// <summary>A signal the strategy gave: −1 short to +1 long, and why.</summary>
public sealed record SignalRecord(UnixNanos Ts, InstrumentId InstrumentId, double Strength, string Reason);

/// <summary>
/// What a backtest produced: every order and fill, the round-trip trades (FIFO), the equity after each bar's time
/// (cash plus positions at that bar's close), final cash and equity, the strategy's signals, and the Analytics domain's
/// statistics of the equity curve (null with a note when there are too few points).
/// </summary>
public sealed record BacktestResult(
    long Events,
    IReadOnlyList<OrderRecord> Orders,
    IReadOnlyList<ExecutionFill> Fills,
    IReadOnlyList<ClosedTrade> Trades,
    IReadOnlyList<UnixNanos> EquityTimes,
    IReadOnlyList<double> Equity,
    decimal FinalCash,
    double FinalEquity,
    IReadOnlyList<SignalRecord> Signals,
    BacktestSummary Summary,
    PerformanceReport? Statistics,
    string? StatisticsNote);

/// <summary>
/// The headline figures of a run in one pass over its equity: total and annual return, Sharpe (per-period returns,
/// annualised by √periods, no risk-free rate), maximum drawdown (negative), round trips and their win rate. What a
/// sweep ranks by and a heat map shows.
/// </summary>
public sealed record BacktestSummary(double FinalEquity, double TotalReturn, double? AnnualReturn, double? Sharpe, double MaxDrawdown,
    int Trades, double? WinRate)
{
    public static BacktestSummary Of(double initial, IReadOnlyList<double> equity, IReadOnlyList<ClosedTrade> trades, int periodsPerYear)
    {
        var final = equity.Count > 0 ? equity[^1] : initial;
        double sum = 0, squares = 0, peak = initial, maxDrawdown = 0;
        var previous = initial;
        var n = 0;
        foreach (var value in equity)
        {
            if (previous > 0)
            {
                var r = value / previous - 1;
                sum += r;
                squares += r * r;
                n++;
            }

            peak = Math.Max(peak, value);
            if (peak > 0)
            {
                maxDrawdown = Math.Min(maxDrawdown, value / peak - 1);
            }

            previous = value;
        }

        var total = final / initial - 1;
        double? annual = equity.Count > 0 && final > 0 ? Math.Pow(final / initial, (double)periodsPerYear / equity.Count) - 1 : null;
        var mean = n > 0 ? sum / n : 0;
        var variance = n > 1 ? (squares - n * mean * mean) / (n - 1) : 0;
        double? sharpe = variance > 0 ? mean / Math.Sqrt(variance) * Math.Sqrt(periodsPerYear) : null;
        double? winRate = trades.Count > 0 ? (double)trades.Count(t => t.Pnl > 0) / trades.Count : null;
        return new BacktestSummary(final, total, annual, sharpe, maxDrawdown, trades.Count, winRate);
    }
}
