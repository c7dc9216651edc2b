using Npgsql;

namespace Nautilus.Storage.Writing;

/// <summary>Which database errors are worth retrying and which mean a row itself is bad.</summary>
public static class StorageFailure
{
    private const string CheckViolation = "23514";

    /// <summary>An upsert batch holding the same key twice ("ON CONFLICT DO UPDATE command cannot affect row a second time").</summary>
    private const string CardinalityViolation = "21000";

    /// <summary>
    /// A data exception (class 22), an integrity violation (class 23) or rows of one batch colliding with each other
    /// (21000) are the rows' fault and fail again on retry — the writer splits the batch until they are apart —
    /// except a row without a partition, which is the table's (the partition is created and the batch retried).
    /// </summary>
    public static bool IsRowFault(Exception ex) =>
        ex is PostgresException { SqlState: var state } &&
        (state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal) || state == CardinalityViolation) &&
        !IsMissingPartition(ex);

    public static bool IsMissingPartition(Exception ex) =>
        ex is PostgresException { SqlState: CheckViolation } pg &&
        pg.MessageText.Contains("no partition", StringComparison.OrdinalIgnoreCase);

    /// <summary>Connection lost, server shutting down or starting, too many clients, timeouts: wait and try again.</summary>
    public static bool IsTransient(Exception ex) =>
        (ex is NpgsqlException or IOException or TimeoutException or System.Net.Sockets.SocketException) && !IsRowFault(ex);

    /// <summary>
    /// Runs <paramref name="work"/> until it succeeds, waiting 250 ms, then twice as long each time up to 5 s, after each
    /// transient failure (told to <paramref name="waiting"/>); any other failure, and cancellation, end it.
    /// </summary>
    public static async Task RetryWhileAwayAsync(Func<CancellationToken, Task> work, Action<Exception> waiting, CancellationToken ct)
    {
        var delay = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await work(ct);
                return;
            }
            catch (Exception ex) when (IsTransient(ex) && !ct.IsCancellationRequested)
            {
                waiting(ex);
                await Task.Delay(delay, ct);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
        }
    }
}
