using System.Globalization;

namespace Nautilus.MarketData.Domain.Replay;

/// <summary>A bar read from a file, by its open time (UTC).</summary>
public readonly record struct ImportedBar(string Symbol, DateTime OpenTime, double Open, double High, double Low, double Close, double Volume);

/// <summary>Why a row (1-based line number, the header being line 1) was not imported, and the column at fault.</summary>
public sealed record RowError(int Line, string Field, string Problem);

/// <summary>What a file gave: the good bars (in file order), the bad rows, and how many data rows there were.</summary>
public sealed record BarImport(IReadOnlyList<ImportedBar> Bars, IReadOnlyList<RowError> Errors, int Rows, string Layout);

/// <summary>
/// Reads OHLCV bars from CSV in the layouts people have: Yahoo (<c>Date,Open,High,Low,Close,Adj Close,Volume</c>),
/// Stooq (<c>Date,Open,High,Low,Close,Volume</c>), long files with a symbol column (<c>symbol,date,open,…</c>),
/// and wide close matrices (<c>date,AAPL,MSFT,…</c>: one close per symbol and date, an empty cell meaning no price
/// that day; each close becomes a bar with open = high = low = close and no volume). Columns are found by name,
/// any order, any case. Every row is checked — a date that does not parse, a price that is not a positive number,
/// high below low or a price outside [low, high], negative volume, a date not after the symbol's previous one — and a
/// bad row is reported with its line and column while the good rows are kept.
/// </summary>
public static class BarCsvReader
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyyMMdd", "yyyy/MM/dd"];

    /// <param name="symbol">The instrument of a file that has no symbol column (Yahoo, Stooq); ignored otherwise.</param>
    public static BarImport Read(TextReader reader, string? symbol = null)
    {
        var header = reader.ReadLine();
        if (header is null)
        {
            return new BarImport([], [new RowError(1, "file", "the file is empty")], 0, "none");
        }

        var names = Split(header.TrimStart('\uFEFF')).Select(c => c.Trim()).ToArray();
        var columns = names.Select(c => c.ToLowerInvariant()).ToArray();
        int Find(params string[] names) => Array.FindIndex(columns, c => names.Contains(c));
        var date = Find("date", "datetime", "timestamp", "time", "<date>");
        var open = Find("open", "<open>");
        var high = Find("high", "<high>");
        var low = Find("low", "<low>");
        var close = Find("close", "<close>");
        var volume = Find("volume", "vol", "<vol>");
        var symbolColumn = Find("symbol", "ticker", "<ticker>");

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
        var rows = 0;
        var lineNumber = 1;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            rows++;
            var cells = Split(line);
            if (cells.Length < columns.Length)
            {
                errors.Add(new RowError(lineNumber, "row", $"{cells.Length} cells where the header has {columns.Length}"));
                continue;
            }

            if (!TryDate(cells[date], out var when))
            {
                errors.Add(new RowError(lineNumber, columns[date], $"'{cells[date]}' is not a date (e.g. 2024-01-31)"));
                continue;
            }

            if (!ohlc)
            {
                // Wide matrix: every other column is a symbol's close.
                for (var c = 0; c < columns.Length; c++)
                {
                    if (c == date || cells[c].Trim().Length == 0)
                    {
                        continue;
                    }

                    var name = names[c];
                    if (!TryPrice(cells[c], out var price))
                    {
                        errors.Add(new RowError(lineNumber, name, $"'{cells[c]}' is not a positive price"));
                        continue;
                    }

                    Add(new ImportedBar(name, when, price, price, price, price, 0), lineNumber, name);
                }

                continue;
            }

            var rowSymbol = symbolColumn >= 0 ? cells[symbolColumn].Trim() : symbol!;
            if (rowSymbol.Length == 0)
            {
                errors.Add(new RowError(lineNumber, columns[symbolColumn], "empty symbol"));
                continue;
            }

            if (!TryPrice(cells[open], out var o) || !TryPrice(cells[high], out var h) || !TryPrice(cells[low], out var l) || !TryPrice(cells[close], out var cl))
            {
                var bad = new[] { open, high, low, close }.First(i => !TryPrice(cells[i], out _));
                errors.Add(new RowError(lineNumber, columns[bad], $"'{cells[bad]}' is not a positive price"));
                continue;
            }

            var v = 0.0;
            if (volume >= 0 && cells[volume].Trim().Length > 0 &&
                (!double.TryParse(cells[volume], NumberStyles.Float, CultureInfo.InvariantCulture, out v) || !double.IsFinite(v) || v < 0))
            {
                errors.Add(new RowError(lineNumber, columns[volume], $"'{cells[volume]}' is not a volume (a number ≥ 0)"));
                continue;
            }

            if (h < l || o > h || o < l || cl > h || cl < l)
            {
                errors.Add(new RowError(lineNumber, columns[high], $"inconsistent bar: high {h} low {l} open {o} close {cl}"));
                continue;
            }

            Add(new ImportedBar(rowSymbol, when, o, h, l, cl, v), lineNumber, columns[date]);
        }

        return new BarImport(bars, errors, rows, ohlc ? (symbolColumn >= 0 ? "long" : "ohlc") : "wide-close");

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

    private static bool TryDate(string text, out DateTime value) =>
        DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out value);

    private static bool TryPrice(string text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value > 0;

    /// <summary>Splits a CSV line, honouring double quotes.</summary>
    private static string[] Split(string line)
    {
        if (!line.Contains('"'))
        {
            return line.Split(',');
        }

        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (ch == '"')
            {
                if (quoted && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else
                {
                    quoted = !quoted;
                }
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }
}
