namespace Nautilus.Portfolio.Domain.Accounting;

public enum CostMethod
{
    /// <summary>First in, first out: a closing trade matches the oldest open lots.</summary>
    Fifo,

    /// <summary>Average cost: one cost per position, moved by each opening trade; closing trades realise against it.</summary>
    AverageCost,
}

/// <summary>One trade of an instrument: signed quantity (buy positive), price and fee in the instrument's currency.</summary>
public readonly record struct Trade(double Quantity, double Price, double Fee = 0);

/// <summary>
/// The open lots of one instrument and the P&amp;L realised closing them, by FIFO or average cost, long or short (a trade
/// through zero closes the position and opens the other way at its price). P&amp;L is price P&amp;L times the multiplier;
/// fees are kept apart.
/// </summary>
public sealed class LotBook(CostMethod method, double multiplier = 1)
{
    private readonly LinkedList<(double Quantity, double Price)> _lots = new();

    public CostMethod Method => method;

    public double Quantity { get; private set; }

    public double Realized { get; private set; }

    public double Fees { get; private set; }

    /// <summary>The cost of the open position per unit (FIFO: the lots' weighted average); 0 when flat.</summary>
    public double AverageCost => Quantity == 0 ? 0 : _lots.Sum(l => l.Quantity * l.Price) / Quantity;

    public void Apply(Trade trade)
    {
        if (!(trade.Price > 0) || !double.IsFinite(trade.Quantity) || trade.Quantity == 0 || !(trade.Fee >= 0))
        {
            throw new PortfolioInputException("fills", "a fill needs a non-zero quantity, a positive price and a fee of zero or more");
        }

        Fees += trade.Fee;
        var remaining = trade.Quantity;
        // Close against open lots of the other side: the oldest first (FIFO) or the single average lot.
        while (remaining != 0 && _lots.First is { } oldest && Math.Sign(oldest.Value.Quantity) != Math.Sign(remaining))
        {
            var lot = oldest.Value;
            var matched = Math.Min(Math.Abs(remaining), Math.Abs(lot.Quantity)) * Math.Sign(lot.Quantity);
            Realized += matched * (trade.Price - lot.Price) * multiplier;
            Quantity -= matched;
            remaining += matched;
            if (Math.Abs(lot.Quantity - matched) < 1e-12 * Math.Abs(lot.Quantity))
            {
                _lots.RemoveFirst();
            }
            else
            {
                oldest.Value = (lot.Quantity - matched, lot.Price);
            }
        }

        if (remaining == 0)
        {
            return;
        }

        Quantity += remaining;
        if (method == CostMethod.AverageCost && _lots.First is { } average)
        {
            var total = average.Value.Quantity + remaining;
            average.Value = (total, (average.Value.Quantity * average.Value.Price + remaining * trade.Price) / total);
        }
        else
        {
            _lots.AddLast((remaining, trade.Price));
        }
    }

    /// <summary>The P&amp;L of the open position marked at <paramref name="price"/>.</summary>
    public double Unrealized(double price) => _lots.Sum(l => l.Quantity * (price - l.Price)) * multiplier;
}
