using Microsoft.Extensions.Logging.Abstractions;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Storage.Migrations;
using Npgsql;

namespace Nautilus.Storage.Tests;

/// <summary>One plain PostgreSQL for the whole test class; each test makes its own database in it.</summary>
public class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    /// <summary>The storage mode the migrations must pick on this server.</summary>
    public string Mode { get; protected set; } = StorageMode.NativePartitioning;

    protected virtual string[] Settings => [];

    public virtual async Task InitializeAsync() => Server = await PostgresServer.StartAsync(Settings);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A new database with the market-data schema migrated.</summary>
    public async Task<NpgsqlDataSource> MigratedDatabaseAsync()
    {
        var db = await Server.CreateDatabaseAsync();
        await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).RunAsync([MarketDataTables.Migrations]);
        return db;
    }
}

/// <summary>
/// A PostgreSQL with TimescaleDB preloaded: the edition installed on this machine (./test.sh builds and installs the
/// Apache-2 edition from the vendored source with scripts/timescaledb.sh).
/// </summary>
public sealed class TimescaleDbFixture : PostgresFixture
{
    protected override string[] Settings => ["shared_preload_libraries=timescaledb", "timescaledb.telemetry_level=off"];

    public override async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(PostgresServer.ShareDirectory, "extension", "timescaledb.control")))
        {
            throw new InvalidOperationException("TimescaleDB is not installed for this PostgreSQL: run scripts/timescaledb.sh " +
                "../shared/vendor/timescaledb/timescaledb-2.28.3-apache.tar.gz (./test.sh does).");
        }

        await base.InitializeAsync();
        // The edition's license setting exists once the extension is created in a database.
        await using var db = await Server.CreateDatabaseAsync();
        await using var license = db.CreateCommand("CREATE EXTENSION timescaledb; SHOW timescaledb.license");
        Mode = (string)(await license.ExecuteScalarAsync())! == "apache" ? StorageMode.TimescaleDbApache : StorageMode.TimescaleDb;
    }
}
