using MemoryPack;

namespace Nautilus.Contracts;

/// <summary>Top of book.</summary>
[MemoryPackable]
public sealed partial record QuoteTick(
    decimal BidPrice,
    decimal BidSize,
    decimal AskPrice,
    decimal AskSize);
