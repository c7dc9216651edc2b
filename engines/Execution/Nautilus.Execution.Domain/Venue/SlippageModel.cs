using Nautilus.Model;

namespace Nautilus.Execution.Domain.Venue;

/// <summary>
/// How far a market fill lands from the price it was matched at, against the order: buys pay more, sells receive
/// less. Limit fills are never slipped (a limit is a promise of that price or better).
/// </summary>
public interface ISlippageModel
{
    decimal Slip(TradableInstrument instrument, OrderSide side, decimal price);
}

public sealed class NoSlippage : ISlippageModel
{
    public static readonly NoSlippage Instance = new();

    public decimal Slip(TradableInstrument instrument, OrderSide side, decimal price) => price;
}

/// <summary>A fixed number of ticks.</summary>
public sealed record TickSlippage(int Ticks) : ISlippageModel
{
    public decimal Slip(TradableInstrument instrument, OrderSide side, decimal price) =>
        price + (side == OrderSide.Buy ? 1 : -1) * Ticks * instrument.TickSize;
}

/// <summary>A fraction of the price in basis points.</summary>
public sealed record BasisPointsSlippage(decimal Bps) : ISlippageModel
{
    public decimal Slip(TradableInstrument instrument, OrderSide side, decimal price) =>
        price * (1 + (side == OrderSide.Buy ? 1 : -1) * Bps / 10_000m);
}
