using Npgsql;

namespace Nautilus.Storage.Writing;

/// <summary>How rows of one type go into one time-series table by binary COPY.</summary>
public interface ICopyTarget<TRow>
{
    /// <summary>The table, as a time-series table of the storage schema knows it.</summary>
    TimeSeriesTable Table { get; }

    /// <summary>Column list in COPY order.</summary>
    string Columns { get; }

    /// <summary>
    /// Set for tables where a row may legitimately arrive again and should replace the stored one (bars re-aggregated):
    /// the conflict target and update, e.g. <c>(symbol, interval_s, ts) DO UPDATE SET …</c>. Null: plain COPY.
    /// </summary>
    string? OnConflict => null;

    /// <summary>
    /// SQL run after the upsert in the same transaction, with the batch still in <paramref name="staging"/> (the
    /// temporary table the rows were copied into): for bookkeeping that must commit with the rows. Null: nothing.
    /// </summary>
    string? AfterUpsert(string staging) => null;

    DateTime TimestampOf(in TRow row);

    /// <summary>Writes rows [start, start + count) of <paramref name="rows"/> as one or more COPY rows.</summary>
    void Write(NpgsqlBinaryImporter importer, List<TRow> rows, int start, int count);
}

/// <summary>A target that stores each row as one table row.</summary>
public abstract class RowCopyTarget<TRow> : ICopyTarget<TRow>
{
    public abstract TimeSeriesTable Table { get; }
    public abstract string Columns { get; }
    public virtual string? OnConflict => null;
    public virtual string? AfterUpsert(string staging) => null;
    public abstract DateTime TimestampOf(in TRow row);

    /// <summary>Writes one row: StartRow, then every column in <see cref="Columns"/> order.</summary>
    protected abstract void WriteRow(NpgsqlBinaryImporter importer, in TRow row);

    public void Write(NpgsqlBinaryImporter importer, List<TRow> rows, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            WriteRow(importer, rows[i]);
        }
    }
}

/// <summary>A time-series table: schema and name.</summary>
public sealed record TimeSeriesTable(string Schema, string Name)
{
    public string QualifiedName => $"\"{Schema}\".\"{Name}\"";

    public override string ToString() => $"{Schema}.{Name}";
}
