using MemoryPack;

namespace Nautilus.Contracts;

/// <summary>One price level of a book side.</summary>
[MemoryPackable]
public sealed partial record BookLevel(
    decimal Price,
    decimal Size,
    int Orders);
