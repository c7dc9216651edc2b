using MemoryPack;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>
/// MARKET_DATA: a trade, a quote, a book snapshot or a closed bar of one instrument, exactly one of them set.
/// <see cref="Seq"/> is the instrument's feed sequence number (consumers detect gaps and duplicates with it).
/// </summary>
[MemoryPackable]
public sealed partial record MarketDataEvent(
    string InstrumentId,
    MarketDataKind Kind,
    long TsEventNs,
    TradeTick? Trade,
    QuoteTick? Quote,
    BookSnapshot? Book,
    BarData? Bar = null,
    long Seq = 0) : IMessage, IConflatable
{
    public static MessageType Type => MessageType.MarketData;

    [MemoryPackIgnore]
    public string PartitionKey => InstrumentId;

    /// <summary>Quotes and books conflate per instrument; trade prints and bars never do (every one counts).</summary>
    [MemoryPackIgnore]
    public string? ConflationKey => Kind is MarketDataKind.Trade or MarketDataKind.Bar ? null : $"{InstrumentId}:{Kind}";
}
