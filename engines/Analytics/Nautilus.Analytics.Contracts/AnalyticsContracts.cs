using Nautilus.Analytics.Domain.Attribution;
using Nautilus.Analytics.Domain.Performance;
using Nautilus.Analytics.Domain.Trades;

namespace Nautilus.Analytics.Contracts;

/// <summary>
/// <c>POST /api/analytics/metrics</c>: returns per period (null for a missing one), an optional benchmark of the same length,
/// periods per year, the risk-free rate and the minimum acceptable return per period, an optional rolling window, and
/// optional closed trades.
/// </summary>
public sealed record MetricsRequest(
    double?[]? Returns,
    double?[]? Benchmark = null,
    int PeriodsPerYear = 252,
    double RiskFree = 0,
    double Mar = 0,
    int? RollingWindow = null,
    IReadOnlyList<TradeOutcome>? Trades = null);

/// <summary><c>POST /api/analytics/attribution</c>: the segments of one period.</summary>
public sealed record AttributionRequest(IReadOnlyList<AttributionSegment>? Segments);

/// <summary>
/// <c>POST /api/analytics/tearsheet</c>: dated returns (one date per return, oldest first), or day-end <see cref="Values"/>
/// of an equity curve instead; periods per year, risk-free rate and minimum acceptable return per period, rolling window.
/// </summary>
public sealed record TearSheetRequest(
    DateOnly[]? Dates = null,
    double[]? Returns = null,
    DailyValue[]? Values = null,
    int PeriodsPerYear = 252,
    double RiskFree = 0,
    double Mar = 0,
    int RollingWindow = 63);

/// <summary><c>POST /api/analytics/rolling</c>: Sharpe, volatility and return over a moving window.</summary>
public sealed record RollingRequest(double[]? Returns, int Window = 63, int PeriodsPerYear = 252, double RiskFree = 0);

/// <summary>A portfolio the engine holds day-end values of.</summary>
public sealed record StoredPortfolio(string Portfolio, DateOnly First, DateOnly Last, int Days);

/// <summary>Realised P&amp;L of the round trips closed on one UTC day, and the running total.</summary>
public sealed record DailyPnl(DateOnly Day, double Pnl, double Cumulative);

/// <summary>
/// A strategy's tear sheet from its fills (orders attributed by ORDER_REQUEST): round trips matched FIFO, their statistics,
/// and realised P&amp;L per day; <see cref="Statistics"/> is null before the first closed trade.
/// </summary>
public sealed record StrategyTearSheet(string Strategy, int Fills, IReadOnlyList<ClosedTrade> Trades, TradeStatistics? Statistics,
    IReadOnlyList<DailyPnl> Daily, double RealisedPnl);

/// <summary>A strategy the engine holds fills of.</summary>
public sealed record StrategyWithFills(string Strategy, int Fills);
