using MemoryPack;

namespace Nautilus.Contracts;

/// <summary>A closed OHLCV bar of <see cref="IntervalSeconds"/>, by its open time.</summary>
[MemoryPackable]
public sealed partial record BarData(
    int IntervalSeconds,
    long OpenTimeNs,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    int TradeCount);
