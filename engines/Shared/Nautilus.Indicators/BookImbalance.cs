using Nautilus.Model;

namespace Nautilus.Indicators;

/// <summary>
/// Top-of-book order imbalance <c>(bid size − ask size) / (bid size + ask size)</c>, from −1 (all offers) to +1
/// (all bids); 0 for an empty book.
/// </summary>
public sealed class BookImbalance() : Indicator<QuoteTick>("IMBALANCE", 1)
{
    protected override double ComputeNextValue(QuoteTick book)
    {
        var (bid, ask) = (book.BidSize.AsDouble(), book.AskSize.AsDouble());
        var total = bid + ask;
        return total > 0 ? (bid - ask) / total : 0;
    }
}
