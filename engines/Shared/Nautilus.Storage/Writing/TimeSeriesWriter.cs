using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Nautilus.Storage.Partitions;
using Npgsql;

namespace Nautilus.Storage.Writing;

/// <summary>What a writer has done, for /health and metrics.</summary>
public sealed record TimeSeriesWriterStatus(
    string Table, long Accepted, long Written, long Backlog, long Batches, long Retries, long Rejected,
    string? LastError, DateTimeOffset? LastErrorAt, DateTimeOffset? LastWriteAt);

/// <summary>
/// Buffers rows of one table and writes them by binary COPY in batches. The buffer is bounded: when it is full,
/// <see cref="WriteAsync"/> waits (back-pressure) — nothing is dropped. A batch that fails for a transient reason
/// (database restarting, connection lost) is retried with back-off until it lands; each batch commits together
/// with its id in <c>storage.ingest_batches</c>, so a batch whose commit was acknowledged but whose reply was
/// lost is recognised on retry instead of written twice. A batch the server refuses for its data is split until
/// the bad rows are isolated; those are counted as rejected and logged, the rest are written.
/// </summary>
public sealed class TimeSeriesWriter<TRow> : IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly ICopyTarget<TRow> _target;
    private readonly TimeSeriesWriterOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<TRow> _buffer;
    private readonly PartitionCoverage _partitions;
    private readonly string _copy;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<CancellationToken, Task> _ready;
    private readonly Lock _progressLock = new();
    private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private long _accepted;
    private long _written;
    private long _batches;
    private long _retries;
    private long _rejected;
    private string? _lastError;
    private DateTimeOffset? _lastErrorAt;
    private DateTimeOffset? _lastWriteAt;

    /// <param name="ready">Awaited before the first write (e.g. until migrations have run).</param>
    public TimeSeriesWriter(NpgsqlDataSource dataSource, ICopyTarget<TRow> target, TimeSeriesWriterOptions options,
        ILogger logger, Func<CancellationToken, Task>? ready = null)
    {
        _dataSource = dataSource;
        _target = target;
        _options = options;
        _logger = logger;
        _ready = ready ?? (_ => Task.CompletedTask);
        _partitions = new PartitionCoverage(dataSource, target.Table);
        _buffer = Channel.CreateBounded<TRow>(new BoundedChannelOptions(options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _copy = target.OnConflict is null
            ? $"COPY {target.Table.QualifiedName} ({target.Columns}) FROM STDIN (FORMAT BINARY)"
            : $"COPY {StagingTable} ({target.Columns}) FROM STDIN (FORMAT BINARY)";
        _loop = Task.Run(() => RunAsync(_stopping.Token));
    }

    public TimeSeriesTable Table => _target.Table;

    private IEnumerable<DateTime> Timestamps(List<TRow> batch, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            yield return _target.TimestampOf(batch[i]);
        }
    }

    private string StagingTable => $"\"staging_{_target.Table.Schema}_{_target.Table.Name}\"";

    /// <summary>Accepts a row, waiting while the buffer is full.</summary>
    public ValueTask WriteAsync(TRow row, CancellationToken ct = default)
    {
        if (_buffer.Writer.TryWrite(row))
        {
            Interlocked.Increment(ref _accepted);
            return ValueTask.CompletedTask;
        }

        return WriteSlowAsync(row, ct);
    }

    private async ValueTask WriteSlowAsync(TRow row, CancellationToken ct)
    {
        await _buffer.Writer.WriteAsync(row, ct);
        Interlocked.Increment(ref _accepted);
    }

    /// <summary>Waits until every row accepted before this call is stored (or rejected).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var target = Interlocked.Read(ref _accepted);
        while (Interlocked.Read(ref _written) + Interlocked.Read(ref _rejected) < target)
        {
            Task next;
            lock (_progressLock)
            {
                next = _progress.Task;
            }

            if (Interlocked.Read(ref _written) + Interlocked.Read(ref _rejected) >= target)
            {
                break;
            }

            await next.WaitAsync(ct);
        }
    }

    public TimeSeriesWriterStatus Status
    {
        get
        {
            var accepted = Interlocked.Read(ref _accepted);
            var written = Interlocked.Read(ref _written);
            var rejected = Interlocked.Read(ref _rejected);
            return new TimeSeriesWriterStatus(_target.Table.ToString(), accepted, written, accepted - written - rejected,
                Interlocked.Read(ref _batches), Interlocked.Read(ref _retries), rejected, _lastError, _lastErrorAt, _lastWriteAt);
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var batch = new List<TRow>(_options.BatchSize);
        try
        {
            await RetryAsync(_ready, ct);
            while (await _buffer.Reader.WaitToReadAsync(ct))
            {
                // A short pause lets a trickle of rows gather into one COPY; a full batch goes at once.
                var deadline = Stopwatch.GetTimestamp() + (long)(_options.FlushInterval.TotalSeconds * Stopwatch.Frequency);
                while (batch.Count < _options.BatchSize)
                {
                    while (batch.Count < _options.BatchSize && _buffer.Reader.TryRead(out var row))
                    {
                        batch.Add(row);
                    }

                    var left = deadline - Stopwatch.GetTimestamp();
                    if (batch.Count >= _options.BatchSize || left <= 0 || _buffer.Reader.Completion.IsCompleted)
                    {
                        break;
                    }

                    using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    wait.CancelAfter(TimeSpan.FromSeconds(left / (double)Stopwatch.Frequency));
                    try
                    {
                        if (!await _buffer.Reader.WaitToReadAsync(wait.Token))
                        {
                            break;
                        }
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        break;
                    }
                }

                await WriteBatchAsync(batch, ct);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Disposed with a deadline that passed: what is left is reported as backlog in the log.
            var left = batch.Count + _buffer.Reader.Count;
            if (left > 0)
            {
                _logger.LogError("{Table}: stopped with {Rows} rows not stored", _target.Table, left);
            }
        }
    }

    private async Task WriteBatchAsync(List<TRow> batch, CancellationToken ct)
    {
        await WriteRangeAsync(batch, 0, batch.Count, ct);
        Interlocked.Increment(ref _batches);
        _lastWriteAt = DateTimeOffset.UtcNow;
        Signal();
    }

    /// <summary>Writes rows [start, start+count) exactly once, splitting around rows the database refuses.</summary>
    private async Task WriteRangeAsync(List<TRow> batch, int start, int count, CancellationToken ct)
    {
        var batchId = Guid.CreateVersion7();
        var attempted = false;
        try
        {
            await RetryAsync(async token =>
            {
                // After a failed attempt the commit may still have happened (reply lost): the ledger knows.
                if (attempted && await CommittedAsync(batchId, token))
                {
                    Interlocked.Add(ref _written, count);
                    return;
                }

                attempted = true;
                await CopyAsync(batch, start, count, batchId, token);
            }, ct);
        }
        catch (Exception ex) when (StorageFailure.IsRowFault(ex))
        {
            // Nothing of the failed attempt committed; find the bad rows and keep the good ones.
            if (count == 1)
            {
                Interlocked.Increment(ref _rejected);
                _lastError = $"row rejected: {ex.Message}";
                _lastErrorAt = DateTimeOffset.UtcNow;
                _logger.LogError(ex, "{Table}: rejected a row the database refuses: {Row}", _target.Table, batch[start]);
                return;
            }

            var half = count / 2;
            await WriteRangeAsync(batch, start, half, ct);
            await WriteRangeAsync(batch, start + half, count - half, ct);
        }
    }

    private async Task CopyAsync(List<TRow> batch, int start, int count, Guid batchId, CancellationToken ct)
    {
        await _partitions.EnsureAsync(Timestamps(batch, start, count), ct);

        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (_target.OnConflict is not null)
        {
            await using var staging = new NpgsqlCommand(
                $"CREATE TEMP TABLE IF NOT EXISTS {StagingTable} (LIKE {_target.Table.QualifiedName}) ON COMMIT DELETE ROWS", connection, transaction);
            await staging.ExecuteNonQueryAsync(ct);
        }

        await using (var importer = await connection.BeginBinaryImportAsync(_copy, ct))
        {
            _target.Write(importer, batch, start, count);

            await importer.CompleteAsync(ct);
        }

        if (_target.OnConflict is not null)
        {
            await using var upsert = new NpgsqlCommand(
                $"INSERT INTO {_target.Table.QualifiedName} ({_target.Columns}) SELECT {_target.Columns} FROM {StagingTable} " +
                $"ON CONFLICT {_target.OnConflict}", connection, transaction);
            await upsert.ExecuteNonQueryAsync(ct);
            if (_target.AfterUpsert(StagingTable) is { } after)
            {
                await using var bookkeeping = new NpgsqlCommand(after, connection, transaction);
                await bookkeeping.ExecuteNonQueryAsync(ct);
            }
        }

        await using var ledger = new NpgsqlCommand(
            "INSERT INTO storage.ingest_batches (batch_id, target, row_count) VALUES ($1, $2, $3)", connection, transaction);
        ledger.Parameters.Add(new NpgsqlParameter { Value = batchId });
        ledger.Parameters.Add(new NpgsqlParameter { Value = _target.Table.ToString() });
        ledger.Parameters.Add(new NpgsqlParameter { Value = count });
        await ledger.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        Interlocked.Add(ref _written, count);
    }

    private async Task<bool> CommittedAsync(Guid batchId, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM storage.ingest_batches WHERE batch_id = $1)");
        command.Parameters.Add(new NpgsqlParameter { Value = batchId });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private async Task RetryAsync(Func<CancellationToken, Task> action, CancellationToken ct)
    {
        var delay = _options.FirstRetryDelay;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await action(ct);
                if (attempt > 0)
                {
                    _logger.LogInformation("{Table}: database back after {Attempts} attempts", _target.Table, attempt + 1);
                }

                return;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested && (StorageFailure.IsTransient(ex) || StorageFailure.IsMissingPartition(ex)))
            {
                if (StorageFailure.IsMissingPartition(ex))
                {
                    _partitions.Invalidate();
                }

                Interlocked.Increment(ref _retries);
                _lastError = ex.Message;
                _lastErrorAt = DateTimeOffset.UtcNow;
                if (attempt == 0)
                {
                    _logger.LogWarning("{Table}: write failed ({Error}); retrying until the database answers", _target.Table, ex.Message);
                }

                // Connections in the pool may all be dead after a restart.
                _dataSource.Clear();
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));
            }
        }
    }

    private void Signal()
    {
        TaskCompletionSource done;
        lock (_progressLock)
        {
            done = _progress;
            _progress = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        done.TrySetResult();
    }

    /// <summary>Stops accepting rows and writes what is buffered, giving up after <paramref name="timeout"/>.</summary>
    public async Task CompleteAsync(TimeSpan timeout)
    {
        _buffer.Writer.TryComplete();
        _stopping.CancelAfter(timeout);
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await CompleteAsync(TimeSpan.FromSeconds(10));
        _stopping.Dispose();
    }
}
