using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Storage.Hosting;
using Nautilus.Storage.Migrations;
using Nautilus.Storage.Writing;
using Npgsql;

namespace Nautilus.Storage.Tests;

/// <summary>Its own PostgreSQL: these tests stop the server.</summary>
public sealed class StorageHostingTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Migrations_wait_for_a_database_that_is_down_and_writers_wait_for_migrations()
    {
        await using var db = await postgres.Server.CreateDatabaseAsync();
        var state = new StorageState([MarketDataTables.Migrations]);
        await using var writer = new TimeSeriesWriter<BarRecord>(db, MarketDataTables.Bars, new TimeSeriesWriterOptions(),
            NullLogger.Instance, ct => state.Migrated.WaitAsync(ct));
        state.Track(() => writer.Status);
        await postgres.Server.CrashAsync();

        using var service = new SchemaMigrationService(new MigrationRunner(db, NullLogger<MigrationRunner>.Instance), state,
            NullLogger<SchemaMigrationService>.Instance);
        await service.StartAsync(CancellationToken.None);
        foreach (var bar in Rows.MinuteBars("QQQ", 10))
        {
            await writer.WriteAsync(bar);
        }

        await Eventually.TrueAsync(() => state.MigrationError?.StartsWith("waiting for the database", StringComparison.Ordinal) == true,
            TimeSpan.FromSeconds(30), "the migration service reports it is waiting for the database");
        Assert.Null(state.Report);
        Assert.Equal(10, Assert.Single(state.Writers).Backlog);

        await postgres.Server.StartProcessAsync();
        var report = await state.Migrated.WaitAsync(TimeSpan.FromSeconds(60));
        await writer.FlushAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(StorageMode.NativePartitioning, report.Mode);
        Assert.Null(state.MigrationError);
        Assert.Equal(10, await MigrationTests.ScalarAsync<long>(db, "SELECT count(*) FROM marketdata.bars"));
        await service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Maintenance_creates_partitions_ahead_of_the_clock()
    {
        await using var db = await postgres.Server.CreateDatabaseAsync();
        var state = new StorageState([MarketDataTables.Migrations]);
        using var migrations = new SchemaMigrationService(new MigrationRunner(db, NullLogger<MigrationRunner>.Instance), state,
            NullLogger<SchemaMigrationService>.Instance);
        using var maintenance = new StorageMaintenanceService(db, state, Options.Create(new StorageOptions()),
            NullLogger<StorageMaintenanceService>.Instance);
        await migrations.StartAsync(CancellationToken.None);
        await maintenance.StartAsync(CancellationToken.None);
        await state.Migrated.WaitAsync(TimeSpan.FromSeconds(60));

        var tomorrow = DateTime.UtcNow.Date.AddDays(1);
        var name = $"trade_blocks_p{tomorrow:yyyyMMdd}00";
        await Eventually.TrueAsync(() => Exists(db, name), TimeSpan.FromSeconds(30), $"partition {name} exists");
        await maintenance.StopAsync(CancellationToken.None);
        await migrations.StopAsync(CancellationToken.None);
    }

    private static bool Exists(NpgsqlDataSource db, string table)
    {
        using var command = db.CreateCommand("SELECT to_regclass('marketdata.' || $1) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        return (bool)command.ExecuteScalar()!;
    }
}
