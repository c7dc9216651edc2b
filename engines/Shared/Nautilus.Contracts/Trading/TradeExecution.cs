using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>TRADE_EXECUTION: a fill, with the account (the portfolio it traded for) it was booked to.</summary>
[MemoryPackable]
public sealed partial record TradeExecution(
    ClientOrderId ClientOrderId,
    InstrumentId InstrumentId,
    OrderSide Side,
    Quantity Quantity,
    Price Price,
    Money Fee,
    TradeId TradeId,
    UnixNanos TsEvent,
    AccountId? AccountId = null) : IMessage
{
    public static MessageType Type => MessageType.TradeExecution;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId.Symbol;
}
