namespace Nautilus.Messaging.Tests;

public sealed class TraceRateLimiterTests
{
    private static readonly long Start = new DateTime(2026, 11, 26, 9, 0, 0, DateTimeKind.Utc).Ticks;

    [Fact]
    public void Admits_one_trace_per_interval_however_many_messages_come()
    {
        var limiter = new TraceRateLimiter(perSecond: 10); // one per 100 ms
        var admitted = Enumerable.Range(0, 10_000)
            .Where(i => limiter.TryTake(Start + i * TimeSpan.TicksPerMillisecond / 10)) // 10,000 messages a second for 1 s
            .ToArray();

        Assert.Equal(10, admitted.Length);
        Assert.Equal([0, 1_000, 2_000, 3_000, 4_000, 5_000, 6_000, 7_000, 8_000, 9_000], admitted);
    }

    [Fact]
    public void Zero_or_a_bad_rate_admits_nothing()
    {
        Assert.False(new TraceRateLimiter(0).TryTake(Start));
        Assert.False(new TraceRateLimiter(-1).TryTake(Start));
        Assert.False(new TraceRateLimiter(double.NaN).TryTake(Start));
    }

    [Fact]
    public void Of_threads_racing_for_one_slot_exactly_one_wins()
    {
        var limiter = new TraceRateLimiter(perSecond: 1);
        var winners = 0;
        Parallel.For(0, 64, _ =>
        {
            if (limiter.TryTake(Start))
            {
                Interlocked.Increment(ref winners);
            }
        });

        Assert.Equal(1, winners);
    }
}
