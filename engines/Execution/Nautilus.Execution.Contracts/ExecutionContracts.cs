namespace Nautilus.Execution.Contracts;

/// <summary>
/// An order entered over HTTP (the operator's order ticket, notebooks): checked here (instrument, sizes on the lot grid,
/// prices on the tick grid, the fields its type needs), then sent as ORDER_REQUEST through the Risk engine's pre-trade
/// check like any strategy's. <see cref="StopLoss"/> and <see cref="TakeProfit"/> make a bracket: they wait for the entry
/// to fill, then one cancels the other.
/// </summary>
public sealed record OrderEntry(
    string PortfolioId,
    string Symbol,
    string Side,
    decimal Quantity,
    string Type = "Market",
    decimal? LimitPrice = null,
    decimal? TriggerPrice = null,
    string TimeInForce = "Gtc",
    DateTimeOffset? ExpireTime = null,
    string? StrategyId = null,
    string? ClientOrderId = null,
    decimal? StopLoss = null,
    decimal? TakeProfit = null);

/// <summary>The orders an entry became (one, or three for a bracket), all pending the pre-trade check.</summary>
public sealed record OrderAccepted(IReadOnlyList<string> ClientOrderIds, string Status);

/// <summary>New quantity, limit or trigger of a working order.</summary>
public sealed record OrderModification(decimal? Quantity = null, decimal? LimitPrice = null, decimal? TriggerPrice = null);

/// <summary>An order as the OMS holds it.</summary>
public sealed record ExecutionOrder(
    string ClientOrderId,
    string? VenueOrderId,
    string StrategyId,
    string PortfolioId,
    string Symbol,
    string InstrumentId,
    string Side,
    string Type,
    decimal Quantity,
    decimal? LimitPrice,
    decimal? TriggerPrice,
    string TimeInForce,
    DateTimeOffset? ExpireTime,
    string? ListId,
    string Contingency,
    string? Parent,
    string Status,
    decimal Filled,
    decimal? AveragePrice,
    string? Reason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>A fill as stored.</summary>
public sealed record ExecutionFill(string TradeId, string ClientOrderId, string AccountId, string StrategyId, string Symbol, string Side,
    decimal Quantity, decimal Price, decimal Fee, string Currency, bool Maker, DateTimeOffset Ts);

/// <summary>A position with its P&amp;L: realised (net of commissions) and unrealised at the latest price seen.</summary>
public sealed record ExecutionPosition(
    string PositionId,
    string AccountId,
    string Symbol,
    string Side,
    decimal Quantity,
    decimal AveragePrice,
    decimal? LastPrice,
    decimal RealizedPnl,
    decimal? UnrealizedPnl,
    decimal Commissions,
    DateTimeOffset? OpenedAt,
    DateTimeOffset UpdatedAt);

/// <summary>An account's cash and equity.</summary>
public sealed record ExecutionAccount(string AccountId, string Currency, decimal Cash, decimal Equity, decimal Commissions);

/// <summary>
/// Positions rebuilt from stored fills at start-up against the positions last stored: each difference (quantity or
/// average price), never fixed silently.
/// </summary>
public sealed record Reconciliation(DateTimeOffset At, int FillsReplayed, int PositionsRebuilt, int OrdersRestored,
    IReadOnlyList<ReconciliationDifference> Differences);

public sealed record ReconciliationDifference(string AccountId, string Symbol, decimal StoredQuantity, decimal RebuiltQuantity,
    decimal StoredAveragePrice, decimal RebuiltAveragePrice);

/// <summary>Positions from fills, statelessly: the PMS's arithmetic for a list of fills.</summary>
public sealed record PositionsRequest(IReadOnlyList<FillInput> Fills, string Mode = "netting", IReadOnlyDictionary<string,
    decimal>? Prices = null);

public sealed record FillInput(string Symbol, string Side, decimal Quantity, decimal Price, decimal Fee = 0, string? PositionId = null,
    DateTimeOffset? Ts = null);

/// <summary>
/// A parent order worked by an algorithm: <c>twap</c> (equal slices at equal intervals) or <c>vwap</c> (slices following a
/// volume profile, the US equity session's by default), over <see cref="DurationSeconds"/> from now; each slice goes out as a
/// market order through the pre-trade check like any other.
/// </summary>
public sealed record AlgorithmEntry(
    string PortfolioId,
    string Symbol,
    string Side,
    decimal Quantity,
    string Algorithm = "twap",
    double DurationSeconds = 600,
    int Slices = 10,
    IReadOnlyList<double>? Profile = null,
    string? StrategyId = null);

/// <summary>One slice of a schedule: when (seconds from the start) and how much.</summary>
public sealed record SliceView(int Index, double AtSeconds, decimal Quantity);

/// <summary>A parent order and its progress: slices sent, children filled.</summary>
public sealed record AlgorithmView(
    string Id,
    string Algorithm,
    string PortfolioId,
    string Symbol,
    string Side,
    decimal Quantity,
    DateTimeOffset Start,
    IReadOnlyList<SliceView> Schedule,
    int SlicesSent,
    decimal Filled,
    decimal? AveragePrice,
    string Status);
