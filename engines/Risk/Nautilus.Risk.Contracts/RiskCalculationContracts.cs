using Nautilus.Model;
using Nautilus.Risk.Domain.Limits;
using Nautilus.Risk.Domain.Stress;

namespace Nautilus.Risk.Contracts;

/// <summary>
/// <c>POST /api/risk/var</c>. Either <see cref="Pnl"/> (the portfolio's P&amp;L per scenario) or <see cref="Returns"/>
/// (scenarios × assets, oldest first) with <see cref="Weights"/> (VaR as a fraction of value) or <see cref="Positions"/>
/// (money per asset).
/// </summary>
/// <param name="Method"><c>historical</c> (default), <c>parametric</c>, <c>cornish-fisher</c> or <c>monte-carlo</c>.</param>
/// <param name="Scaling"><c>sqrt-time</c> (default: σ and losses × √h, means × h) or <c>none</c> (scenarios already span the
/// horizon).</param>
/// <param name="Covariance"><c>sample</c> (default) or <c>ewma</c> with <see cref="Lambda"/> (0.94), for parametric and Monte
/// Carlo.</param>
public sealed record VarRequest(
    double[]? Pnl = null,
    double[][]? Returns = null,
    double[]? Weights = null,
    double[]? Positions = null,
    double Confidence = 0.99,
    int HorizonDays = 1,
    string Method = "historical",
    string Scaling = "sqrt-time",
    int Paths = 100_000,
    ulong Seed = 1,
    bool Antithetic = false,
    string Covariance = "sample",
    double Lambda = 0.94);

/// <summary>VaR and ES as positive losses; per-asset Euler components (they sum to <see cref="Var"/>) and marginal VaR when assets were
/// given.</summary>
public sealed record VarResponse(
    double Var,
    double Es,
    string Method,
    double Confidence,
    int HorizonDays,
    IReadOnlyList<double>? Components,
    IReadOnlyList<double>? Marginal,
    IReadOnlyList<string> Notes);

/// <summary><c>POST /api/risk/backtest</c>: realised P&amp;L and the VaR that stood for each day (positive losses).</summary>
public sealed record BacktestRequest(double[]? Pnl, double[]? Var, double Confidence = 0.99);

/// <summary>
/// <c>POST /api/risk/stress</c>: positions, and hypothetical <see cref="Shocks"/> and/or a <see cref="History"/> of returns
/// whose worst days are replayed on the positions.
/// </summary>
public sealed record StressRequest(IReadOnlyList<StressPosition>? Positions, IReadOnlyList<HypotheticalShock>? Shocks = null,
    StressHistory? History = null);

/// <param name="Returns">Rows are days (oldest first), columns follow <see cref="Instruments"/>.</param>
/// <param name="Worst">How many of the worst days to replay (default 10).</param>
public sealed record StressHistory(IReadOnlyList<string>? Instruments, double[][]? Returns, IReadOnlyList<string>? Dates = null,
    int Worst = 10);

public sealed record StressResponse(IReadOnlyList<StressResult> Scenarios);

/// <summary>A position the stateless pre-trade check starts from: signed units and the price they are valued at.</summary>
public sealed record PositionInput(InstrumentId Instrument, double Quantity, double Price);

/// <summary>The order to check.</summary>
public sealed record OrderInput(PortfolioId Portfolio, InstrumentId Instrument, OrderSide Side, double Quantity, double Price,
    StrategyId? Strategy = null);

/// <summary>
/// <c>POST /api/risk/pretrade-check</c>, stateless: the order, the portfolio it would join (positions, equity, today's P&amp;L,
/// peak equity), the limits and trading states to apply, and the orders sent in the last second.
/// </summary>
public sealed record PreTradeRequest(
    OrderInput? Order,
    IReadOnlyList<PositionInput>? Positions = null,
    double Equity = 0,
    double DailyPnl = 0,
    double? PeakEquity = null,
    IReadOnlyList<RiskLimit>? Limits = null,
    TradingState TradingState = TradingState.Active,
    TradingState GlobalTradingState = TradingState.Active,
    int OrdersInLastSecond = 0);
