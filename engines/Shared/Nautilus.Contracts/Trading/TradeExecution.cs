using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>TRADE_EXECUTION: a fill.</summary>
[MemoryPackable]
public sealed partial record TradeExecution(
    string ClientOrderId,
    string InstrumentId,
    OrderSide Side,
    decimal Quantity,
    decimal Price,
    decimal Fee,
    string Venue,
    string TradeId,
    long TsEventNs) : IMessage
{
    public static MessageType Type => MessageType.TradeExecution;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;
}
