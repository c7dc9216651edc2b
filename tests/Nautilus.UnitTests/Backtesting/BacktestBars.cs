using System.Globalization;
using Nautilus.Backtesting.Domain;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Venue;
using Nautilus.Model;
using Nautilus.Strategy.Domain.Catalog;

namespace Nautilus.UnitTests.Backtesting;

/// <summary>Bars for backtest tests: SPY's real daily closes, and seeded synthetic series.</summary>
internal static class BacktestBars
{
    public static readonly InstrumentId Spy = new("SPY", "ARCX");

    /// <summary>SPY daily closes from 1993-01-29 (TestData/spy_prices.csv, PyPortfolioOpt's test resource) as bars whose
    /// open, high, low and close are the close: the file has closes only.</summary>
    public static (DateOnly[] Dates, decimal[] Closes, Bar[] Bars) SpyDaily()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "spy_prices.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Where(p => p.Length == 2 && p[1].Length > 0)
            .ToArray();
        var dates = lines.Select(p => DateOnly.ParseExact(p[0], "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToArray();
        var closes = lines.Select(p => decimal.Parse(p[1], CultureInfo.InvariantCulture)).ToArray();
        var bars = dates.Select((d, i) => Flat(Spy, d, closes[i])).ToArray();
        return (dates, closes, bars);
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
