using System.Text.Json.Serialization;
using MemoryPack;

namespace Nautilus.Model;

/// <summary>
/// A piece of market data of one instrument at one time: a trade, a quote, a book snapshot or delta, or a closed bar.
/// On the bus each is its own type (a MemoryPack union: a tag byte, then the type's fields), so a consumer matches on
/// the type instead of testing which of several nullable fields is set. In JSON a <c>type</c> property names it.
/// </summary>
[MemoryPackable]
[MemoryPackUnion(0, typeof(TradeTick))]
[MemoryPackUnion(1, typeof(QuoteTick))]
[MemoryPackUnion(2, typeof(OrderBookSnapshot))]
[MemoryPackUnion(3, typeof(Bar))]
[MemoryPackUnion(4, typeof(OrderBookDelta))]
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TradeTick), "trade")]
[JsonDerivedType(typeof(QuoteTick), "quote")]
[JsonDerivedType(typeof(OrderBookSnapshot), "book")]
[JsonDerivedType(typeof(Bar), "bar")]
[JsonDerivedType(typeof(OrderBookDelta), "bookDelta")]
public partial interface IMarketData
{
    InstrumentId InstrumentId { get; }

    /// <summary>When the venue says it happened (for a bar: when it opened).</summary>
    UnixNanos TsEvent { get; }
}
