using Microsoft.Extensions.Diagnostics.HealthChecks;
using Nautilus.Storage;
using Nautilus.Storage.Hosting;
using Npgsql;

namespace Nautilus.Engine.Hosting;

/// <summary>
/// Readiness of the <c>nautilus</c> database: a round trip, the server version, the storage mode (TimescaleDB
/// community or Apache edition, or native partitions), and for an engine that owns a schema its migrations and writers' backlog.
/// </summary>
public sealed class PostgresHealthCheck(NpgsqlDataSource dataSource, StorageState? storage) : IHealthCheck
{
    private const string Query = "SELECT current_setting('server_version'), " + StorageMode.DetectSql;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string version;
        string mode;
        try
        {
            await using var command = dataSource.CreateCommand(Query);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            version = reader.GetString(0);
            mode = reader.GetString(1);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            // Idle pooled connections died with the server; drop them so the next probe opens fresh ones.
            dataSource.Clear();
            return new HealthCheckResult(context.Registration.FailureStatus, $"PostgreSQL unreachable: {ex.Message}", ex,
                WriterData(new Dictionary<string, object>()));
        }

        var data = new Dictionary<string, object> { ["serverVersion"] = version };
        if (storage is null)
        {
            data[Microsoft.Extensions.Hosting.HealthResponseWriter.StorageDataKey] = mode;
            return HealthCheckResult.Healthy($"PostgreSQL {version}, storage: {mode}", data);
        }

        if (storage.Report is not { } report)
        {
            data[Microsoft.Extensions.Hosting.HealthResponseWriter.StorageDataKey] = mode;
            data["migrations"] = storage.MigrationError ?? "running";
            return HealthCheckResult.Degraded($"PostgreSQL {version}: schema migrations {storage.MigrationError ?? "running"}", data: data);
        }

        // The mode the schemas were actually created in.
        data[Microsoft.Extensions.Hosting.HealthResponseWriter.StorageDataKey] = report.Mode;
        data["migrations"] = $"{report.Applied.Count + report.AlreadyApplied} applied";
        WriterData(data);
        var backlog = storage.Writers.Sum(w => w.Backlog);
        return HealthCheckResult.Healthy($"PostgreSQL {version}, storage: {report.Mode}, write backlog {backlog}", data);
    }

    private Dictionary<string, object> WriterData(Dictionary<string, object> data)
    {
        if (storage is not null)
        {
            data["writers"] = storage.Writers
                .Select(w => new { table = w.Table, written = w.Written, backlog = w.Backlog, rejected = w.Rejected, lastError = w.LastError })
                .ToArray();
        }

        return data;
    }
}
