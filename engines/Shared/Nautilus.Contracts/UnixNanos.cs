namespace Nautilus.Contracts;

/// <summary>Timestamps on the wire are integer nanoseconds since the Unix epoch, UTC (as NautilusTrader's UnixNanos).</summary>
public static class UnixNanos
{
    private const long NanosPerTick = 100;

    public static long From(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * NanosPerTick;

    public static DateTimeOffset ToDateTimeOffset(long nanos) =>
        DateTimeOffset.UnixEpoch.AddTicks(nanos / NanosPerTick);

    public static long From(DateTime utc) => (utc.Ticks - DateTime.UnixEpoch.Ticks) * NanosPerTick;

    public static DateTime ToUtcDateTime(long nanos) => DateTime.UnixEpoch.AddTicks(nanos / NanosPerTick);

    public static long Now(TimeProvider clock) => From(clock.GetUtcNow());
}
