using Nautilus.Storage.Writing;
using Npgsql;

namespace Nautilus.Storage.Partitions;

/// <summary>
/// Makes sure a native time-series table has partitions for the times about to be written, asking the server only
/// for buckets not yet known to exist. Under TimescaleDB (either edition) the server makes chunks itself and this does nothing.
/// </summary>
public sealed class PartitionCoverage(NpgsqlDataSource dataSource, TimeSeriesTable table)
{
    private static readonly DateTime Origin = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly HashSet<long> _covered = [];
    private TimeSpan? _interval;
    private bool _managedByServer;

    /// <summary>
    /// Makes the partitions of the buckets the timestamps fall in — only those: a batch holding one old tick and live
    /// ones must not create every partition in between (years of them, each locking the table while it is made).
    /// </summary>
    public async Task EnsureAsync(IEnumerable<DateTime> timestamps, CancellationToken ct)
    {
        if (_interval is null)
        {
            await LoadAsync(ct);
        }

        if (_managedByServer)
        {
            return;
        }

        var missing = new SortedSet<long>();
        var previous = long.MinValue;
        foreach (var ts in timestamps)
        {
            var bucket = Bucket(ts);
            if (bucket != previous && !_covered.Contains(bucket)) // rows come mostly in time order: one lookup a run
            {
                missing.Add(bucket);
            }

            previous = bucket;
        }

        // Consecutive missing buckets go to the server as one range.
        long? runStart = null, runEnd = null;
        foreach (var bucket in missing.Append(long.MaxValue))
        {
            if (runEnd is { } end && bucket == end + 1)
            {
                runEnd = bucket;
                continue;
            }

            if (runStart is { } first && runEnd is { } last)
            {
                await CreateAsync(first, last, ct);
            }

            runStart = runEnd = bucket;
        }
    }

    private async Task CreateAsync(long first, long last, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT storage.ensure_partitions($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = table.Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = table.Name });
        command.Parameters.Add(new NpgsqlParameter { Value = Start(first) });
        command.Parameters.Add(new NpgsqlParameter { Value = Start(last) });
        await command.ExecuteScalarAsync(ct);
        for (var b = first; b <= last; b++)
        {
            _covered.Add(b);
        }
    }

    private DateTime Start(long bucket) => Origin.AddTicks(bucket * _interval!.Value.Ticks);

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
        _managedByServer = StorageMode.IsHypertable(reader.GetString(1));
    }
}
