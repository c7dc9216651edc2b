using Nautilus.Model;

namespace Nautilus.Risk.Domain.Limits;

/// <summary>
/// What the pre-trade check knows of a portfolio: signed positions (units) with their last prices, equity, today's P&amp;L
/// and the equity peak. Gross and net exposure are kept as positions change, so a check costs a few lookups.
/// Not thread-safe: the engine serialises updates and checks per portfolio.
/// </summary>
public sealed class PortfolioExposure(PortfolioId portfolio)
{
    private readonly Dictionary<InstrumentId, (double Quantity, double Price)> _positions = [];

    public PortfolioId Portfolio { get; } = portfolio;

    public double Equity { get; private set; }

    public double PeakEquity { get; private set; }

    /// <summary>Today's P&amp;L: negative is a loss.</summary>
    public double DailyPnl { get; private set; }

    public double Gross { get; private set; }

    public double Net { get; private set; }

    /// <summary>The last computed one-day VaR (positive money), null until one is.</summary>
    public double? Var { get; private set; }

    /// <summary>Fall from the equity peak as a fraction of it (0 at a new peak).</summary>
    public double Drawdown => PeakEquity > 0 ? Math.Max(0, (PeakEquity - Equity) / PeakEquity) : 0;

    public IReadOnlyDictionary<InstrumentId, (double Quantity, double Price)> Positions => _positions;

    /// <summary>
    /// The portfolio's current value of a measure a limit of <paramref name="kind"/> bounds (losses positive, leverage 0 without
    /// equity); null for the kinds that bound an order or one instrument rather than the whole portfolio.
    /// </summary>
    public double? Measure(LimitKind kind) => kind switch
    {
        LimitKind.MaxGrossExposure => Gross,
        LimitKind.MaxNetExposure => Math.Abs(Net),
        LimitKind.MaxLeverage => Equity > 0 ? Gross / Equity : 0,
        LimitKind.MaxDailyLoss => Math.Max(0, -DailyPnl),
        LimitKind.MaxDrawdown => Drawdown,
        LimitKind.MaxVar => Var,
        _ => null,
    };

    public double QuantityOf(InstrumentId instrument) => _positions.TryGetValue(instrument, out var p) ? p.Quantity : 0;

    /// <summary>Sets a position (signed units) at a price, replacing what was known.</summary>
    public void SetPosition(InstrumentId instrument, double quantity, double price)
    {
        if (_positions.TryGetValue(instrument, out var old))
        {
            Gross -= Math.Abs(old.Quantity * old.Price);
            Net -= old.Quantity * old.Price;
        }

        if (quantity == 0)
        {
            _positions.Remove(instrument);
            return;
        }

        _positions[instrument] = (quantity, price);
        Gross += Math.Abs(quantity * price);
        Net += quantity * price;
    }

    /// <summary>Marks a held position to a new price.</summary>
    public void Mark(InstrumentId instrument, double price)
    {
        if (_positions.TryGetValue(instrument, out var p))
        {
            SetPosition(instrument, p.Quantity, price);
        }
    }

    public void SetVar(double var) => Var = var;

    /// <summary>Equity and today's P&amp;L; the peak rises with equity (or is set, when known from history).</summary>
    public void SetAccount(double equity, double dailyPnl, double? peakEquity = null)
    {
        Equity = equity;
        DailyPnl = dailyPnl;
        PeakEquity = Math.Max(peakEquity ?? PeakEquity, equity);
    }
}
