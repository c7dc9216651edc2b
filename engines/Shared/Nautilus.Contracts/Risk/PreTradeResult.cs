using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>
/// PRE_TRADE_RESULT: the Risk engine's answer to an ORDER_REQUEST on the bus, carrying the order so the Execution engine
/// needs nothing else to route it (accepted) or deny it with the reason (refused). Every request gets exactly one.
/// </summary>
[MemoryPackable]
public sealed partial record PreTradeResult(
    OrderRequest Order,
    bool Accepted,
    TradingState TradingState,
    string? Reason,
    UnixNanos TsEvent) : IMessage
{
    public static MessageType Type => MessageType.PreTradeResult;

    [MemoryPackIgnore]
    public string PartitionKey => Order.InstrumentId.Symbol;
}
