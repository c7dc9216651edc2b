using Microsoft.Extensions.Logging;
using Npgsql;

namespace Nautilus.Storage.Migrations;

/// <summary>What a run of the migrations did.</summary>
public sealed record MigrationReport(string Mode, IReadOnlyList<string> Applied, int AlreadyApplied);

/// <summary>An applied migration's script has changed since it ran: the database and the code disagree.</summary>
public sealed class MigrationChecksumException(Migration migration, string appliedChecksum)
    : InvalidOperationException($"{migration} was applied with checksum {appliedChecksum[..12]}… but the embedded script " +
                                $"now has {migration.Checksum[..12]}…: add a new version instead of editing an applied one.");

/// <summary>
/// Applies embedded migrations in version order, each in its own transaction, recording them in
/// <c>storage.schema_migrations</c>. A session advisory lock serialises replicas starting together; the second one
/// waits, then finds nothing left to do. The storage schema always goes first: it decides the storage mode.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    /// <summary>Advisory lock key of migrations (any constant shared by all replicas; "NAUTMIGR" in ASCII).</summary>
    public const long LockKey = 0x4E4155544D494752;

    public const string StorageSchema = "storage";

    private const string Ledger = """
        CREATE SCHEMA IF NOT EXISTS storage;
        CREATE TABLE IF NOT EXISTS storage.schema_migrations (
            schema_name text        NOT NULL,
            version     integer     NOT NULL,
            name        text        NOT NULL,
            mode        text,
            checksum    text        NOT NULL,
            applied_at  timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (schema_name, version));
        """;

    /// <param name="schemas">Each schema with its embedded migrations; the storage schema is added in front.</param>
    public async Task<MigrationReport> RunAsync(IReadOnlyList<(string Schema, IReadOnlyList<Migration> Migrations)> schemas,
        CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, $"SELECT pg_advisory_lock({LockKey})", ct);
        try
        {
            await ExecuteAsync(connection, Ledger, ct);
            var applied = new List<string>();
            var already = 0;

            var all = new List<(string Schema, IReadOnlyList<Migration> Migrations)>
                { (StorageSchema, MigrationCatalog.FromAssembly(typeof(MigrationRunner).Assembly, StorageSchema)) };
            all.AddRange(schemas.Where(s => s.Schema != StorageSchema));

            string? mode = null;
            foreach (var (schema, migrations) in all)
            {
                // The storage schema's scripts are mode-independent; after them the server's mode is known.
                var chosen = mode is null ? migrations.Where(m => m.Mode is null).ToArray() : MigrationCatalog.For(migrations, mode);
                var done = await AppliedAsync(connection, schema, ct);
                foreach (var migration in chosen)
                {
                    if (done.TryGetValue(migration.Version, out var checksum))
                    {
                        if (migration.ReplacedChecksums.Contains(checksum))
                        {
                            // From here on the ledger holds the new text's checksum, so a later edit is caught again.
                            await RecordChecksumAsync(connection, migration, ct);
                            logger.LogInformation("Migration {Migration} was applied from an earlier text it replaces", migration);
                        }
                        else if (checksum != migration.Checksum)
                        {
                            throw new MigrationChecksumException(migration, checksum);
                        }

                        already++;
                        continue;
                    }

                    await ApplyAsync(connection, migration, ct);
                    applied.Add(migration.ToString());
                    logger.LogInformation("Applied migration {Migration}", migration);
                }

                mode ??= await ModeAsync(connection, ct);
            }

            return new MigrationReport(mode ?? await ModeAsync(connection, ct), applied, already);
        }
        finally
        {
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await ExecuteAsync(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
    }

    public static async Task<string> ModeAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        // The storage schema is migrated first, so its own answer (what is installed, not what could be) is there.
        await using var command = new NpgsqlCommand("SELECT storage.mode()", connection);
        return (string)(await command.ExecuteScalarAsync(ct))!;
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT version, checksum FROM storage.schema_migrations WHERE schema_name = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(ct))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task RecordChecksumAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE storage.schema_migrations SET checksum = $3 WHERE schema_name = $1 AND version = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = migration.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken ct)
    {
        await using var transaction = migration.RunsInTransaction ? await connection.BeginTransactionAsync(ct) : null;
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS \"{migration.Schema}\"", ct);
        foreach (var statement in migration.Statements())
        {
            await ExecuteAsync(connection, statement, ct);
        }
        await using (var record = new NpgsqlCommand(
            "INSERT INTO storage.schema_migrations (schema_name, version, name, mode, checksum) VALUES ($1, $2, $3, $4, $5)", connection))
        {
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Schema });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Name });
            record.Parameters.Add(new NpgsqlParameter { Value = (object?)migration.Mode ?? DBNull.Value });
            record.Parameters.Add(new NpgsqlParameter { Value = migration.Checksum });
            await record.ExecuteNonQueryAsync(ct);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
