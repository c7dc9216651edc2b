using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Nautilus.Storage.Writing;
using Npgsql;

namespace Nautilus.Storage.Hosting;

/// <summary>
/// Keeps native time-series tables partitioned ahead of the clock (writers also create partitions they need, so a
/// late run loses nothing) and trims the ingest-batch ledger, which only has to outlive a retry.
/// </summary>
public sealed class PartitionMaintenanceService(NpgsqlDataSource dataSource, StorageState state, ILogger<PartitionMaintenanceService> logger)
    : BackgroundService
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(3);
    public static readonly TimeSpan Every = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await state.Migrated.WaitAsync(stoppingToken);
        var schemas = state.Schemas.Select(s => s.Schema).ToArray();
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                await using var command = dataSource.CreateCommand(
                    "SELECT coalesce(sum(storage.ensure_partitions(table_schema, table_name, now(), now() + $2)), 0) " +
                    "FROM storage.time_series WHERE table_schema = ANY($1)");
                command.Parameters.Add(new NpgsqlParameter { Value = schemas });
                command.Parameters.Add(new NpgsqlParameter { Value = Ahead });
                var created = await command.ExecuteScalarAsync(stoppingToken);
                await using var trim = dataSource.CreateCommand(
                    "DELETE FROM storage.ingest_batches WHERE committed_at < now() - interval '1 day'");
                await trim.ExecuteNonQueryAsync(stoppingToken);
                logger.LogDebug("Partition maintenance: {Created} partitions created", created);
            }
            catch (Exception ex) when (StorageFailure.IsTransient(ex))
            {
                logger.LogWarning("Partition maintenance skipped: {Error}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
