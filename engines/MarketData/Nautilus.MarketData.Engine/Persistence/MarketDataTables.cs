using Nautilus.Storage;
using Nautilus.Storage.Migrations;
using Nautilus.Storage.Writing;
using Npgsql;
using NpgsqlTypes;

namespace Nautilus.MarketData.Engine.Persistence;

/// <summary>How each market-data row type is copied into its table.</summary>
public static class MarketDataTables
{
    public const string Schema = "marketdata";

    /// <summary>The schema's migrations, for <see cref="MigrationRunner"/>.</summary>
    public static (string Schema, IReadOnlyList<Migration> Migrations) Migrations =>
        (Schema, MigrationCatalog.FromAssembly(typeof(MarketDataTables).Assembly, Schema));

    public static readonly TradeTarget Trades = new();
    public static readonly QuoteTarget Quotes = new();
    public static readonly BarTarget Bars = new();
    public static readonly BookSnapshotTarget BookSnapshots = new();

    public sealed class TradeTarget : BlockCopyTarget<TradeRecord>
    {
        public override TimeSeriesTable Table { get; } = new(Schema, "trade_blocks");
        protected override string ArrayColumns => "ts, seq, price, size, aggressor, trade_id";
        public override DateTime TimestampOf(in TradeRecord row) => row.Ts;
        protected override string SymbolOf(in TradeRecord row) => row.Symbol;
        protected override long SeqOf(in TradeRecord row) => row.Seq;

        protected override void WriteArrays(NpgsqlBinaryImporter importer, List<TradeRecord> rows, ReadOnlySpan<int> index)
        {
            importer.Write(Column(rows, index, r => r.Ts), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
            importer.Write(Column(rows, index, r => r.Seq), NpgsqlDbType.Array | NpgsqlDbType.Bigint);
            importer.Write(Column(rows, index, r => r.Price), NpgsqlDbType.Array | NpgsqlDbType.Double);
            importer.Write(Column(rows, index, r => r.Size), NpgsqlDbType.Array | NpgsqlDbType.Double);
            importer.Write(Column(rows, index, r => (short)r.Aggressor), NpgsqlDbType.Array | NpgsqlDbType.Smallint);
            importer.Write(Column(rows, index, r => r.TradeId), NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
    }

    public sealed class QuoteTarget : BlockCopyTarget<QuoteRecord>
    {
        public override TimeSeriesTable Table { get; } = new(Schema, "quote_blocks");
        protected override string ArrayColumns => "ts, seq, bid_price, bid_size, ask_price, ask_size";
        public override DateTime TimestampOf(in QuoteRecord row) => row.Ts;
        protected override string SymbolOf(in QuoteRecord row) => row.Symbol;
        protected override long SeqOf(in QuoteRecord row) => row.Seq;

        protected override void WriteArrays(NpgsqlBinaryImporter importer, List<QuoteRecord> rows, ReadOnlySpan<int> index)
        {
            importer.Write(Column(rows, index, r => r.Ts), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
            importer.Write(Column(rows, index, r => r.Seq), NpgsqlDbType.Array | NpgsqlDbType.Bigint);
            importer.Write(Column(rows, index, r => r.BidPrice), NpgsqlDbType.Array | NpgsqlDbType.Double);
            importer.Write(Column(rows, index, r => r.BidSize), NpgsqlDbType.Array | NpgsqlDbType.Double);
            importer.Write(Column(rows, index, r => r.AskPrice), NpgsqlDbType.Array | NpgsqlDbType.Double);
            importer.Write(Column(rows, index, r => r.AskSize), NpgsqlDbType.Array | NpgsqlDbType.Double);
        }
    }

    public sealed class BarTarget : RowCopyTarget<BarRecord>
    {
        public override TimeSeriesTable Table { get; } = new(Schema, "bars");
        public override string Columns => "symbol, interval_s, ts, open, high, low, close, volume, trade_count";

        /// <summary>A bar aggregated again (late trade, replay) replaces the stored one.</summary>
        public override string OnConflict => "(symbol, interval_s, ts) DO UPDATE SET open = EXCLUDED.open, high = EXCLUDED.high, " +
                                    "low = EXCLUDED.low, close = EXCLUDED.close, volume = EXCLUDED.volume, trade_count = EXCLUDED.trade_count";

        /// <summary>
        /// The intraday days the batch touched are queued for (re)compaction, and read from the rows until then.
        /// </summary>
        public override string AfterUpsert(string staging) =>
            "INSERT INTO marketdata.bar_block_queue (symbol, interval_s, day) " +
            $"SELECT DISTINCT symbol, interval_s, date_trunc('day', ts, 'UTC') FROM {staging} WHERE interval_s < {BarBlocks.MaxIntervalSeconds} " +
            "ON CONFLICT DO NOTHING";

        public override DateTime TimestampOf(in BarRecord row) => row.Ts;

        protected override void WriteRow(NpgsqlBinaryImporter importer, in BarRecord row)
        {
            importer.StartRow();
            importer.Write(row.Symbol, NpgsqlDbType.Text);
            importer.Write(row.IntervalSeconds, NpgsqlDbType.Integer);
            importer.Write(row.Ts, NpgsqlDbType.TimestampTz);
            importer.Write(row.Open, NpgsqlDbType.Double);
            importer.Write(row.High, NpgsqlDbType.Double);
            importer.Write(row.Low, NpgsqlDbType.Double);
            importer.Write(row.Close, NpgsqlDbType.Double);
            importer.Write(row.Volume, NpgsqlDbType.Double);
            importer.Write(row.TradeCount, NpgsqlDbType.Integer);
        }
    }

    public sealed class BookSnapshotTarget : RowCopyTarget<BookSnapshotRecord>
    {
        public override TimeSeriesTable Table { get; } = new(Schema, "book_snapshots");
        public override string Columns => "symbol, ts, seq, bid_price, bid_size, ask_price, ask_size";
        public override DateTime TimestampOf(in BookSnapshotRecord row) => row.Ts;

        protected override void WriteRow(NpgsqlBinaryImporter importer, in BookSnapshotRecord row)
        {
            importer.StartRow();
            importer.Write(row.Symbol, NpgsqlDbType.Text);
            importer.Write(row.Ts, NpgsqlDbType.TimestampTz);
            importer.Write(row.Seq, NpgsqlDbType.Bigint);
            importer.Write(row.BidPrices, NpgsqlDbType.Array | NpgsqlDbType.Double);
            importer.Write(row.BidSizes, NpgsqlDbType.Array | NpgsqlDbType.Double);
            importer.Write(row.AskPrices, NpgsqlDbType.Array | NpgsqlDbType.Double);
            importer.Write(row.AskSizes, NpgsqlDbType.Array | NpgsqlDbType.Double);
        }
    }
}
