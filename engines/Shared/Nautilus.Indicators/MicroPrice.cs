using Nautilus.Model;

namespace Nautilus.Indicators;

/// <summary>
/// Micro-price: the mid weighted toward the side likely to trade next, <c>(bid · ask size + ask · bid size) /
/// (bid size + ask size)</c> (Stoikov 2018, "The micro-price", its first-order form); the mid for an empty book.
/// </summary>
public sealed class MicroPrice() : Indicator<QuoteTick>("MICROPRICE", 1)
{
    protected override double ComputeNextValue(QuoteTick book)
    {
        var (bid, bidSize, ask, askSize) = (book.BidPrice.AsDouble(), book.BidSize.AsDouble(), book.AskPrice.AsDouble(), book.AskSize.AsDouble());
        var total = bidSize + askSize;
        return total > 0 ? (bid * askSize + ask * bidSize) / total : (bid + ask) / 2;
    }
}
