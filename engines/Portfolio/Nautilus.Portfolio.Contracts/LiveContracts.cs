namespace Nautilus.Portfolio.Contracts;

/// <summary>
/// <c>GET /api/portfolio/portfolios</c>: every portfolio the engine values (those of the book and those fills were booked to).
/// <see cref="Unpriced"/>: holdings without a price yet (the portfolio is not valued until each has one).
/// </summary>
public sealed record PortfolioSummary(string PortfolioId, string? Name, bool InBook, string BaseCurrency, int Holdings, int Fills,
    double? NetAssetValue, IReadOnlyList<string> Unpriced, DateTimeOffset? AsOf);

/// <summary>
/// <c>GET /api/portfolio/portfolios/{id}/valuation</c>: the live valuation at the last prices, and where the positions booked
/// here differ from the Execution engine's last POSITION_CHANGE (a difference that lasts is a break to look into).
/// </summary>
public sealed record LiveValuationView(string PortfolioId, ValuationResponse Valuation, double GrossExposure, double NetExposure,
    DateTimeOffset AsOf, IReadOnlyList<PositionBreak> Breaks);

public sealed record PositionBreak(string Symbol, double Booked, double ReportedByExecution);

/// <summary>A point of a portfolio's stored NAV history (base currency).</summary>
public sealed record NavPoint(DateTimeOffset Ts, double NetAssetValue, double Cash, double MarketValue, double GrossExposure,
    double RealizedPnl, double UnrealizedPnl, double Fees);

/// <summary>A fill booked to a portfolio.</summary>
public sealed record BookedFillView(string TradeId, string ClientOrderId, string Symbol, string Side, double Quantity, double Price,
    double Fee, string Currency, DateTimeOffset Ts);

/// <summary>A holding for <c>POST /api/portfolio/rebalance</c>: its quantity, last price and lot size (0 quantity for a new one).</summary>
public sealed record RebalanceHoldingEntry(string? Symbol, double Quantity, double Price, double LotSize = 1);

/// <summary>
/// <c>POST /api/portfolio/rebalance</c>, stateless: cash and holdings to target weights (symbol → weight; the rest stays cash).
/// <see cref="MaxTurnover"/>: Σ|trade value| ÷ NAV at most (null: no limit); <see cref="CostBps"/>: estimated cost of a trade in
/// basis points of its value; <see cref="MinCash"/>: cash to keep, a fraction of the NAV.
/// </summary>
public sealed record RebalanceRequest(double Cash, IReadOnlyList<RebalanceHoldingEntry>? Holdings,
    IReadOnlyDictionary<string, double>? TargetWeights, double? MaxTurnover = null, double CostBps = 5, double MinCash = 0);

/// <summary>
/// <c>POST /api/portfolio/portfolios/{id}/proposals</c>: a proposal from the portfolio's live holdings and prices, to
/// <see cref="TargetWeights"/> or to the target weights of one of its sleeves (<see cref="SleeveId"/>).
/// </summary>
public sealed record ProposalRequest(IReadOnlyDictionary<string, double>? TargetWeights = null, string? SleeveId = null,
    double? MaxTurnover = null, double CostBps = 5, double MinCash = 0);

public sealed record ProposedTradeView(string Symbol, string Side, double Quantity, double Price, double Value, double EstimatedCost,
    double CurrentWeight, double TargetWeight, double ResultingWeight);

public sealed record RebalanceResponse(IReadOnlyList<ProposedTradeView> Trades, double NetAssetValue, double CashBefore,
    double CashAfter, double Turnover, double EstimatedCost, bool TurnoverLimited);

/// <summary>A stored proposal: <see cref="Status"/> Proposed, then Sent once approved (its orders' client ids given).</summary>
public sealed record ProposalView(string Id, string PortfolioId, string Status, DateTimeOffset CreatedAt, DateTimeOffset? SentAt,
    RebalanceResponse Proposal, IReadOnlyList<string> ClientOrderIds);
