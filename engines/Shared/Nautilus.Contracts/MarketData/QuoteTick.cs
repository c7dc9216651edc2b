using MessagePack;

namespace Nautilus.Contracts;

/// <summary>Top of book.</summary>
[MessagePackObject]
public sealed record QuoteTick(
    [property: Key(0)] decimal BidPrice,
    [property: Key(1)] decimal BidSize,
    [property: Key(2)] decimal AskPrice,
    [property: Key(3)] decimal AskSize);
