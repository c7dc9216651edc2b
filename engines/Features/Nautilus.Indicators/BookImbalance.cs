namespace Nautilus.Indicators;

/// <summary>
/// Top-of-book order imbalance <c>(bid size − ask size) / (bid size + ask size)</c>, from −1 (all offers) to +1
/// (all bids); 0 for an empty book.
/// </summary>
public sealed class BookImbalance() : Indicator<TopOfBook>("IMBALANCE", 1)
{
    protected override double ComputeNextValue(TopOfBook book)
    {
        var total = book.BidSize + book.AskSize;
        return total > 0 ? (book.BidSize - book.AskSize) / total : 0;
    }
}
