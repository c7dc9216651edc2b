using MemoryPack;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Contracts;

/// <summary>
/// MARKET_DATA: one piece of market data of one instrument (a <see cref="TradeTick"/>, <see cref="QuoteTick"/>,
/// <see cref="OrderBookSnapshot"/>, <see cref="OrderBookDelta"/> or closed <see cref="Bar"/>) with its feed sequence
/// number <see cref="Seq"/> (per instrument; consumers detect gaps and duplicates with it, 0 when the feed has none).
/// </summary>
[MemoryPackable]
public sealed partial record MarketDataEvent(long Seq, IMarketData Data) : IMessage, IConflatable
{
    public static MessageType Type => MessageType.MarketData;

    [MemoryPackIgnore]
    public MarketDataKind Kind => KindOf(Data);

    [MemoryPackIgnore]
    public string PartitionKey => Data.InstrumentId.Symbol;

    /// <summary>Quotes and books conflate per instrument; trade prints, book deltas and bars never do (every one counts).</summary>
    [MemoryPackIgnore]
    public string? ConflationKey => Conflates(Kind) ? $"{Data.InstrumentId.Symbol}:{Kind}" : null;

    /// <summary>Whether a newer event of this kind may replace an older one (quotes, books: yes; trades, deltas, bars: no).</summary>
    public static bool Conflates(MarketDataKind kind) => kind is MarketDataKind.Quote or MarketDataKind.Book;

    public static MarketDataKind KindOf(IMarketData data) => data switch
    {
        TradeTick => MarketDataKind.Trade,
        QuoteTick => MarketDataKind.Quote,
        OrderBookSnapshot => MarketDataKind.Book,
        Bar => MarketDataKind.Bar,
        OrderBookDelta => MarketDataKind.BookDelta,
        _ => throw new ArgumentException($"{data.GetType().Name} is not market data the bus carries.", nameof(data)),
    };

    /// <summary>The kind of each union tag <see cref="IMarketData"/> declares, by tag.</summary>
    private static readonly MarketDataKind[] KindByUnionTag =
        [MarketDataKind.Trade, MarketDataKind.Quote, MarketDataKind.Book, MarketDataKind.Bar, MarketDataKind.BookDelta];

    /// <summary>
    /// The kind of an encoded event without decoding the rest (a consumer that wants only bars passes over a hundred
    /// thousand ticks a second); null when the bytes are not a MarketDataEvent. Reads the layout MemoryPack writes for
    /// this record — member header, <see cref="Seq"/>, then the data's union tag — which a test pins.
    /// </summary>
    public static MarketDataKind? PeekKind(ReadOnlySpan<byte> payload)
    {
        using var state = MemoryPackReaderOptionalStatePool.Rent(MemoryPackSerializerOptions.Default);
        var reader = new MemoryPackReader(payload, state);
        try
        {
            if (!reader.TryReadObjectHeader(out var members) || members < 2 || reader.Remaining < sizeof(long) + 1)
            {
                return null;
            }

            reader.ReadUnmanaged<long>();
            return reader.TryReadUnionHeader(out var tag) && tag < KindByUnionTag.Length ? KindByUnionTag[tag] : null;
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
