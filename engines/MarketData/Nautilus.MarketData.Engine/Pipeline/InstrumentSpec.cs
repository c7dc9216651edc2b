using Nautilus.MarketData.Domain.Instruments;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Model;

namespace Nautilus.MarketData.Engine.Pipeline;

/// <summary>
/// What the pipeline needs of an instrument to put a venue's numbers on the bus: its id and the precisions its prices
/// and sizes are exact at (feeds and the simulator print doubles; the bus carries <see cref="Price"/> and
/// <see cref="Quantity"/>).
/// </summary>
public sealed class InstrumentSpec(Instrument source)
{
    private readonly int _pricePrecision = source.PricePrecision;
    private readonly int _sizePrecision = source.SizePrecision;

    public Instrument Source { get; } = source;

    public InstrumentId Id { get; } = source.Id;

    /// <summary>At the instrument's precision, or finer for a value off its grid (adjusted history): nothing is rounded away.</summary>
    public Price Price(double value) => Model.Price.FromDoubleAtLeast(value, _pricePrecision);

    public Quantity Size(double value) => Quantity.FromDoubleAtLeast(value, _sizePrecision);

    /// <summary>A stored bar (prices kept as float8, exact to 15 digits) back at the instrument's precision.</summary>
    public Bar ToBar(BarRecord row) => new(new BarType(Id, row.IntervalSeconds), Price(row.Open), Price(row.High), Price(row.Low),
        Price(row.Close), Size(row.Volume), row.TradeCount, UnixNanos.From(row.Ts));

    /// <summary>A stored trade back at the instrument's precision.</summary>
    public TradeTick ToTrade(TradeRecord row) => new(Id, Price(row.Price), Size(row.Size), row.Aggressor, new TradeId(row.TradeId),
        UnixNanos.From(row.Ts));
}
