using MessagePack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>MARKET_DATA: a trade, a quote or a book snapshot of one instrument, exactly one of them set.</summary>
[MessagePackObject]
public sealed record MarketDataEvent(
    [property: Key(0)] string InstrumentId,
    [property: Key(1)] MarketDataKind Kind,
    [property: Key(2)] long TsEventNs,
    [property: Key(3)] TradeTick? Trade,
    [property: Key(4)] QuoteTick? Quote,
    [property: Key(5)] BookSnapshot? Book) : IMessage, IConflatable
{
    public static MessageType Type => MessageType.MarketData;

    [IgnoreMember]
    public string PartitionKey => InstrumentId;

    /// <summary>Quotes and books conflate per instrument; a trade print never does (every trade counts).</summary>
    [IgnoreMember]
    public string? ConflationKey => Kind == MarketDataKind.Trade ? null : $"{InstrumentId}:{Kind}";
}
