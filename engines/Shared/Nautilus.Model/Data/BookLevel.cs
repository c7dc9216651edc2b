using MemoryPack;

namespace Nautilus.Model;

/// <summary>One price level of a book side: its price, the size resting there, and how many orders make it up.</summary>
[MemoryPackable]
public readonly partial record struct BookLevel(Price Price, Quantity Size, int Orders);
