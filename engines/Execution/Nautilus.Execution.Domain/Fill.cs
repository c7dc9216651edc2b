using Nautilus.Model;

namespace Nautilus.Execution.Domain;

/// <summary>
/// One execution of an order: how much, at what price (after slippage), the commission, whether it rested (maker). The
/// record positions are built from, stored by the Execution engine and rebuilt from at start-up.
/// </summary>
public sealed record Fill(
    TradeId TradeId,
    ClientOrderId OrderId,
    VenueOrderId? VenueOrderId,
    AccountId AccountId,
    StrategyId StrategyId,
    InstrumentId InstrumentId,
    OrderSide Side,
    Quantity Quantity,
    decimal Price,
    decimal Fee,
    Currency Currency,
    bool Maker,
    UnixNanos TsEvent,
    string? PositionId = null)
{
    /// <summary>Quantity with its sign: positive for buys.</summary>
    public decimal Signed => Side == OrderSide.Buy ? Quantity.ToDecimal() : -Quantity.ToDecimal();
}
