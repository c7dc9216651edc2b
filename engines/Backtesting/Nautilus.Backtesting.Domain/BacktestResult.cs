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
    PerformanceReport? Statistics,
    string? StatisticsNote);
