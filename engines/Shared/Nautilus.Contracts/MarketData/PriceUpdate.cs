using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>PRICE_UPDATE: conflated top of book and last trade of one instrument (the mid when it has not traded yet).</summary>
[MemoryPackable]
public sealed partial record PriceUpdate(
    InstrumentId InstrumentId,
    Price Bid,
    Price Ask,
    Price Last,
    UnixNanos TsEvent) : IMessage, IConflatable
{
    public static MessageType Type => MessageType.PriceUpdate;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId.Symbol;

    /// <summary>Only the latest price of an instrument matters to a consumer that fell behind.</summary>
    [MemoryPackIgnore]
    public string? ConflationKey => InstrumentId.Symbol;
}
