using Nautilus.Model;

namespace Nautilus.Execution.Domain.Positions;

/// <summary>
/// A position in one instrument: signed quantity, average open price, realised P&amp;L (net of commissions) and what it
/// was opened and closed at. A fill against it first reduces it (realising (price − average) × quantity × multiplier
/// against the side it closes), then opens the other way with what is left (a flip).
/// </summary>
public sealed class Position(string id, AccountId account, InstrumentId instrument, decimal multiplier, Currency currency)
{
    public string Id { get; } = id;

    public AccountId AccountId { get; } = account;

    public InstrumentId InstrumentId { get; } = instrument;

    public Currency Currency { get; } = currency;

    public decimal Multiplier { get; } = multiplier;

    /// <summary>Positive long, negative short, zero flat.</summary>
    public decimal Quantity { get; private set; }

    public decimal AveragePrice { get; private set; }

    public decimal RealizedPnl { get; private set; }

    public decimal Commissions { get; private set; }

    public UnixNanos? TsOpened { get; private set; }

    public UnixNanos TsLast { get; private set; }

    public int Fills { get; private set; }

    public PositionSide Side => Quantity > 0 ? PositionSide.Long : Quantity < 0 ? PositionSide.Short : PositionSide.Flat;

    public bool IsFlat => Quantity == 0;

    /// <summary>What the position would make or lose if closed at <paramref name="price"/>.</summary>
    public decimal UnrealizedPnl(decimal price) => (price - AveragePrice) * Quantity * Multiplier;

    /// <summary>Applies a fill; returns the P&amp;L it realised (net of its commission).</summary>
    public decimal Apply(Fill fill)
    {
        var signed = fill.Signed;
        var realized = -fill.Fee;
        if (Quantity != 0 && Math.Sign(signed) != Math.Sign(Quantity))
        {
            var closing = Math.Min(Math.Abs(signed), Math.Abs(Quantity)) * Math.Sign(signed);
            realized += (fill.Price - AveragePrice) * -closing * Multiplier;
            Quantity += closing;
            signed -= closing;
            if (Quantity == 0)
            {
                AveragePrice = 0;
            }
        }

        if (signed != 0)
        {
            // Opening (or adding, or the rest of a flip): the average moves to the new cost.
            AveragePrice = (AveragePrice * Quantity + fill.Price * signed) / (Quantity + signed);
            if (Quantity == 0)
            {
                TsOpened = fill.TsEvent;
            }

            Quantity += signed;
        }

        RealizedPnl += realized;
        Commissions += fill.Fee;
        TsLast = fill.TsEvent;
        Fills++;
        return realized;
    }

    public override string ToString() => $"{Id} {Side} {Math.Abs(Quantity)} {InstrumentId} @ {AveragePrice} realised {RealizedPnl}";
}
