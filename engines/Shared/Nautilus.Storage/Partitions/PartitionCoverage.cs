using Npgsql;
using Nautilus.Storage.Writing;

namespace Nautilus.Storage.Partitions;

/// <summary>
/// Makes sure a native time-series table has partitions for the times about to be written, asking the server only
/// for buckets not yet known to exist. Under TimescaleDB the server makes chunks itself and this does nothing.
/// </summary>
public sealed class PartitionCoverage(NpgsqlDataSource dataSource, TimeSeriesTable table)
{
    private static readonly DateTime Origin = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly HashSet<long> _covered = [];
    private TimeSpan? _interval;
    private bool _managedByServer;

    public async Task EnsureAsync(DateTime from, DateTime to, CancellationToken ct)
    {
        if (_interval is null)
        {
            await LoadAsync(ct);
        }

        if (_managedByServer)
        {
            return;
        }

        var first = Bucket(from);
        var last = Bucket(to);
        var missing = false;
        for (var b = first; b <= last && !missing; b++)
        {
            missing = !_covered.Contains(b);
        }

        if (!missing)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("SELECT storage.ensure_partitions($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = table.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = from });
        command.Parameters.Add(new NpgsqlParameter { Value = to });
        await command.ExecuteScalarAsync(ct);
        for (var b = first; b <= last; b++)
        {
            _covered.Add(b);
        }
    }

    /// <summary>Forget what is known (a partition was dropped under us): the next write asks the server again.</summary>
    public void Invalidate() => _covered.Clear();

    private long Bucket(DateTime ts) => (long)Math.Floor((ts - Origin).Ticks / (double)_interval!.Value.Ticks);

    private async Task LoadAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT partition_interval, mode FROM storage.time_series WHERE table_schema = $1 AND table_name = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = table.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table.Name });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            throw new InvalidOperationException($"{table} is not a time-series table (has its migration run?).");
        }

        _interval = reader.GetTimeSpan(0);
        _managedByServer = reader.GetString(1) == StorageMode.TimescaleDb;
    }
}
