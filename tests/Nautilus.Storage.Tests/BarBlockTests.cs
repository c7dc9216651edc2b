using Microsoft.Extensions.Logging.Abstractions;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Storage.Writing;
using Npgsql;

namespace Nautilus.Storage.Tests;

/// <summary>Day blocks of intraday bars: reads give exactly what the rows hold, before, during and after compaction.</summary>
public abstract class BarBlockTests(PostgresFixture postgres)
{
    private static Task WriteAsync(NpgsqlDataSource db, IEnumerable<BarRecord> bars) => Rows.WriteAsync(db, MarketDataTables.Bars, bars);

    private static BarRecord[] All(BarSeries series) => Enumerable.Range(0, series.Count).Select(i => series[i]).ToArray();

    [Fact]
    public async Task Compacted_days_read_back_exactly_as_the_rows_and_a_late_bar_is_seen_at_once()
    {
        await using var db = await postgres.MigratedDatabaseAsync();
        var start = new DateTime(2024, 3, 4, 22, 0, 0, DateTimeKind.Utc);
        var bars = Rows.MinuteBars("SPY", 3 * 1440, start).ToArray(); // 22:00 on day 1 to 21:59 on day 4: four partial/whole days
        await WriteAsync(db, bars);
        await WriteAsync(db, Rows.MinuteBars("SPY", 5, start).Select(b => b with { IntervalSeconds = 3600 })); // hourly: never compacted
        var repository = new MarketDataRepository(db);
        var blocks = new BarBlocks(db);

        var before = await repository.ReadBarsAsync("SPY", 60, start.AddMinutes(30), start.AddDays(3));
        // Days ended before 2024-03-07 00:00 are sealed: 03-04, 03-05, 03-06; 03-07 (the last, partial) stays rows.
        Assert.Equal(3, await blocks.CompactAsync(new DateTime(2024, 3, 7, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(0, await blocks.CompactAsync(new DateTime(2024, 3, 7, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(3, await MigrationTests.ScalarAsync<long>(db, "SELECT count(*) FROM marketdata.bar_blocks"));

        var after = await repository.ReadBarsAsync("SPY", 60, start.AddMinutes(30), start.AddDays(3));
        Assert.Equal(All(before), All(after));
        Assert.Equal(bars.Where(b => b.Ts >= start.AddMinutes(30) && b.Ts <= start.AddDays(3)).ToArray(), All(after));

        // A bar of a compacted day written again: read from the rows at once, rebuilt into its block next time.
        var late = bars[1500] with { Close = 999, High = 999 };
        await WriteAsync(db, [late]);
        var fresh = await repository.ReadBarsAsync("SPY", 60, start, start.AddDays(4));
        Assert.Equal(999, fresh[1500].Close);
        Assert.Equal(bars.Length, fresh.Count);
        Assert.Equal(1, await blocks.CompactAsync(new DateTime(2024, 3, 7, 0, 0, 0, DateTimeKind.Utc)));
        var rebuilt = await repository.ReadBarsAsync("SPY", 60, start, start.AddDays(4));
        Assert.Equal(All(fresh), All(rebuilt));

        var hourly = await repository.ReadBarsAsync("SPY", 3600, start, start.AddDays(1));
        Assert.Equal(5, hourly.Count);
        Assert.Equal(0, (await repository.ReadBarsAsync("NONE", 60, start, start.AddDays(1))).Count);
    }

    [Fact]
    public async Task A_batch_with_an_old_tick_makes_only_the_partitions_its_rows_fall_in()
    {
        await using var db = await postgres.MigratedDatabaseAsync();
        var partitions = () => MigrationTests.ScalarAsync<long>(db,
            "SELECT count(*) FROM pg_inherits WHERE inhparent = 'marketdata.trade_blocks'::regclass");
        var existing = await partitions();
        var old = Rows.Trades("AAPL", 1, TimeSpan.FromSeconds(1), Rows.Start.AddYears(-3));
        var live = Rows.Trades("AAPL", 10, TimeSpan.FromSeconds(1), Rows.Start.AddHours(1)).Select(t => t with { Seq = t.Seq + 1 });

        await using (var writer = new TimeSeriesWriter<TradeRecord>(db, MarketDataTables.Trades, new TimeSeriesWriterOptions(), NullLogger.Instance))
        {
            foreach (var trade in old.Concat(live))
            {
                await writer.WriteAsync(trade);
            }

            await writer.FlushAsync();
        }

        // Three years apart, one batch: two partitions at most, not the ~1,100 days between them.
        Assert.InRange(await partitions() - existing, 1, 2);
        Assert.Equal(11, await MigrationTests.ScalarAsync<long>(db, "SELECT count(*) FROM marketdata.trades"));
    }
}

public sealed class BarBlockTestsOnPostgres(PostgresFixture postgres) : BarBlockTests(postgres), IClassFixture<PostgresFixture>;

public sealed class BarBlockTestsOnTimescaleDb(TimescaleDbFixture postgres) : BarBlockTests(postgres), IClassFixture<TimescaleDbFixture>;
