using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Risk.Domain.Backtesting;

namespace Nautilus.Risk.Contracts;

/// <summary>One position's share of a portfolio's VaR: its value, Euler component (components sum to the VaR) and marginal VaR.</summary>
public sealed record VarContribution(InstrumentId Instrument, double Value, double Component, double Marginal);

/// <summary>
/// A portfolio's VaR and ES (positive losses) from its current positions and the stored daily closes of their instruments:
/// historical simulation over <see cref="Scenarios"/> days from <see cref="From"/> to <see cref="To"/>, one-day horizon.
/// </summary>
public sealed record PortfolioVar(
    PortfolioId Portfolio,
    DateTimeOffset At,
    string Method,
    double Confidence,
    int HorizonDays,
    double Var,
    double Es,
    double Value,
    int Scenarios,
    DateOnly? From,
    DateOnly? To,
    IReadOnlyList<VarContribution> Components,
    IReadOnlyList<string> Notes);

/// <summary>
/// A portfolio's stored VaR against the P&amp;L that followed each day, and the backtest of the days whose P&amp;L is known
/// (null with fewer than two such days).
/// </summary>
public sealed record VarHistoryResponse(PortfolioId Portfolio, double Confidence, IReadOnlyList<VarObservation> Points,
    VarBacktestResult? Backtest, IReadOnlyList<string> Notes);

/// <summary>
/// <c>POST /api/risk/portfolios/{id}/stress/historical</c>: the <see cref="Worst"/> days between <see cref="From"/> and
/// <see cref="To"/> (default: the last two years) replayed on today's positions.
/// </summary>
public sealed record HistoricalStressRequest(DateOnly? From = null, DateOnly? To = null, int Worst = 10);

/// <summary>A RISK_ALERT as the engine published it.</summary>
public sealed record AlertView(string AlertId, DateTimeOffset At, AlertSeverity Severity, string Rule, string Message, string? Portfolio,
    string? Instrument, double Value, double Limit, TradingState TradingState);
