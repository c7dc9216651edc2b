using Nautilus.MarketData.Contracts;
namespace Nautilus.MarketData.Domain.Replay;

/// <summary>
/// The rows of a data file, one at a time, whatever its format (CSV text or typed Parquet columns), so the bar and
/// tick readers check a row once for both. Columns are addressed by index; <see cref="Find"/> locates them by name.
/// </summary>
public abstract class RowSource
{
    /// <summary>A file's rows: Parquet when it starts with Parquet's magic bytes, else CSV (UTF-8).</summary>
    /// <exception cref="InvalidDataException">A Parquet file that cannot be read.</exception>
    public static async Task<RowSource> OpenAsync(ReadOnlyMemory<byte> content, CancellationToken ct = default)
    {
        if (ParquetRowSource.IsParquet(content.Span))
        {
            return await ParquetRowSource.LoadAsync(new MemoryStream(content.ToArray(), writable: false), ct);
        }

        return new CsvRowSource(new StringReader(System.Text.Encoding.UTF8.GetString(content.Span)));
    }

    /// <summary>Column names as the file has them.</summary>
    public abstract IReadOnlyList<string> Names { get; }

    /// <summary>"csv" or "parquet".</summary>
    public abstract string Format { get; }

    /// <summary>Where the current row is, for error reports: its line (CSV, header = 1) or row number + 1 (Parquet).</summary>
    public abstract int Line { get; }

    /// <summary>Cells in the current row (a short CSV line has fewer than <see cref="Names"/>).</summary>
    public abstract int Width { get; }

    /// <summary>Moves to the next row with content; false at the end.</summary>
    public abstract bool Next();

    public abstract bool IsEmpty(int column);

    /// <summary>The cell as text (for symbols, sides and messages).</summary>
    public abstract string Text(int column);

    /// <summary>The cell as a finite number; false when it is empty or not one.</summary>
    public abstract bool TryNumber(int column, out double value);

    /// <summary>The cell as nanoseconds since the Unix epoch (UTC); false when it is not a time.</summary>
    public abstract bool TryTime(int column, out long unixNs);

    /// <summary>The index of the first column with one of <paramref name="names"/> (any case), or −1.</summary>
    public int Find(params string[] names)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (names.Contains(Names[i].Trim().ToLowerInvariant()))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The lower-case name of a column, as errors report it.</summary>
    public string Field(int column) => Names[column].Trim().ToLowerInvariant();
}
