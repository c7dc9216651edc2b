using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Platform;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.Writing;
using Npgsql;

namespace Nautilus.Storage.Tests;

/// <summary>
/// Retention: a table keeps what is younger than its limit, a partition (native) or chunk (Apache edition) at a time,
/// dropped by our own maintenance; a table without a limit keeps everything.
/// </summary>
public abstract class RetentionTests(PostgresFixture postgres)
{
    private static Task WriteAsync(NpgsqlDataSource db, IEnumerable<TradeRecord> trades) => Rows.WriteAsync(db, MarketDataTables.Trades, trades);

    /// <summary>Trades ten days old and an hour old (one-day partitions), one symbol, sequence numbers in time order.</summary>
    private static async Task<NpgsqlDataSource> DatabaseWithOldAndNewTradesAsync(PostgresFixture postgres)
    {
        var db = await postgres.MigratedDatabaseAsync();
        var day = DateTime.UtcNow.Date; // whole days apart from partition edges, so exactly one partition is old
        var old = Rows.Trades("AAPL", 100, TimeSpan.FromSeconds(1), day.AddDays(-10).AddHours(12));
        var recent = Rows.Trades("AAPL", 50, TimeSpan.FromSeconds(1), DateTime.UtcNow.AddHours(-1)).Select(t => t with { Seq = t.Seq + 100 });
        await WriteAsync(db, old.Concat(recent));
        return db;
    }

    private static async Task<int> ApplyAsync(NpgsqlDataSource db) =>
        await MigrationTests.ScalarAsync<int>(db, "SELECT storage.apply_retention('marketdata', 'trade_blocks')");

    [Fact]
    public async Task Rows_older_than_the_retention_go_and_younger_ones_stay()
    {
        await using var db = await DatabaseWithOldAndNewTradesAsync(postgres);

        Assert.Equal(0, await ApplyAsync(db)); // no limit set: everything stays
        Assert.Equal(150, await MigrationTests.ScalarAsync<long>(db, "SELECT count(*) FROM marketdata.trades"));

        await MigrationTests.ScalarAsync<object>(db, "SELECT storage.set_retention('marketdata', 'trade_blocks', interval '3 days')");
        Assert.Equal(1, await ApplyAsync(db));
        Assert.Equal(50, await MigrationTests.ScalarAsync<long>(db, "SELECT count(*) FROM marketdata.trades"));
        Assert.Equal(101, await MigrationTests.ScalarAsync<long>(db, "SELECT min(seq) FROM marketdata.trades"));
        Assert.Equal(0, await ApplyAsync(db));

        // The dropped day can be written again (its partition is made anew), and goes again at the next run.
        await WriteAsync(db, Rows.Trades("MSFT", 5, TimeSpan.FromSeconds(1), DateTime.UtcNow.Date.AddDays(-10).AddHours(12)));
        Assert.Equal(55, await MigrationTests.ScalarAsync<long>(db, "SELECT count(*) FROM marketdata.trades"));
        Assert.Equal(1, await ApplyAsync(db));
        Assert.Equal(50, await MigrationTests.ScalarAsync<long>(db, "SELECT count(*) FROM marketdata.trades"));
    }

    [Fact]
    public async Task A_retention_that_is_not_positive_or_names_no_time_series_is_refused()
    {
        await using var db = await postgres.MigratedDatabaseAsync();

        var negative = await Assert.ThrowsAsync<PostgresException>(() =>
            MigrationTests.ScalarAsync<object>(db, "SELECT storage.set_retention('marketdata', 'trade_blocks', interval '-1 day')"));
        Assert.Equal(PostgresErrorCodes.InvalidParameterValue, negative.SqlState);
        var unknown = await Assert.ThrowsAsync<PostgresException>(() =>
            MigrationTests.ScalarAsync<object>(db, "SELECT storage.set_retention('marketdata', 'nothing', interval '1 day')"));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, unknown.SqlState);

        // What an engine does at start-up: bind the section and check it.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{StorageOptions.Section}:Retention:marketdata.trade_blocks"] = "00:00:00",
            [$"{StorageOptions.Section}:Retention:trade_blocks"] = "1.00:00:00",
            [$"{StorageOptions.Section}:MaintenanceInterval"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddValidatedOptions<StorageOptions>(StorageOptions.Section);
        using var provider = services.BuildServiceProvider();
        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<StorageOptions>>().Value);
        var problems = refused.Failures.ToArray();
        Assert.Equal(3, problems.Length);
        Assert.Contains(problems, f => f.Contains("Nautilus:Storage:Retention:marketdata.trade_blocks must be positive", StringComparison.Ordinal));
        Assert.Contains(problems, f => f.Contains("'trade_blocks' is not a schema.table name", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_maintenance_service_sets_the_configured_retention_and_applies_it_on_its_own()
    {
        await using var db = await DatabaseWithOldAndNewTradesAsync(postgres);
        var state = new StorageState([MarketDataTables.Migrations]);
        using var migrations = new SchemaMigrationService(new Migrations.MigrationRunner(db, NullLogger<Migrations.MigrationRunner>.Instance),
            state, NullLogger<SchemaMigrationService>.Instance);
        var options = Options.Create(new StorageOptions { Retention = { ["marketdata.trade_blocks"] = TimeSpan.FromDays(2) } });
        using var maintenance = new StorageMaintenanceService(db, state, options, NullLogger<StorageMaintenanceService>.Instance);
        await migrations.StartAsync(CancellationToken.None);
        await maintenance.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => Count(db) == 50, TimeSpan.FromSeconds(30), "the ten-day-old trades are dropped");
        Assert.Equal(TimeSpan.FromDays(2), await MigrationTests.ScalarAsync<TimeSpan>(db,
            "SELECT retention FROM storage.time_series WHERE table_schema = 'marketdata' AND table_name = 'trade_blocks'"));
        Assert.Equal(DBNull.Value, await MigrationTests.ScalarAsync<object>(db,
            "SELECT retention FROM storage.time_series WHERE table_schema = 'marketdata' AND table_name = 'bars'"));
        await maintenance.StopAsync(CancellationToken.None);
        await migrations.StopAsync(CancellationToken.None);
    }

    private static long Count(NpgsqlDataSource db)
    {
        using var command = db.CreateCommand("SELECT count(*) FROM marketdata.trades");
        return (long)command.ExecuteScalar()!;
    }
}

public sealed class RetentionTestsOnPostgres(PostgresFixture postgres) : RetentionTests(postgres), IClassFixture<PostgresFixture>;

public sealed class RetentionTestsOnTimescaleDb(TimescaleDbFixture postgres) : RetentionTests(postgres), IClassFixture<TimescaleDbFixture>;
