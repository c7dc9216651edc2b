using MemoryPack;

namespace Nautilus.Contracts;

/// <summary>A trade printed by a venue. Aggressor is the side that crossed the spread (None when the venue does not say).</summary>
[MemoryPackable]
public sealed partial record TradeTick(
    decimal Price,
    decimal Size,
    AggressorSide Aggressor,
    string TradeId);
