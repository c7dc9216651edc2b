namespace Nautilus.Analytics.Domain.Performance;

/// <summary>
/// Every statistic of a return series; null where the input cannot support it (then <see cref="Notes"/> says why),
/// never NaN. Ratios and returns are fractions (0.12 for 12 %); drawdowns are negative.
/// </summary>
public sealed record PerformanceReport(
    int Periods,
    int Observations,
    double? CumulativeReturn,
    double? AnnualReturn,
    double? AnnualVolatility,
    double? Sharpe,
    double? Sortino,
    double? DownsideRisk,
    double? Calmar,
    double? Omega,
    double? MaxDrawdown,
    Drawdown? MaxDrawdownPeriod,
    IReadOnlyList<Drawdown> Drawdowns,
    double? Skewness,
    double? ExcessKurtosis,
    double? TailRatio,
    double? Stability,
    double? HitRate,
    double? ProfitFactor,
    double? ValueAtRisk95,
    double? Alpha,
    double? Beta,
    double? InformationRatio,
    double? TrackingError,
    double? UpCapture,
    double? DownCapture,
    TradeStatistics? Trades,
    RollingStatistics? Rolling,
    IReadOnlyList<string> Notes);

/// <summary>Statistics of closed trades: P&amp;L in money, maximum adverse and favourable excursions when given.</summary>
public sealed record TradeStatistics(
    int Count,
    double? WinRate,
    double? AverageWin,
    double? AverageLoss,
    double? PayoffRatio,
    double? Expectancy,
    double? ProfitFactor,
    double? LargestWin,
    double? LargestLoss,
    double? AverageMae,
    double? AverageMfe);

/// <summary>A closed trade: its P&amp;L and, when known, its maximum adverse (≤ 0) and favourable (≥ 0) excursions.</summary>
public sealed record TradeOutcome(double Pnl, double? Mae = null, double? Mfe = null);

/// <summary>Sharpe, volatility and return over a moving window, each value at the window's last period.</summary>
public sealed record RollingStatistics(int Window, IReadOnlyList<double?> Sharpe, IReadOnlyList<double?> Volatility,
    IReadOnlyList<double?> Return);

/// <summary>The settings of a report: periods per year (252 for daily), risk-free rate and minimum acceptable return per period.</summary>
public sealed record PerformanceSettings(int PeriodsPerYear = 252, double RiskFree = 0, double Mar = 0, int? RollingWindow = null);
