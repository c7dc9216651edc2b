using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Nautilus.Engine.Hosting;

/// <summary>
/// Readiness of the <c>nautilus</c> database: a round trip, the server version, and the storage mode this server
/// allows (TimescaleDB when the extension is available, native partitioning otherwise).
/// </summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    private const string Query =
        "SELECT current_setting('server_version'), " +
        "EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand(Query);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var version = reader.GetString(0);
            var storage = StorageMode.From(reader.GetBoolean(1));
            return HealthCheckResult.Healthy($"PostgreSQL {version}, storage: {storage}",
                new Dictionary<string, object> { ["storage"] = storage, ["serverVersion"] = version });
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            // Idle pooled connections died with the server; drop them so the next probe opens fresh ones.
            dataSource.Clear();
            return new HealthCheckResult(context.Registration.FailureStatus, $"PostgreSQL unreachable: {ex.Message}", ex);
        }
    }
}
