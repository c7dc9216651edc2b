using Nautilus.Analytics.Domain.Performance;
using Nautilus.Backtesting.Domain;

namespace Nautilus.Backtesting.Contracts;

/// <summary>The states of a run or sweep.</summary>
public static class RunStatus
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinal(string status) => status is Completed or Failed or Cancelled;
}

/// <summary>A run accepted: its id, where to follow it.</summary>
public sealed record BacktestAccepted(string Id, string Status, string Location);

/// <summary>A run: what it is, how far it got, its headline figures once completed.</summary>
public sealed record BacktestStatus(
    string Id,
    string Name,
    string Strategy,
    IReadOnlyDictionary<string, double> Parameters,
    string Data,
    string Status,
    long Processed,
    long Total,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? Error,
    BacktestSummary? Summary);

/// <summary>A closed round trip: entry and exit time and price, quantity, P&amp;L net of fees.</summary>
public sealed record TradeView(
    string Symbol,
    string Side,
    double Quantity,
    DateTimeOffset EntryTime,
    double EntryPrice,
    DateTimeOffset ExitTime,
    double ExitPrice,
    double Pnl,
    double Fees);

/// <summary>Equity after a bar's time (cash plus positions at its close) and its drawdown from the running peak (≤ 0).</summary>
public sealed record EquityPoint(DateTimeOffset Ts, double Equity, double Drawdown);

/// <summary>An order of a run as it ended.</summary>
public sealed record OrderView(
    string Id,
    string Symbol,
    string Side,
    string Type,
    decimal Quantity,
    decimal? LimitPrice,
    decimal? TriggerPrice,
    string TimeInForce,
    string Status,
    decimal Filled,
    decimal? AveragePrice,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Reason);

/// <summary>A fill of a run.</summary>
public sealed record FillView(string TradeId, string OrderId, string Symbol, string Side, decimal Quantity, decimal Price, decimal Fee,
    DateTimeOffset Ts);

/// <summary>
/// Everything a completed run produced: <see cref="Trades"/>, <see cref="Equity"/> per bar, <see cref="FinalEquity"/>, the
/// statistics of the equity curve (the Analytics engine's library) and the summary.
/// </summary>
public sealed record BacktestResults(
    string Id,
    string Strategy,
    IReadOnlyDictionary<string, double> Parameters,
    double InitialCash,
    double FinalEquity,
    decimal FinalCash,
    long Bars,
    IReadOnlyList<TradeView> Trades,
    IReadOnlyList<EquityPoint> Equity,
    IReadOnlyList<OrderView> Orders,
    IReadOnlyList<FillView> Fills,
    BacktestSummary Summary,
    PerformanceReport? Statistics,
    string? StatisticsNote);

/// <summary>One combination of a sweep and its figures (null when the combination broke the strategy's rules).</summary>
public sealed record SweepPoint(int Index, IReadOnlyDictionary<string, double> Parameters, BacktestSummary? Summary, string? Skipped);

/// <summary>A sweep: progress, and its points ranked best first once completed.</summary>
public sealed record SweepStatus(
    string Id,
    string Strategy,
    string Status,
    int Total,
    int Done,
    int WorkItems,
    string RankBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    string? Error,
    IReadOnlyList<SweepPoint> Best);

/// <summary>A fold of a walk-forward: its windows, the combination chosen in training, and how that did on the test bars.</summary>
public sealed record WalkForwardFold(
    int Fold,
    DateTimeOffset TrainFrom,
    DateTimeOffset TrainTo,
    DateTimeOffset TestFrom,
    DateTimeOffset TestTo,
    IReadOnlyDictionary<string, double> Chosen,
    BacktestSummary InSample,
    BacktestSummary OutOfSample);

/// <summary>A walk-forward's folds and its stitched out-of-sample equity and figures.</summary>
public sealed record WalkForwardResult(
    string Strategy,
    IReadOnlyList<WalkForwardFold> Folds,
    IReadOnlyList<EquityPoint> Equity,
    BacktestSummary OutOfSample);

/// <summary>Runs side by side: each one's summary and equity (normalised to 1 at its start, for one chart).</summary>
public sealed record BacktestComparison(IReadOnlyList<ComparedRun> Runs);

public sealed record ComparedRun(string Id, string Name, string Strategy, IReadOnlyDictionary<string, double> Parameters,
    BacktestSummary Summary, IReadOnlyList<EquityPoint> Wealth);

/// <summary>A built-in strategy and its documented parameters.</summary>
public sealed record StrategyInfo(string Name, string Description, int Instruments, IReadOnlyList<ParameterInfo> Parameters);

public sealed record ParameterInfo(string Name, double Default, double Min, double Max, bool Integer, string Description);
