using Microsoft.Extensions.Logging.Abstractions;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Storage.Migrations;
using Npgsql;

namespace Nautilus.Storage.Tests;

public abstract class MigrationTests(PostgresFixture postgres)
{
    protected PostgresFixture Postgres => postgres;

    protected static Task<MigrationReport> MigrateAsync(NpgsqlDataSource db) =>
        new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).RunAsync([MarketDataTables.Migrations]);

    [Fact]
    public async Task Running_the_migrations_twice_changes_nothing_the_second_time()
    {
        await using var db = await postgres.Server.CreateDatabaseAsync();

        var first = await MigrateAsync(db);
        var schemaAfterFirst = await DescribeSchemaAsync(db);
        var second = await MigrateAsync(db);

        Assert.Equal(postgres.Mode, first.Mode);
        Assert.Equal(postgres.Mode, await ScalarAsync<string>(db, "SELECT storage.mode()"));
        Assert.Contains(first.Applied, m => m.StartsWith("marketdata V0001", StringComparison.Ordinal));
        // Hourly bars: a continuous aggregate under the community edition, computed at query time elsewhere.
        Assert.Contains(first.Applied, m => m == $"marketdata V0002 bars_1h ({StorageMode.MigrationVariant(postgres.Mode)})");
        Assert.Empty(second.Applied);
        Assert.Equal(first.Applied.Count, second.AlreadyApplied);
        Assert.Equal(schemaAfterFirst, await DescribeSchemaAsync(db));
        Assert.Equal(first.Applied.Count, await ScalarAsync<long>(db, "SELECT count(*) FROM storage.schema_migrations"));
    }

    [Fact]
    public async Task Replicas_starting_together_apply_each_migration_once()
    {
        await using var db = await postgres.Server.CreateDatabaseAsync();

        var reports = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => MigrateAsync(db))));

        Assert.Single(reports, r => r.Applied.Count > 0);
        Assert.Equal(reports.Max(r => r.Applied.Count), reports.Sum(r => r.Applied.Count));
        Assert.Equal(reports.Max(r => r.Applied.Count), await ScalarAsync<long>(db, "SELECT count(*) FROM storage.schema_migrations"));
    }

    [Fact]
    public async Task A_database_migrated_from_an_earlier_text_that_a_script_replaces_takes_the_new_checksum()
    {
        await using var db = await postgres.Server.CreateDatabaseAsync();
        var first = await MigrateAsync(db);
        var storage = MigrationCatalog.FromAssembly(typeof(MigrationRunner).Assembly, MigrationRunner.StorageSchema).First();
        var replaced = Assert.Single(storage.ReplacedChecksums);
        await ScalarAsync<int>(db, $"UPDATE storage.schema_migrations SET checksum = '{replaced}' WHERE schema_name = 'storage' AND version = 1 RETURNING version");

        var second = await MigrateAsync(db);

        Assert.Empty(second.Applied);
        Assert.Equal(first.Applied.Count, second.AlreadyApplied);
        Assert.Equal(storage.Checksum, await ScalarAsync<string>(db, "SELECT checksum FROM storage.schema_migrations WHERE schema_name = 'storage' AND version = 1"));
    }

    [Fact]
    public async Task An_applied_migration_that_was_edited_stops_the_run()
    {
        await using var db = await postgres.Server.CreateDatabaseAsync();
        await MigrateAsync(db);
        await ScalarAsync<int>(db, "UPDATE storage.schema_migrations SET checksum = repeat('0', 64) WHERE schema_name = 'marketdata' AND version = 1 RETURNING version");

        var error = await Assert.ThrowsAsync<MigrationChecksumException>(() => MigrateAsync(db));
        Assert.Contains("marketdata V0001", error.Message);
    }

    internal static async Task<int> EnsureAsync(NpgsqlDataSource db, string table, DateTime from, DateTime to)
    {
        await using var command = db.CreateCommand("SELECT storage.ensure_partitions('marketdata', $1, $2, $3)");
        command.Parameters.Add(new NpgsqlParameter { Value = table });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        return (int)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Every relation, column, index and function of our schemas, in a stable order.</summary>
    private static async Task<string> DescribeSchemaAsync(NpgsqlDataSource db)
    {
        await using var command = db.CreateCommand("""
            SELECT string_agg(line, E'\n' ORDER BY line) FROM (
                SELECT format('%s.%s %s', n.nspname, c.relname, c.relkind) AS line
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname IN ('storage', 'marketdata')
                UNION ALL
                SELECT format('%s.%s.%s %s', table_schema, table_name, column_name, data_type)
                FROM information_schema.columns WHERE table_schema IN ('storage', 'marketdata')
                UNION ALL
                SELECT format('%s.%s()', n.nspname, p.proname)
                FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname IN ('storage', 'marketdata')) lines
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    internal static async Task<T> ScalarAsync<T>(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class MigrationTestsOnPostgres(PostgresFixture postgres) : MigrationTests(postgres), IClassFixture<PostgresFixture>
{
    [Fact]
    public async Task Time_series_tables_are_range_partitioned_without_TimescaleDB()
    {
        await using var db = await Postgres.Server.CreateDatabaseAsync();
        await MigrateAsync(db);

        Assert.Equal("native-partitioning", await ScalarAsync<string>(db, "SELECT storage.mode()"));
        var partitioned = await ScalarAsync<long>(db,
            "SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid " +
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'marketdata' AND p.partstrat = 'r'");
        Assert.Equal(4, partitioned); // trade and quote blocks, book snapshots, bars

        // Three days ahead: one partition each, aligned on UTC midnight; asking again creates none.
        var from = new DateTime(2026, 11, 26, 13, 0, 0, DateTimeKind.Utc);
        Assert.Equal(3, await EnsureAsync(db, "trade_blocks", from, from.AddDays(2)));
        Assert.Equal(0, await EnsureAsync(db, "trade_blocks", from, from.AddDays(2)));
        Assert.Equal("FOR VALUES FROM ('2026-11-27 00:00:00+00') TO ('2026-11-28 00:00:00+00')",
            await ScalarAsync<string>(db, "SET TIME ZONE 'UTC'; SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'trade_blocks_p2026112700'"));
    }
}

public sealed class MigrationTestsOnTimescaleDb(TimescaleDbFixture postgres) : MigrationTests(postgres), IClassFixture<TimescaleDbFixture>
{
    [Fact]
    public async Task Time_series_tables_are_hypertables_of_the_installed_edition()
    {
        await using var db = await Postgres.Server.CreateDatabaseAsync();
        await MigrateAsync(db);

        Assert.Equal(StorageMode.TimescaleDbApache, Postgres.Mode); // the edition ./test.sh builds from the vendored source
        Assert.Equal(4, await ScalarAsync<long>(db,
            "SELECT count(*) FROM timescaledb_information.hypertables WHERE hypertable_schema = 'marketdata'"));
        Assert.Equal(0, await ScalarAsync<long>(db,
            "SELECT count(*) FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid " +
            "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'marketdata'"));
        Assert.Equal(4, await ScalarAsync<long>(db,
            $"SELECT count(*) FROM storage.time_series WHERE mode = '{StorageMode.TimescaleDbApache}'"));

        // Chunks are the server's business: nothing for us to make, and hourly bars are a plain view (no continuous
        // aggregate in this edition).
        var from = new DateTime(2026, 11, 26, 13, 0, 0, DateTimeKind.Utc);
        Assert.Equal(0, await EnsureAsync(db, "trade_blocks", from, from.AddDays(2)));
        Assert.Equal("v", await ScalarAsync<string>(db, "SELECT relkind::text FROM pg_class WHERE oid = 'marketdata.bars_1h'::regclass"));
    }
}
