using Nautilus.Model;
using Nautilus.Risk.Domain.Limits;

namespace Nautilus.Risk.Contracts;

/// <summary>A change to a limit: what it was, what it became (null: removed), who did it, why and when.</summary>
public sealed record LimitChange(LimitScope Scope, string Key, LimitKind Kind, double? OldValue, double? NewValue, string ChangedBy,
    string Reason, DateTimeOffset ChangedAt);

/// <summary>A trading state set by someone: global (empty key) or a portfolio's.</summary>
public sealed record TradingStateChange(string Portfolio, TradingState State, string ChangedBy, string Reason, DateTimeOffset ChangedAt);

/// <summary><c>PUT /api/risk/limits</c>: a limit to set, who sets it and why.</summary>
public sealed record LimitChangeRequest(LimitScope Scope, string? Key, LimitKind Kind, double Value, string? ChangedBy, string? Reason);

/// <summary><c>PUT /api/risk/state</c>: the global trading state (the kill switch) or, with a portfolio, that portfolio's.</summary>
public sealed record TradingStateRequest(TradingState State, string? ChangedBy, string? Reason, PortfolioId? Portfolio = null);

/// <summary>The trading states in force and the latest changes, newest first.</summary>
public sealed record TradingStatesResponse(TradingState Global, IReadOnlyDictionary<string, TradingState> Portfolios,
    IReadOnlyList<TradingStateChange> History);

/// <summary>How much of a limit a portfolio uses now (value / limit), for the limits that measure a portfolio's state.</summary>
public sealed record LimitUtilisation(LimitScope Scope, string Key, LimitKind Kind, double Limit, double Value, double Utilisation);

public sealed record PositionView(InstrumentId Instrument, double Quantity, double Price, double Exposure);

public sealed record PortfolioRiskView(PortfolioId Portfolio, TradingState State, double Equity, double DailyPnl, double Drawdown,
    double Gross,
    double Net, IReadOnlyList<PositionView> Positions, IReadOnlyList<LimitUtilisation> Utilisation);

/// <summary>An instrument whose flow the VPIN engine reports toxic (or a flash-crash warning), and the trading state it is in.
/// </summary>
public sealed record InstrumentRiskState(string Instrument, ToxicityLevel Toxicity, TradingState TradingState);
