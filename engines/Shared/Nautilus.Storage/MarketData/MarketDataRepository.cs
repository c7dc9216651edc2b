using Nautilus.Contracts;
using Npgsql;

namespace Nautilus.Storage.MarketData;

/// <summary>
/// Range queries over stored market data: by symbol and time, in (time, sequence) order, paged by keyset.
/// Writes go through <see cref="Writing.TimeSeriesWriter{TRow}"/>.
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
    /// warm-ups consume. One index-only scan of the covering primary key, streamed without paging round trips.
    /// (Reading in time slices on parallel connections was measured slower on two cores.)
    /// </summary>
    public async Task<BarSeries> ReadBarsAsync(string symbol, int intervalSeconds, DateTime from, DateTime to, CancellationToken ct = default)
    {
        var range = RangeQuery.Create(symbol, from, to, 1);
        Check(intervalSeconds);
        await using var bounds = dataSource.CreateCommand(
            "SELECT min(ts), max(ts) FROM marketdata.bars WHERE symbol = $1 AND interval_s = $2 AND ts >= $3 AND ts <= $4");
        AddBarParameters(bounds, range.Symbol, intervalSeconds, range.From, range.To);
        await using var reader = await bounds.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        if (reader.IsDBNull(0))
        {
            return new BarSeries(symbol, intervalSeconds);
        }

        var (first, last) = (reader.GetDateTime(0), reader.GetDateTime(1));
        await reader.DisposeAsync();
        return await ReadBarSliceAsync(range.Symbol, intervalSeconds, first, last, ct);
    }

    private async Task<BarSeries> ReadBarSliceAsync(string symbol, int intervalSeconds, DateTime from, DateTime to, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT ts, open, high, low, close, volume, trade_count FROM marketdata.bars " +
            "WHERE symbol = $1 AND interval_s = $2 AND ts >= $3 AND ts <= $4 ORDER BY ts");
        AddBarParameters(command, symbol, intervalSeconds, from, to);
        // Sized for a gap-free range: growing by doubling would copy every column several times.
        var expected = (int)Math.Min(10_000_000, (to - from).TotalSeconds / intervalSeconds + 1);
        var series = new BarSeries(symbol, intervalSeconds, expected);
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
        while (await reader.ReadAsync(ct))
        {
            series.Add(reader.GetDateTime(0), reader.GetDouble(1), reader.GetDouble(2), reader.GetDouble(3),
                reader.GetDouble(4), reader.GetDouble(5), reader.GetInt32(6));
        }

        return series;
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
