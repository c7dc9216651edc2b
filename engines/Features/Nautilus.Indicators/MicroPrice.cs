namespace Nautilus.Indicators;

/// <summary>
/// Micro-price: the mid weighted toward the side likely to trade next, <c>(bid · ask size + ask · bid size) /
/// (bid size + ask size)</c> (Stoikov 2018, "The micro-price", its first-order form); the mid for an empty book.
/// </summary>
public sealed class MicroPrice() : Indicator<TopOfBook>("MICROPRICE", 1)
{
    protected override double ComputeNextValue(TopOfBook book)
    {
        var total = book.BidSize + book.AskSize;
        return total > 0
            ? (book.BidPrice * book.AskSize + book.AskPrice * book.BidSize) / total
            : (book.BidPrice + book.AskPrice) / 2;
    }
}
