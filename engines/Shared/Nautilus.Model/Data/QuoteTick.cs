using MemoryPack;

namespace Nautilus.Model;

/// <summary>The top of an instrument's book: best bid and ask with their sizes.</summary>
[MemoryPackable]
public sealed partial record QuoteTick(
    InstrumentId InstrumentId,
    Price BidPrice,
    Quantity BidSize,
    Price AskPrice,
    Quantity AskSize,
    UnixNanos TsEvent) : IMarketData
{
    /// <summary>(bid + ask) / 2, one decimal place finer than the quotes so it stays exact.</summary>
    [MemoryPackIgnore]
    public Price Mid
    {
        get
        {
            var sum = BidPrice + AskPrice;
            var finer = sum.WithPrecision(Math.Min(sum.Precision + 1, Price.MaxPrecision));
            return Price.FromRaw(finer.Raw / 2, finer.Precision);
        }
    }

    [MemoryPackIgnore]
    public Price Spread => AskPrice - BidPrice;
}
