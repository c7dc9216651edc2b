using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.MarketData.Domain.Replay;

/// <summary>A bar read from a file, by its open time (UTC).</summary>
public readonly record struct ImportedBar(string Symbol, DateTime OpenTime, double Open, double High, double Low, double Close, double Volume);

/// <summary>What a file gave: the good bars (in file order), the bad rows, and how many data rows there were.</summary>
public sealed record BarImport(IReadOnlyList<ImportedBar> Bars, IReadOnlyList<RowError> Errors, int Rows, string Layout);

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
    public static BarImport Read(TextReader reader, string? symbol = null) => Read(new CsvRowSource(reader), symbol);

    /// <param name="symbol">The instrument of a file that has no symbol column (Yahoo, Stooq); ignored otherwise.</param>
    public static BarImport Read(RowSource rows, string? symbol = null)
    {
        if (rows.Names.Count == 0)
        {
            return new BarImport([], [new RowError(1, "file", "the file is empty")], 0, "none");
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
            return new BarImport([], [new RowError(1, "date", "no date column (Date, Datetime, Timestamp or Time)")], 0, "unknown");
        }

        var ohlc = open >= 0 && high >= 0 && low >= 0 && close >= 0;
        if (!ohlc && (open >= 0 || high >= 0 || low >= 0 || close >= 0))
        {
            return new BarImport([], [new RowError(1, "header", "an OHLC file needs all of Open, High, Low and Close")], 0, "unknown");
        }

        if (ohlc && symbolColumn < 0 && string.IsNullOrWhiteSpace(symbol))
        {
            return new BarImport([], [new RowError(1, "symbol", "the file has no symbol column: say which instrument it is")], 0, "ohlc");
        }

        var bars = new List<ImportedBar>();
        var errors = new List<RowError>();
        var last = new Dictionary<string, DateTime>();
        var count = 0;
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

                    Add(new ImportedBar(name, when, price, price, price, price, 0), line, name);
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

            Add(new ImportedBar(rowSymbol, when, o, h, l, cl, v), line, rows.Field(date));
        }

        var layout = ohlc ? (symbolColumn >= 0 ? "long" : "ohlc") : "wide-close";
        return new BarImport(bars, errors, count, rows.Format == "csv" ? layout : $"{rows.Format} {layout}");

        void Add(ImportedBar bar, int at, string field)
        {
            if (last.TryGetValue(bar.Symbol, out var previous) && bar.OpenTime <= previous)
            {
                errors.Add(new RowError(at, field, $"{bar.OpenTime:yyyy-MM-dd HH:mm:ss} is not after the previous bar of {bar.Symbol} ({previous:yyyy-MM-dd HH:mm:ss})"));
                return;
            }

            last[bar.Symbol] = bar.OpenTime;
            bars.Add(bar);
        }
    }

    private static bool TryPrice(RowSource rows, int column, out double value) => rows.TryNumber(column, out value) && value > 0;
}
