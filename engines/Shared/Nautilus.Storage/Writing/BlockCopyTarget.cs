using System.Runtime.InteropServices;
using Npgsql;
using NpgsqlTypes;

namespace Nautilus.Storage.Writing;

/// <summary>
/// Stores ticks in blocks: one table row holds up to <see cref="BlockSize"/> consecutive ticks of one symbol as
/// column arrays (the layout of TimescaleDB's compressed chunks and of columnar tick stores). A tick then costs no
/// b-tree insert and no row header of its own: on our 2-core machines a row per tick with an index stores ~140k
/// ticks/s, blocks several times that. Block columns are <c>symbol, ts_first, ts_last, seq_first, seq_last, n</c>
/// followed by the arrays the subclass writes. Within a block ticks are in (ts, seq) order; per symbol, blocks do
/// not overlap as long as ticks of a symbol are written in time order (the MarketData engine rejects ticks older
/// than the last one of their instrument), so block order then position is (ts, seq) order.
/// </summary>
public abstract class BlockCopyTarget<TRow> : ICopyTarget<TRow>
{
    public const int BlockSize = 1_000;

    public abstract TimeSeriesTable Table { get; }

    /// <summary>The array columns, after the block header.</summary>
    protected abstract string ArrayColumns { get; }

    public string Columns => "symbol, ts_first, ts_last, seq_first, seq_last, n, " + ArrayColumns;

    public abstract DateTime TimestampOf(in TRow row);

    protected abstract string SymbolOf(in TRow row);

    protected abstract long SeqOf(in TRow row);

    /// <summary>Writes the array columns of the ticks <paramref name="rows"/>[<paramref name="index"/>[0..count)].</summary>
    protected abstract void WriteArrays(NpgsqlBinaryImporter importer, List<TRow> rows, ReadOnlySpan<int> index);

    public void Write(NpgsqlBinaryImporter importer, List<TRow> rows, int start, int count)
    {
        // Group by symbol, keeping each symbol's ticks in (ts, seq) order.
        var bySymbol = new Dictionary<string, List<int>>();
        for (var i = start; i < start + count; i++)
        {
            var symbol = SymbolOf(rows[i]);
            if (!bySymbol.TryGetValue(symbol, out var list))
            {
                bySymbol[symbol] = list = [];
            }

            list.Add(i);
        }

        foreach (var (symbol, list) in bySymbol)
        {
            list.Sort((a, b) =>
            {
                var byTime = TimestampOf(rows[a]).CompareTo(TimestampOf(rows[b]));
                return byTime != 0 ? byTime : SeqOf(rows[a]).CompareTo(SeqOf(rows[b]));
            });
            var all = CollectionsMarshal.AsSpan(list);
            for (var offset = 0; offset < all.Length;)
            {
                var block = NextBlock(rows, all[offset..]);
                offset += block.Length;
                var first = rows[block[0]];
                var last = rows[block[^1]];
                importer.StartRow();
                importer.Write(symbol, NpgsqlDbType.Text);
                importer.Write(TimestampOf(first), NpgsqlDbType.TimestampTz);
                importer.Write(TimestampOf(last), NpgsqlDbType.TimestampTz);
                importer.Write(SeqOf(first), NpgsqlDbType.Bigint);
                importer.Write(SeqOf(last), NpgsqlDbType.Bigint);
                importer.Write(block.Length, NpgsqlDbType.Integer);
                WriteArrays(importer, rows, block);
            }
        }
    }

    /// <summary>
    /// The longest run from the start of <paramref name="sorted"/> that fits one block: at most <see cref="BlockSize"/>
    /// ticks of one UTC day. A block never spans two of its table's one-day partitions (or chunks), so retention drops
    /// a day's ticks and nothing younger, and a read of a range skips the days outside it.
    /// </summary>
    private ReadOnlySpan<int> NextBlock(List<TRow> rows, ReadOnlySpan<int> sorted)
    {
        var day = TimestampOf(rows[sorted[0]]).Date;
        var length = 1;
        while (length < sorted.Length && length < BlockSize && TimestampOf(rows[sorted[length]]).Date == day)
        {
            length++;
        }

        return sorted[..length];
    }

    protected static T[] Column<T>(List<TRow> rows, ReadOnlySpan<int> index, Func<TRow, T> value)
    {
        var column = new T[index.Length];
        for (var i = 0; i < index.Length; i++)
        {
            column[i] = value(rows[index[i]]);
        }

        return column;
    }
}
