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
    public string? ConflationKey => Conflates(Kind) ? $"{InstrumentId}:{Kind}" : null;

    /// <summary>Whether a newer event of this kind may replace an older one (quotes, books: yes; trade prints, bars: no).</summary>
    public static bool Conflates(MarketDataKind kind) => kind is not (MarketDataKind.Trade or MarketDataKind.Bar);

    /// <summary>
    /// The kind of an encoded event without decoding the rest (a consumer that wants only bars passes over a hundred
    /// thousand ticks a second); null when the bytes are not a MarketDataEvent. Reads the layout MemoryPack writes for
    /// this record — member header, <see cref="InstrumentId"/>, <see cref="Kind"/> — which a test pins.
    /// </summary>
    public static MarketDataKind? PeekKind(ReadOnlySpan<byte> payload)
    {
        using var state = MemoryPackReaderOptionalStatePool.Rent(MemoryPackSerializerOptions.Default);
        var reader = new MemoryPackReader(payload, state);
        try
        {
            if (!reader.TryReadObjectHeader(out var members) || members < 2 || reader.ReadString() is null || reader.Remaining < 1)
            {
                return null;
            }

            var kind = reader.ReadUnmanaged<MarketDataKind>();
            return Enum.IsDefined(kind) ? kind : null;
        }
        catch (MemoryPackSerializationException)
        {
            return null;
        }
        finally
        {
            reader.Dispose();
        }
    }
}
