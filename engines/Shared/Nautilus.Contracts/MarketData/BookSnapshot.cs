using MessagePack;

namespace Nautilus.Contracts;

/// <summary>Up to ten levels a side, best first.</summary>
[MessagePackObject]
public sealed record BookSnapshot(
    [property: Key(0)] IReadOnlyList<BookLevel> Bids,
    [property: Key(1)] IReadOnlyList<BookLevel> Asks);
