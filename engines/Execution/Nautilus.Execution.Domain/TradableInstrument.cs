using Nautilus.Model;

namespace Nautilus.Execution.Domain;

/// <summary>
/// What execution needs of an instrument: the increments its prices and sizes move in, the value of one unit of price
/// per unit of size (<see cref="Multiplier"/>, 1 for equities), and its currency.
/// </summary>
public sealed record TradableInstrument(InstrumentId Id, decimal TickSize, decimal LotSize, Currency Currency, decimal Multiplier = 1)
{
    public int PricePrecision => PlacesOf(TickSize);

    public int SizePrecision => PlacesOf(LotSize);

    public bool IsOnTickGrid(Price price) => price.ToDecimal() % TickSize == 0;

    public bool IsOnLotGrid(Quantity quantity) => quantity.ToDecimal() % LotSize == 0;

    public Price PriceOf(decimal value) => Price.FromDecimal(Math.Round(value / TickSize) * TickSize, PricePrecision);

    /// <summary>Whole lots of <paramref name="value"/>, rounded down.</summary>
    public Quantity LotsOf(decimal value) =>
        Quantity.FromDecimal(Math.Max(0, Math.Floor(value / LotSize)) * LotSize, SizePrecision);

    /// <summary>A US equity: cent ticks, single shares.</summary>
    public static TradableInstrument Equity(InstrumentId id) => new(id, 0.01m, 1m, Currency.USD);

    private static int PlacesOf(decimal increment) => (increment / 1.0000000000000000000000000000m).Scale;
}
