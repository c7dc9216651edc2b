using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Nautilus.Storage.Writing;
using Npgsql;

namespace Nautilus.Storage.Hosting;

/// <summary>
/// Looks after an engine's time-series tables: native ones partitioned ahead of the clock (writers also create
/// partitions they need, so a late run loses nothing); each table's retention set from <see cref="StorageOptions"/>
/// and applied (old partitions or chunks dropped; the community edition's own policy does it there); and the
/// ingest-batch ledger trimmed, which only has to outlive a retry.
/// </summary>
public sealed class StorageMaintenanceService(NpgsqlDataSource dataSource, StorageState state, IOptions<StorageOptions> options,
    ILogger<StorageMaintenanceService> logger) : BackgroundService
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await state.Migrated.WaitAsync(stoppingToken);
        var schemas = state.Schemas.Select(s => s.Schema).ToArray();
        var retentionSet = false;
        using var timer = new PeriodicTimer(options.Value.MaintenanceInterval);
        do
        {
            try
            {
                if (!retentionSet)
                {
                    await SetRetentionAsync(schemas, stoppingToken);
                    retentionSet = true;
                }

                await using var command = dataSource.CreateCommand(
                    "SELECT coalesce(sum(storage.ensure_partitions(table_schema, table_name, now(), now() + $2)), 0), " +
                    "       coalesce(sum(storage.apply_retention(table_schema, table_name)), 0) " +
                    "FROM storage.time_series WHERE table_schema = ANY($1)");
                command.Parameters.Add(new NpgsqlParameter { Value = schemas });
                command.Parameters.Add(new NpgsqlParameter { Value = Ahead });
                await using (var reader = await command.ExecuteReaderAsync(stoppingToken))
                {
                    await reader.ReadAsync(stoppingToken);
                    var (created, dropped) = (reader.GetInt64(0), reader.GetInt64(1));
                    if (dropped > 0)
                    {
                        logger.LogInformation("Storage maintenance: {Dropped} partitions past their retention dropped", dropped);
                    }

                    logger.LogDebug("Storage maintenance: {Created} partitions created", created);
                }

                await using var trim = dataSource.CreateCommand(
                    "DELETE FROM storage.ingest_batches WHERE committed_at < now() - interval '1 day'");
                await trim.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (Exception ex) when (StorageFailure.IsTransient(ex))
            {
                logger.LogWarning("Storage maintenance skipped: {Error}", ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>The settings are the truth for this engine's tables: a table no longer named keeps everything again.</summary>
    private async Task SetRetentionAsync(string[] schemas, CancellationToken ct)
    {
        var wanted = options.Value.Retention.ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
        await using var batch = dataSource.CreateBatch();
        await using (var list = dataSource.CreateCommand(
            "SELECT table_schema || '.' || table_name FROM storage.time_series WHERE table_schema = ANY($1)"))
        {
            list.Parameters.Add(new NpgsqlParameter { Value = schemas });
            await using var reader = await list.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var name = reader.GetString(0);
                var (schema, table) = StorageOptions.Split(name);
                var command = new NpgsqlBatchCommand("SELECT storage.set_retention($1, $2, $3)");
                command.Parameters.Add(new NpgsqlParameter { Value = schema });
                command.Parameters.Add(new NpgsqlParameter { Value = table });
                command.Parameters.Add(new NpgsqlParameter { Value = wanted.Remove(name, out var keep) ? keep : DBNull.Value });
                batch.BatchCommands.Add(command);
            }
        }

        foreach (var unknown in wanted.Keys.Where(k => schemas.Contains(StorageOptions.Split(k).Schema)))
        {
            logger.LogError("{Section}:Retention names {Table}, which is not a time-series table of this engine", StorageOptions.Section, unknown);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync(ct);
        }
    }
}
