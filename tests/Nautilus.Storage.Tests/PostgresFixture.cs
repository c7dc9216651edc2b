using Microsoft.Extensions.Logging.Abstractions;
using Nautilus.Storage.MarketData;
using Nautilus.Storage.Migrations;
using Npgsql;

namespace Nautilus.Storage.Tests;

/// <summary>One PostgreSQL for the whole test class; each test makes its own database in it.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await PostgresServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>A new database with the market-data schema migrated.</summary>
    public async Task<NpgsqlDataSource> MigratedDatabaseAsync()
    {
        var db = await Server.CreateDatabaseAsync();
        await new MigrationRunner(db, NullLogger<MigrationRunner>.Instance).RunAsync([MarketDataTables.Migrations]);
        return db;
    }
}
