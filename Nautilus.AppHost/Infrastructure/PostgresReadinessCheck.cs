using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>Ready when a fresh (unpooled) connection opens and answers a query.</summary>
public sealed class PostgresReadinessCheck(Func<CancellationToken, Task<string?>> connectionString) : IHealthCheck
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
            var builder = new NpgsqlConnectionStringBuilder(value) { Pooling = false, Timeout = 3 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
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
}
