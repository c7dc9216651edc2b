namespace Nautilus.Contracts;

/// <summary>Which kind of market data a <see cref="MarketDataEvent"/> carries, by the type of its data.</summary>
public enum MarketDataKind : byte { Trade = 1, Quote = 2, Book = 3, Bar = 4, BookDelta = 5 }

public enum AlertSeverity : byte { Info = 1, Warning = 2, Critical = 3 }
