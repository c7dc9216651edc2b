using MemoryPack;

namespace Nautilus.Model;

/// <summary>A trade printed by a venue.</summary>
[MemoryPackable]
public sealed partial record TradeTick(
    InstrumentId InstrumentId,
    Price Price,
    Quantity Size,
    AggressorSide Aggressor,
    TradeId TradeId,
    UnixNanos TsEvent) : IMarketData;
