using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>MARKET_DATA: a trade, a quote or a book snapshot of one instrument, exactly one of them set.</summary>
[MemoryPackable]
public sealed partial record MarketDataEvent(
    string InstrumentId,
    MarketDataKind Kind,
    long TsEventNs,
    TradeTick? Trade,
    QuoteTick? Quote,
    BookSnapshot? Book) : IMessage, IConflatable
{
    public static MessageType Type => MessageType.MarketData;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;

    /// <summary>Quotes and books conflate per instrument; a trade print never does (every trade counts).</summary>
    [MemoryPackIgnore]
    public string? ConflationKey => Kind == MarketDataKind.Trade ? null : $"{InstrumentId}:{Kind}";
}
