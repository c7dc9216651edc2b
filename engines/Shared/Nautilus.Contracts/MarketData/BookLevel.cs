using MessagePack;

namespace Nautilus.Contracts;

/// <summary>One price level of a book side.</summary>
[MessagePackObject]
public sealed record BookLevel(
    [property: Key(0)] decimal Price,
    [property: Key(1)] decimal Size,
    [property: Key(2)] int Orders);
