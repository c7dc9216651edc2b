using Nautilus.Backtesting.Domain;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Venue;
using Nautilus.Model;
using Nautilus.Strategy.Domain.Catalog;
using Nautilus.Testing;

namespace Nautilus.UnitTests.Backtesting;

/// <summary>Bars for backtest tests: SPY's real daily closes, and seeded synthetic series.</summary>
internal static class BacktestBars
{
    public static readonly InstrumentId Spy = new("SPY", "ARCX");

    /// <summary>SPY daily closes from 1993-01-29 as bars whose open, high, low and close are the close: the file has closes only.</summary>
    public static (DateOnly[] Dates, decimal[] Closes, Bar[] Bars) SpyDaily()
    {
        var (dates, closes) = SmaCrossByHand.SpyCloses();
        return (dates, closes, [.. dates.Select((d, i) => Flat(Spy, d, closes[i]))]);
    }

    public static Bar Flat(InstrumentId id, DateOnly day, decimal close)
    {
        var price = Price.FromDecimal(close, Math.Max(2, (int)close.Scale));
        return new Bar(new BarType(id, 86_400), price, price, price, price, Quantity.FromDecimal(1_000_000, 0), 0,
            UnixNanos.From(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
    }

    /// <summary>Daily bars of a price path starting 2000-01-03, one per calendar day.</summary>
    public static Bar[] Daily(InstrumentId id, IEnumerable<double> closes) =>
        [.. closes.Select((c, i) => Flat(id, new DateOnly(2000, 1, 3).AddDays(i), Math.Round((decimal)c, 4)))];

    public static BacktestSettings Settings(decimal cash = 100_000m, VenueOptions? venue = null, params InstrumentId[] ids) =>
        new(cash, venue ?? VenueOptions.Frictionless, [.. (ids.Length == 0 ? [Spy] : ids).Select(TradableInstrument.Equity)], 252);

    public static BacktestResult Run(string strategy, Dictionary<string, double> parameters, Bar[] bars, BacktestSettings settings) =>
        new BacktestKernel(settings, StrategyCatalog.Create(strategy, parameters, settings.Instruments.Count)).Run(bars);
}
