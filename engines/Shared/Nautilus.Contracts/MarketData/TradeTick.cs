using MessagePack;

namespace Nautilus.Contracts;

/// <summary>A trade printed by a venue. Aggressor is the side that crossed the spread (None when the venue does not say).</summary>
[MessagePackObject]
public sealed record TradeTick(
    [property: Key(0)] decimal Price,
    [property: Key(1)] decimal Size,
    [property: Key(2)] AggressorSide Aggressor,
    [property: Key(3)] string TradeId);
