using MemoryPack;

namespace Nautilus.Contracts;

/// <summary>Up to ten levels a side, best first.</summary>
[MemoryPackable]
public sealed partial record BookSnapshot(
    IReadOnlyList<BookLevel> Bids,
    IReadOnlyList<BookLevel> Asks);
