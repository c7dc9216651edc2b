using Nautilus.Model;
using Nautilus.Storage;
using Npgsql;

namespace Nautilus.MarketData.Engine.Persistence;

/// <summary>
/// Range queries over stored market data: by symbol and time, in (time, sequence) order, paged by keyset.
/// Writes go through <see cref="Nautilus.Storage.Writing.TimeSeriesWriter{TRow}"/>.
/// </summary>
public sealed class MarketDataRepository(NpgsqlDataSource dataSource)
{
    public Task<Page<TradeRecord>> GetTradesAsync(RangeQuery query, CancellationToken ct = default) =>
        TickPageAsync(query, "marketdata.trades_between", r =>
            new TradeRecord(r.GetString(0), r.GetDateTime(1), r.GetInt64(2), r.GetDouble(3), r.GetDouble(4),
                (AggressorSide)r.GetInt16(5), r.GetString(6)), t => new PageCursor(t.Ts, t.Seq), ct);

    public Task<Page<QuoteRecord>> GetQuotesAsync(RangeQuery query, CancellationToken ct = default) =>
        TickPageAsync(query, "marketdata.quotes_between", r =>
            new QuoteRecord(r.GetString(0), r.GetDateTime(1), r.GetInt64(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5),
                r.GetDouble(6)), q => new PageCursor(q.Ts, q.Seq), ct);

    public Task<Page<BookSnapshotRecord>> GetBookSnapshotsAsync(RangeQuery query, CancellationToken ct = default) =>
        PageAsync(query, "SELECT symbol, ts, seq, bid_price, bid_size, ask_price, ask_size FROM marketdata.book_snapshots", "seq", r =>
            new BookSnapshotRecord(r.GetString(0), r.GetDateTime(1), r.GetInt64(2), r.GetFieldValue<double[]>(3),
                r.GetFieldValue<double[]>(4), r.GetFieldValue<double[]>(5), r.GetFieldValue<double[]>(6)),
            b => new PageCursor(b.Ts, b.Seq), ct);

    /// <summary>Bars of one interval (60 = one minute); bars are unique per open time, so the keyset is the time alone.</summary>
    public Task<Page<BarRecord>> GetBarsAsync(RangeQuery query, int intervalSeconds, CancellationToken ct = default) =>
        PageAsync(query, $"SELECT symbol, interval_s, ts, open, high, low, close, volume, trade_count FROM marketdata.bars",
            null, ReadBar, b => new PageCursor(b.Ts, 0), ct, ("interval_s", Check(intervalSeconds)));

    /// <summary>
    /// Every bar of a symbol and interval in [from, to], oldest first, into columns — the shape backtests and indicator
    /// warm-ups consume. Intraday days that have a current block (<see cref="BarBlocks"/>) are read as one row of
    /// arrays each; the other days (today, days written to since their block was built, intervals of an hour or more)
    /// by an index-only scan of the bars' covering primary key.
    /// </summary>
    public async Task<BarSeries> ReadBarsAsync(string symbol, int intervalSeconds, DateTime from, DateTime to, CancellationToken ct = default)
    {
        var range = RangeQuery.Create(symbol, from, to, 1);
        Check(intervalSeconds);
        await using var connection = await dataSource.OpenConnectionAsync(ct);

        // The first and last bar actually stored (two index probes): the range to read and the size to allocate.
        await using (var bounds = new NpgsqlCommand(
                         "SELECT min(ts), max(ts) FROM marketdata.bars WHERE symbol = $1 AND interval_s = $2 AND ts >= $3 AND ts <= $4", connection))
        {
            AddBarParameters(bounds, range.Symbol, intervalSeconds, range.From, range.To);
            await using var reader = await bounds.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            if (reader.IsDBNull(0))
            {
                return new BarSeries(symbol, intervalSeconds);
            }

            range = range with { From = reader.GetDateTime(0), To = reader.GetDateTime(1) };
        }

        var blocks = intervalSeconds < BarBlocks.MaxIntervalSeconds
            ? await ReadBlocksAsync(connection, range.Symbol, intervalSeconds, range.From, range.To, ct)
            : [];

        // Sized for a gap-free range: growing by doubling would copy every column several times.
        var expected = (int)Math.Min(10_000_000, (range.To - range.From).TotalSeconds / intervalSeconds + 1);
        var series = new BarSeries(symbol, intervalSeconds, expected);
        var cursor = range.From;
        foreach (var block in blocks)
        {
            if (block.Day > cursor)
            {
                await ReadBarRowsAsync(connection, series, range.Symbol, intervalSeconds, cursor, block.Day, ct);
            }

            block.AppendTo(series, range.From, range.To);
            cursor = block.Day.AddDays(1);
        }

        if (cursor <= range.To)
        {
            // The database keeps microseconds: one past the last bar is one microsecond later.
            await ReadBarRowsAsync(connection, series, range.Symbol, intervalSeconds, cursor, range.To.AddTicks(TimeSpan.TicksPerMicrosecond), ct);
        }

        return series;
    }

    /// <summary>The current blocks of the days overlapping [from, to] (a queued day's block is stale: skipped), oldest first.</summary>
    private static async Task<List<BarBlock>> ReadBlocksAsync(NpgsqlConnection connection, string symbol, int intervalSeconds, DateTime from, DateTime to,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT b.day, b.ts_us, b.open, b.high, b.low, b.close, b.volume, b.trade_count FROM marketdata.bar_blocks b " +
            "WHERE b.symbol = $1 AND b.interval_s = $2 AND b.day > $3 - interval '1 day' AND b.day <= $4 AND NOT EXISTS (" +
            "SELECT 1 FROM marketdata.bar_block_queue q WHERE q.symbol = b.symbol AND q.interval_s = b.interval_s AND q.day = b.day) " +
            "ORDER BY b.day", connection);
        AddBarParameters(command, symbol, intervalSeconds, from, to);
        var blocks = new List<BarBlock>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            blocks.Add(new BarBlock(reader.GetDateTime(0), BigEndian.Int64s(reader.GetFieldValue<byte[]>(1)),
                BigEndian.Doubles(reader.GetFieldValue<byte[]>(2)), BigEndian.Doubles(reader.GetFieldValue<byte[]>(3)),
                BigEndian.Doubles(reader.GetFieldValue<byte[]>(4)), BigEndian.Doubles(reader.GetFieldValue<byte[]>(5)),
                BigEndian.Doubles(reader.GetFieldValue<byte[]>(6)), BigEndian.Int32s(reader.GetFieldValue<byte[]>(7))));
        }

        return blocks;
    }

    /// <summary>Appends the stored bar rows in [from, toExclusive).</summary>
    private static async Task ReadBarRowsAsync(NpgsqlConnection connection, BarSeries series, string symbol, int intervalSeconds,
        DateTime from, DateTime toExclusive, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT ts, open, high, low, close, volume, trade_count FROM marketdata.bars " +
            "WHERE symbol = $1 AND interval_s = $2 AND ts >= $3 AND ts < $4 ORDER BY ts", connection);
        AddBarParameters(command, symbol, intervalSeconds, from, toExclusive);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            series.Add(reader.GetDateTime(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.GetInt32(6));
        }
    }

    /// <summary>One day's bars as columns.</summary>
    private sealed record BarBlock(DateTime Day, long[] TsMicros, double[] Open, double[] High, double[] Low, double[] Close, double[] Volume, int[] Trades)
    {
        public void AppendTo(BarSeries series, DateTime from, DateTime to)
        {
            for (var i = 0; i < TsMicros.Length; i++)
            {
                var ts = new UnixNanos(TsMicros[i] * 1_000).ToUtcDateTime();
                if (ts >= from && ts <= to)
                {
                    series.Add(ts, Open[i], High[i], Low[i], Close[i], Volume[i], Trades[i]);
                }
            }
        }
    }

    private static void AddBarParameters(NpgsqlCommand command, string symbol, int intervalSeconds, DateTime from, DateTime to)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = symbol });
        command.Parameters.Add(new NpgsqlParameter { Value = intervalSeconds });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
    }

    private static BarRecord ReadBar(NpgsqlDataReader r) =>
        new(r.GetString(0), r.GetInt32(1), r.GetDateTime(2), r.GetDouble(3), r.GetDouble(4), r.GetDouble(5), r.GetDouble(6),
            r.GetDouble(7), r.GetInt32(8));

    private static int Check(int intervalSeconds) => intervalSeconds > 0
        ? intervalSeconds
        : throw new ArgumentOutOfRangeException(nameof(intervalSeconds), intervalSeconds, "A bar interval is a positive number of seconds.");

    /// <summary>A page of ticks from a block table's range function (see the marketdata migration).</summary>
    private async Task<Page<T>> TickPageAsync<T>(RangeQuery query, string function, Func<NpgsqlDataReader, T> read,
        Func<T, PageCursor> cursorOf, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT * FROM {function}($1, $2, $3, $4, $5) LIMIT {query.Limit + 1}");
        command.Parameters.Add(new NpgsqlParameter { Value = query.Symbol });
        command.Parameters.Add(new NpgsqlParameter { Value = query.From });
        command.Parameters.Add(new NpgsqlParameter { Value = query.To });
        command.Parameters.Add(new NpgsqlParameter { Value = query.After?.Ts ?? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) });
        command.Parameters.Add(new NpgsqlParameter { Value = query.After?.Seq ?? long.MinValue });
        return await ReadPageAsync(command, query.Limit, read, cursorOf, ct);
    }

    private static async Task<Page<T>> ReadPageAsync<T>(NpgsqlCommand command, int limit, Func<NpgsqlDataReader, T> read,
        Func<T, PageCursor> cursorOf, CancellationToken ct)
    {
        var items = new List<T>(Math.Min(limit, 1024));
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (items.Count == limit)
            {
                more = true;
                break;
            }

            items.Add(read(reader));
        }

        return new Page<T>(items, more ? cursorOf(items[^1]).Encode() : null);
    }

    private async Task<Page<T>> PageAsync<T>(RangeQuery query, string select, string? seqColumn,
        Func<NpgsqlDataReader, T> read, Func<T, PageCursor> cursorOf, CancellationToken ct, (string Column, int Value)? filter = null)
    {
        var order = seqColumn is null ? "ts" : $"ts, {seqColumn}";
        var sql = $"{select} WHERE symbol = $1 AND ts >= $2 AND ts <= $3";
        var next = 4;
        if (filter is { } f)
        {
            sql += $" AND {f.Column} = ${next++}";
        }

        if (query.After is not null)
        {
            sql += seqColumn is null ? $" AND ts > ${next++}" : $" AND (ts, {seqColumn}) > (${next++}, ${next++})";
        }

        // One row more than asked tells whether another page exists.
        sql += $" ORDER BY {order} LIMIT {query.Limit + 1}";

        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = query.Symbol });
        command.Parameters.Add(new NpgsqlParameter { Value = query.From });
        command.Parameters.Add(new NpgsqlParameter { Value = query.To });
        if (filter is { } g)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = g.Value });
        }

        if (query.After is { } after)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = after.Ts });
            if (seqColumn is not null)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = after.Seq });
            }
        }

        return await ReadPageAsync(command, query.Limit, read, cursorOf, ct);
    }
}
