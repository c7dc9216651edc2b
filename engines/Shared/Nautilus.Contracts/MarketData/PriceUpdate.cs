using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>PRICE_UPDATE: conflated top of book and last trade of one instrument.</summary>
[MemoryPackable]
public sealed partial record PriceUpdate(
    string InstrumentId,
    decimal Bid,
    decimal Ask,
    decimal Last,
    long TsEventNs) : IMessage, IConflatable
{
    public static MessageType Type => MessageType.PriceUpdate;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;

    /// <summary>Only the latest price of an instrument matters to a consumer that fell behind.</summary>
    [MemoryPackIgnore]
    public string? ConflationKey => InstrumentId;
}
