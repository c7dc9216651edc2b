using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>TRADE_EXECUTION: a fill.</summary>
[MessagePackObject]
public sealed record TradeExecution(
    [property: Key(0)] string ClientOrderId,
    [property: Key(1)] string InstrumentId,
    [property: Key(2)] OrderSide Side,
    [property: Key(3)] decimal Quantity,
    [property: Key(4)] decimal Price,
    [property: Key(5)] decimal Fee,
    [property: Key(6)] string Venue,
    [property: Key(7)] string TradeId,
    [property: Key(8)] long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.TradeExecution;

    [IgnoreMember]
    public string PartitionKey => InstrumentId;
}
