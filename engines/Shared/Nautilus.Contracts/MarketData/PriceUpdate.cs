using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>PRICE_UPDATE: conflated top of book and last trade of one instrument.</summary>
[MessagePackObject]
public sealed record PriceUpdate(
    [property: Key(0)] string InstrumentId,
    [property: Key(1)] decimal Bid,
    [property: Key(2)] decimal Ask,
    [property: Key(3)] decimal Last,
    [property: Key(4)] long TsEventNs) : IMessage, IConflatable
{
    public static MessageType Type => MessageType.PriceUpdate;

    [IgnoreMember]
    public string PartitionKey => InstrumentId;

    /// <summary>Only the latest price of an instrument matters to a consumer that fell behind.</summary>
    [IgnoreMember]
    public string? ConflationKey => InstrumentId;
}
