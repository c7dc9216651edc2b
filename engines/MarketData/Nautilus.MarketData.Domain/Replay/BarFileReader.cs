using Nautilus.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.MarketData.Domain.Instruments;
using Nautilus.Model;

namespace Nautilus.MarketData.Domain.Replay;

/// <summary>
/// What a file gave: the good bars (in file order, at their instruments' precision), the problems found, how many data
/// rows there were, and how many bars were refused (a bad row of a wide file can refuse several; an unknown instrument's
/// bars are all refused but reported once).
/// </summary>
public sealed record BarImport(IReadOnlyList<Bar> Bars, IReadOnlyList<RowError> Errors, int Rows, string Layout, int Rejected);

/// <summary>
/// Reads OHLCV bars, from CSV or Parquet, in the layouts people have: Yahoo (<c>Date,Open,High,Low,Close,Adj Close,Volume</c>),
/// Stooq (<c>Date,Open,High,Low,Close,Volume</c>), long files with a symbol column (<c>symbol,date,open,…</c>),
/// and wide close matrices (<c>date,AAPL,MSFT,…</c>: one close per symbol and date, an empty cell meaning no price
/// that day; each close becomes a bar with open = high = low = close and no volume). Columns are found by name,
/// any order, any case. Every row is checked — a date that does not parse, a price that is not a positive number,
/// high below low or a price outside [low, high], negative volume, a date not after the symbol's previous one — and a
/// bad row is reported with its line and column while the good rows are kept.
/// </summary>
public static class BarFileReader
{
    /// <summary>Reads a CSV file.</summary>
    public static BarImport Read(TextReader reader, Func<string, Instrument?> instrumentOf, int intervalSeconds = 86_400, string? symbol = null) =>
        Read(new CsvRowSource(reader), instrumentOf, intervalSeconds, symbol);

    /// <param name="rows">The file's rows.</param>
    /// <param name="instrumentOf">The master's instrument of a symbol, or null when there is none (its bars are refused).</param>
    /// <param name="intervalSeconds">The bars' interval (86,400 for daily files).</param>
    /// <param name="symbol">The instrument of a file that has no symbol column (Yahoo, Stooq); ignored otherwise.</param>
    public static BarImport Read(RowSource rows, Func<string, Instrument?> instrumentOf, int intervalSeconds = 86_400, string? symbol = null)
    {
        if (rows.Names.Count == 0)
        {
            return new BarImport([], [new RowError(1, "file", "the file is empty")], 0, "none", 0);
        }

        var date = rows.Find("date", "datetime", "timestamp", "time", "<date>");
        var open = rows.Find("open", "<open>");
        var high = rows.Find("high", "<high>");
        var low = rows.Find("low", "<low>");
        var close = rows.Find("close", "<close>");
        var volume = rows.Find("volume", "vol", "<vol>");
        var symbolColumn = rows.Find("symbol", "ticker", "<ticker>");

        if (date < 0)
        {
            return new BarImport([], [new RowError(1, "date", "no date column (Date, Datetime, Timestamp or Time)")], 0, "unknown", 0);
        }

        var ohlc = open >= 0 && high >= 0 && low >= 0 && close >= 0;
        if (!ohlc && (open >= 0 || high >= 0 || low >= 0 || close >= 0))
        {
            return new BarImport([], [new RowError(1, "header", "an OHLC file needs all of Open, High, Low and Close")], 0, "unknown", 0);
        }

        if (ohlc && symbolColumn < 0 && string.IsNullOrWhiteSpace(symbol))
        {
            return new BarImport([], [new RowError(1, "symbol", "the file has no symbol column: say which instrument it is")], 0, "ohlc", 0);
        }

        var bars = new List<Bar>();
        var errors = new List<RowError>();
        var last = new Dictionary<string, DateTime>();
        var unknown = new HashSet<string>(StringComparer.Ordinal);
        var count = 0;
        var rejected = 0;
        while (rows.Next())
        {
            count++;
            var line = rows.Line;
            if (rows.Width < rows.Names.Count)
            {
                errors.Add(new RowError(line, "row", $"{rows.Width} cells where the header has {rows.Names.Count}"));
                continue;
            }

            if (!rows.TryTime(date, out var ns))
            {
                errors.Add(new RowError(line, rows.Field(date), $"'{rows.Text(date)}' is not a date (e.g. 2024-01-31)"));
                continue;
            }

            var when = new UnixNanos(ns).ToUtcDateTime();
            if (!ohlc)
            {
                // Wide matrix: every other column is a symbol's close.
                for (var c = 0; c < rows.Names.Count; c++)
                {
                    if (c == date || rows.IsEmpty(c))
                    {
                        continue;
                    }

                    var name = rows.Names[c].Trim();
                    if (!TryPrice(rows, c, out var price))
                    {
                        errors.Add(new RowError(line, name, $"'{rows.Text(c)}' is not a positive price"));
                        continue;
                    }

                    Add(name, when, price, price, price, price, 0, line, name);
                }

                continue;
            }

            var rowSymbol = symbolColumn >= 0 ? rows.Text(symbolColumn) : symbol!.Trim();
            if (rowSymbol.Length == 0)
            {
                errors.Add(new RowError(line, rows.Field(symbolColumn), "empty symbol"));
                continue;
            }

            if (new[] { open, high, low, close }.FirstOrDefault(i => !TryPrice(rows, i, out _), -1) is var bad and >= 0)
            {
                errors.Add(new RowError(line, rows.Field(bad), $"'{rows.Text(bad)}' is not a positive price"));
                continue;
            }

            TryPrice(rows, open, out var o);
            TryPrice(rows, high, out var h);
            TryPrice(rows, low, out var l);
            TryPrice(rows, close, out var cl);
            var v = 0.0;
            if (volume >= 0 && !rows.IsEmpty(volume) && (!rows.TryNumber(volume, out v) || v < 0))
            {
                errors.Add(new RowError(line, rows.Field(volume), $"'{rows.Text(volume)}' is not a volume (a number ≥ 0)"));
                continue;
            }

            if (h < l || o > h || o < l || cl > h || cl < l)
            {
                errors.Add(new RowError(line, rows.Field(high), $"inconsistent bar: high {h} low {l} open {o} close {cl}"));
                continue;
            }

            Add(rowSymbol, when, o, h, l, cl, v, line, rows.Field(date));
        }

        var layout = ohlc ? (symbolColumn >= 0 ? "long" : "ohlc") : "wide-close";
        return new BarImport(bars, errors, count, rows.Format == "csv" ? layout : $"{rows.Format} {layout}", rejected + errors.Count - unknown.Count);

        void Add(string name, DateTime when, double o, double h, double l, double c, double v, int at, string field)
        {
            if (instrumentOf(name) is not { } instrument)
            {
                rejected++;
                if (unknown.Add(name))
                {
                    errors.Add(new RowError(at, field == rows.Field(date) && symbolColumn >= 0 ? rows.Field(symbolColumn) : field,
                        $"unknown instrument '{name}': create it first (its bars were not stored)"));
                }

                return;
            }

            if (last.TryGetValue(name, out var previous) && when <= previous)
            {
                errors.Add(new RowError(at, field, $"{when:yyyy-MM-dd HH:mm:ss} is not after the previous bar of {name} ({previous:yyyy-MM-dd HH:mm:ss})"));
                return;
            }

            last[name] = when;
            bars.Add(new Bar(new BarType(instrument.Id, intervalSeconds), instrument.PriceOf(o), instrument.PriceOf(h), instrument.PriceOf(l),
                instrument.PriceOf(c), instrument.SizeOf(v), 0, UnixNanos.From(when)));
        }
    }

    private static bool TryPrice(RowSource rows, int column, out double value) => rows.TryNumber(column, out value) && value > 0;
}
