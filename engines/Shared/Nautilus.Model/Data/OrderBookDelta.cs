using MemoryPack;

namespace Nautilus.Model;

/// <summary>
/// One change to one level of an instrument's book: add, update or delete the level at <see cref="Price"/> on
/// <see cref="Side"/> (<see cref="BookAction.Clear"/> empties the book; its price and size are then zero).
/// </summary>
[MemoryPackable]
public sealed partial record OrderBookDelta(
    InstrumentId InstrumentId,
    BookAction Action,
    OrderSide Side,
    Price Price,
    Quantity Size,
    int Orders,
    UnixNanos TsEvent) : IMarketData;
