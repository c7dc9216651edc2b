using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>
/// Ready when a fresh (unpooled) connection opens and answers a query. Given <c>createDatabase</c>, it first creates that
/// database if the server lacks it, as Aspire's own PostgreSQL integration does once the server is up.
/// </summary>
public sealed class PostgresReadinessCheck(Func<CancellationToken, Task<string?>> connectionString, string? createDatabase = null)
    : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var value = await connectionString(cancellationToken);
        if (value is null)
        {
            return HealthCheckResult.Unhealthy("connection string not yet available");
        }
        try
        {
            var target = new NpgsqlConnectionStringBuilder(value) { Pooling = false, Timeout = 3 };
            if (createDatabase is not null)
            {
                await EnsureDatabaseAsync(new NpgsqlConnectionStringBuilder(target.ConnectionString) { Database = "postgres" },
                    createDatabase, cancellationToken);
            }
            await using var connection = new NpgsqlConnection(target.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(ex.Message, ex);
        }
    }

    private static async Task EnsureDatabaseAsync(NpgsqlConnectionStringBuilder server, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = database } },
        };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"")}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }
}
