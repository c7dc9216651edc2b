namespace Nautilus.Storage.Writing;

public sealed class TimeSeriesWriterOptions
{
    /// <summary>Rows held in memory while the database is slow or away; a full buffer makes writers wait, never drop.</summary>
    public int Capacity { get; set; } = 1_000_000;

    /// <summary>Rows per COPY: large enough to amortise a round trip and a commit, small enough to retry cheaply.</summary>
    public int BatchSize { get; set; } = 50_000;

    /// <summary>How long a partial batch may wait for more rows before it is written anyway.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(50);

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
