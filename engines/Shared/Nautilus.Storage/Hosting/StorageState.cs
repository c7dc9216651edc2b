using Nautilus.Storage.Migrations;

namespace Nautilus.Storage.Hosting;

/// <summary>Where an engine's storage stands: migrations done or not, the mode in use, and its writers' backlogs.</summary>
public sealed class StorageState
{
    private readonly TaskCompletionSource<MigrationReport> _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Func<Writing.TimeSeriesWriterStatus>> _writers = [];

    public StorageState(IReadOnlyList<(string Schema, IReadOnlyList<Migration> Migrations)> schemas) => Schemas = schemas;

    public IReadOnlyList<(string Schema, IReadOnlyList<Migration> Migrations)> Schemas { get; }

    /// <summary>Completes when this engine's schemas are migrated; writers wait on it before their first COPY.</summary>
    public Task<MigrationReport> Migrated => _migrated.Task;

    public MigrationReport? Report => _migrated.Task.IsCompletedSuccessfully ? _migrated.Task.Result : null;

    public string? MigrationError { get; internal set; }

    public IReadOnlyList<Writing.TimeSeriesWriterStatus> Writers
    {
        get
        {
            lock (_writers)
            {
                return _writers.Select(w => w()).ToArray();
            }
        }
    }

    /// <summary>Lists a writer in /health (its backlog is what a database outage costs).</summary>
    public void Track(Func<Writing.TimeSeriesWriterStatus> status)
    {
        lock (_writers)
        {
            _writers.Add(status);
        }
    }

    internal void SetMigrated(MigrationReport report)
    {
        MigrationError = null;
        _migrated.TrySetResult(report);
    }
}
