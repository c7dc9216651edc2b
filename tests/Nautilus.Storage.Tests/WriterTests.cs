using Microsoft.Extensions.Logging.Abstractions;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Storage.Writing;
using Npgsql;

namespace Nautilus.Storage.Tests;

public abstract class WriterTests(PostgresFixture postgres)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static TimeSeriesWriter<T> Writer<T>(NpgsqlDataSource db, ICopyTarget<T> target, int batchSize = 5_000) =>
        new(db, target, new TimeSeriesWriterOptions { BatchSize = batchSize, Capacity = 20_000, MaxRetryDelay = TimeSpan.FromMilliseconds(500) },
            NullLogger.Instance);

    /// <summary>Waits for the writer to store what it accepted; on timeout says what the writer last saw.</summary>
    private static async Task FlushAsync<T>(TimeSeriesWriter<T> writer)
    {
        try
        {
            await writer.FlushAsync().WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{writer.Table} did not flush: {writer.Status}");
        }
    }

    [Fact]
    public async Task Trades_across_days_land_in_their_partitions_and_page_back_in_order()
    {
        await using var db = await postgres.MigratedDatabaseAsync();
        var sent = Rows.Trades("AAPL", 30_000, TimeSpan.FromSeconds(7)).ToList(); // ~2.4 days from 23:00
        await using (var writer = Writer(db, MarketDataTables.Trades))
        {
            foreach (var trade in sent)
            {
                await writer.WriteAsync(trade);
            }

            await FlushAsync(writer);
            Assert.Equal(30_000, writer.Status.Written);
            Assert.Equal(0, writer.Status.Backlog);
        }

        Assert.Equal(4, await MigrationTests.ScalarAsync<long>(db,
            "SELECT count(*) FROM pg_inherits WHERE inhparent = 'marketdata.trade_blocks'::regclass"));

        var repository = new MarketDataRepository(db);
        var read = new List<TradeRecord>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await repository.GetTradesAsync(RangeQuery.Create("AAPL", Rows.Start, Rows.Start.AddDays(3), 7_000, cursor));
            read.AddRange(page.Items);
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(5, pages);
        Assert.Equal(sent, read);
    }

    [Fact]
    public async Task Database_restarted_mid_ingest_loses_nothing_and_writes_nothing_twice()
    {
        await using var db = await postgres.MigratedDatabaseAsync();
        const int total = 200_000;
        await using var writer = Writer(db, MarketDataTables.Trades, batchSize: 2_000);

        var producer = Task.Run(async () =>
        {
            foreach (var trade in Rows.Trades("MSFT", total, TimeSpan.FromMilliseconds(3)))
            {
                await writer.WriteAsync(trade);
            }
        });

        // Crash once some rows are stored, while the rest are still coming; start again a moment later.
        await Eventually.TrueAsync(() => writer.Status.Written >= 20_000, Patience, "20,000 trades stored before the crash");
        await postgres.Server.CrashAsync();
        var writtenAtCrash = writer.Status.Written;
        await Eventually.TrueAsync(() => writer.Status.Retries > 0, Patience, "the writer notices the database is gone");
        await postgres.Server.StartProcessAsync();

        await producer.WaitAsync(Patience);
        await FlushAsync(writer);

        Assert.True(writtenAtCrash < total, "the crash happened before the end of the ingest");
        Assert.Equal(total, writer.Status.Written);
        Assert.Equal(total, await MigrationTests.ScalarAsync<long>(db, "SELECT count(*) FROM marketdata.trades"));
        Assert.Equal(total, await MigrationTests.ScalarAsync<long>(db, "SELECT count(DISTINCT seq) FROM marketdata.trades"));
    }

    [Fact]
    public async Task A_row_the_database_refuses_is_rejected_alone_and_the_rest_are_stored()
    {
        await using var db = await postgres.MigratedDatabaseAsync();
        await using var writer = Writer(db, MarketDataTables.Trades);
        var trades = Rows.Trades("IBM", 1_000, TimeSpan.FromSeconds(1)).ToList();
        trades[437] = trades[437] with { TradeId = "bad\0id" }; // PostgreSQL text cannot hold NUL

        foreach (var trade in trades)
        {
            await writer.WriteAsync(trade);
        }

        await FlushAsync(writer);

        Assert.Equal(1, writer.Status.Rejected);
        Assert.Contains("row rejected", writer.Status.LastError);
        Assert.Equal(999, await MigrationTests.ScalarAsync<long>(db, "SELECT count(*) FROM marketdata.trades"));
        Assert.Equal(0, await MigrationTests.ScalarAsync<long>(db, "SELECT count(*) FROM marketdata.trades WHERE seq = 438"));
    }

    [Fact]
    public async Task Bars_written_again_replace_the_stored_ones()
    {
        await using var db = await postgres.MigratedDatabaseAsync();
        await using var writer = Writer(db, MarketDataTables.Bars);
        var bars = Rows.MinuteBars("SPY", 120).ToList();
        foreach (var bar in bars)
        {
            await writer.WriteAsync(bar);
        }

        await FlushAsync(writer);
        await writer.WriteAsync(bars[5] with { Close = 123.25, Volume = 9_999 });
        await FlushAsync(writer);

        var series = await new MarketDataRepository(db).ReadBarsAsync("SPY", 60, Rows.Start, Rows.Start.AddDays(1));
        Assert.Equal(120, series.Count);
        Assert.Equal(123.25, series.Close[5]);
        Assert.Equal(9_999, series.Volume[5]);
        Assert.Equal(bars[6], series[6]);

        // Hourly bars from the one-minute bars: first open, max high, min low, last close, summed volume.
        var hour = Rows.MinuteBars("SPY", 60).ToList();
        await using var command = db.CreateCommand(
            "SELECT open, high, low, close, volume, trade_count FROM marketdata.bars_1h WHERE symbol = 'SPY' AND ts = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Rows.Start });
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(hour[0].Open, reader.GetDouble(0));
        Assert.Equal(hour.Max(b => b.High), reader.GetDouble(1));
        Assert.Equal(hour.Min(b => b.Low), reader.GetDouble(2));
        Assert.Equal(hour[^1].Close, reader.GetDouble(3));
        Assert.Equal(hour.Sum(b => b.Volume) - bars[5].Volume + 9_999, reader.GetDouble(4));
        Assert.Equal(600, reader.GetInt32(5));
    }

    [Fact]
    public async Task An_upsert_batch_holding_the_same_bar_twice_is_split_and_the_later_one_wins()
    {
        await using var db = await postgres.MigratedDatabaseAsync();
        var bar = Rows.MinuteBars("DUP", 1).Single();
        await using (var writer = Writer(db, MarketDataTables.Bars))
        {
            // One batch: the same key twice ("ON CONFLICT DO UPDATE cannot affect row a second time" as one statement).
            await writer.WriteAsync(bar);
            await writer.WriteAsync(bar with { Close = 123 });
            await writer.WriteAsync(bar with { Ts = bar.Ts.AddMinutes(1) });
            await FlushAsync(writer);
            Assert.Equal(0, writer.Status.Backlog);
        }

        var series = await new MarketDataRepository(db).ReadBarsAsync("DUP", 60, bar.Ts, bar.Ts.AddMinutes(1));
        Assert.Equal(2, series.Count);
        Assert.Equal(123, series[0].Close);
    }

    [Fact]
    public async Task Book_snapshots_and_quotes_round_trip()
    {
        await using var db = await postgres.MigratedDatabaseAsync();
        await using var books = Writer(db, MarketDataTables.BookSnapshots);
        await using var quotes = Writer(db, MarketDataTables.Quotes);
        var book = new BookSnapshotRecord("ETH-USD", Rows.Start, 1, [10.0, 9.9], [1.0, 2.0], [10.1, 10.2], [3.0, 4.5]);
        var quote = new QuoteRecord("ETH-USD", Rows.Start, 1, 10.0, 1.0, 10.1, 3.0);
        await books.WriteAsync(book);
        await quotes.WriteAsync(quote);
        await FlushAsync(books);
        await FlushAsync(quotes);

        var repository = new MarketDataRepository(db);
        var range = RangeQuery.Create("ETH-USD", Rows.Start, Rows.Start);
        var storedBook = Assert.Single((await repository.GetBookSnapshotsAsync(range)).Items);
        Assert.Equal(book.AskSizes, storedBook.AskSizes);
        Assert.Equal(book.BidPrices, storedBook.BidPrices);
        Assert.Equal(quote, Assert.Single((await repository.GetQuotesAsync(range)).Items));
    }

    [Fact]
    public void Range_queries_refuse_bad_input_naming_the_parameter()
    {
        Assert.Equal("to", Assert.Throws<ArgumentException>(() => RangeQuery.Create("X", Rows.Start, Rows.Start.AddDays(-1))).ParamName);
        Assert.Equal("limit", Assert.Throws<ArgumentOutOfRangeException>(() => RangeQuery.Create("X", Rows.Start, Rows.Start, 0)).ParamName);
        Assert.Equal("symbol", Assert.Throws<ArgumentException>(() => RangeQuery.Create(" ", Rows.Start, Rows.Start)).ParamName);
        Assert.Equal("cursor", Assert.Throws<ArgumentException>(() => RangeQuery.Create("X", Rows.Start, Rows.Start, 10, "not-a-cursor")).ParamName);
        var cursor = new PageCursor(Rows.Start, 42);
        Assert.Equal(cursor, PageCursor.Decode(cursor.Encode()));
    }
}

public sealed class WriterTestsOnPostgres(PostgresFixture postgres) : WriterTests(postgres), IClassFixture<PostgresFixture>;

public sealed class WriterTestsOnTimescaleDb(TimescaleDbFixture postgres) : WriterTests(postgres), IClassFixture<TimescaleDbFixture>;
