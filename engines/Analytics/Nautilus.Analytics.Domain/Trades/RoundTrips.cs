using Nautilus.Model;

namespace Nautilus.Analytics.Domain.Trades;

/// <summary>A fill as the trade statistics need it: signed by side, with its fee in the account's money.</summary>
public sealed record Fill(InstrumentId Instrument, OrderSide Side, double Quantity, double Price, double Fee, DateTimeOffset At);

/// <summary>
/// A closed round trip: a quantity opened at one price and closed at another. <see cref="Pnl"/> is net of the fees of the
/// fills that made it (each fill's fee shared pro rata by the quantity it contributed).
/// </summary>
public sealed record ClosedTrade(InstrumentId Instrument, PositionSide Side, double Quantity, DateTimeOffset EntryAt, double EntryPrice,
    DateTimeOffset ExitAt, double ExitPrice, double Pnl, double Fees);

/// <summary>
/// Round trips from fills, FIFO per instrument (the accounting NautilusTrader and most brokers report): a fill against an
/// open position closes the oldest open lots first; what is left of it opens a position the other way.
/// </summary>
public static class RoundTrips
{
    public static IReadOnlyList<ClosedTrade> Match(IEnumerable<Fill> fills)
    {
        var open = new Dictionary<InstrumentId, LinkedList<Lot>>();
        var closed = new List<ClosedTrade>();
        foreach (var fill in fills.OrderBy(f => f.At))
        {
            if (!(fill.Quantity > 0) || !double.IsFinite(fill.Price))
            {
                throw new ArgumentException($"fill of {fill.Instrument} at {fill.At:O}: quantity must be positive and price finite",
                    nameof(fills));
            }

            var lots = open.TryGetValue(fill.Instrument, out var l) ? l : open[fill.Instrument] = new LinkedList<Lot>();
            var sign = fill.Side == OrderSide.Buy ? 1 : -1;
            var remaining = fill.Quantity;
            while (remaining > 1e-12 && lots.First is { } first && first.Value.Sign != sign)
            {
                var lot = first.Value;
                var quantity = Math.Min(lot.Quantity, remaining);
                var fees = lot.Fee * quantity / lot.Quantity + fill.Fee * quantity / fill.Quantity;
                var pnl = lot.Sign * (fill.Price - lot.Price) * quantity - fees;
                closed.Add(new ClosedTrade(fill.Instrument, lot.Sign > 0 ? PositionSide.Long : PositionSide.Short, quantity, lot.At,
                    lot.Price, fill.At, fill.Price, pnl, fees));
                remaining -= quantity;
                if (lot.Quantity - quantity > 1e-12)
                {
                    first.Value = lot with { Quantity = lot.Quantity - quantity, Fee = lot.Fee * (lot.Quantity - quantity) / lot.Quantity };
                }
                else
                {
                    lots.RemoveFirst();
                }
            }

            if (remaining > 1e-12)
            {
                lots.AddLast(new Lot(sign, remaining, fill.Price, fill.Fee * remaining / fill.Quantity, fill.At));
            }
        }

        return closed;
    }

    private readonly record struct Lot(int Sign, double Quantity, double Price, double Fee, DateTimeOffset At);
}
