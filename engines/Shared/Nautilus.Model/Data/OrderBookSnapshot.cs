using MemoryPack;

namespace Nautilus.Model;

/// <summary>The top levels of an instrument's book (up to ten a side here), best first on each side.</summary>
[MemoryPackable]
public sealed partial record OrderBookSnapshot(
    InstrumentId InstrumentId,
    IReadOnlyList<BookLevel> Bids,
    IReadOnlyList<BookLevel> Asks,
    UnixNanos TsEvent) : IMarketData;
