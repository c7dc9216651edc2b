namespace Nautilus.MarketData.Domain.Replay;

/// <summary>
/// Paces a replay to the wall clock: each item has a due time measured from the start, the replay waits only while
/// the next item is at least <see cref="MinWait"/> ahead, and items already due go at once. So the average rate is
/// exact at any speed. A timer per item would not be: .NET timers fire on the coarse system tick (4 ms on our Linux
/// VMs, 15.6 ms on Windows), so a 1 ms period really ticks every 4 ms and caps a replay at 250 items a second; and a
/// <see cref="PeriodicTimer"/> refuses periods under 1 ms.
/// </summary>
public sealed class ReplayPace(TimeProvider clock)
{
    /// <summary>Sleeping for less than this is not worth a timer: the loop catches up in a burst instead.</summary>
    public static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(2);

    private readonly long _start = clock.GetTimestamp();

    /// <summary>The due time of item <paramref name="index"/> of a replay at <paramref name="perSecond"/> items a second.</summary>
    public static TimeSpan DueAt(long index, double perSecond) => TimeSpan.FromSeconds(index / perSecond);

    /// <summary>Completes once <paramref name="due"/> (from the start) has passed, give or take <see cref="MinWait"/>.</summary>
    public ValueTask WaitUntilAsync(TimeSpan due, CancellationToken ct)
    {
        var wait = due - clock.GetElapsedTime(_start);
        return wait >= MinWait ? new ValueTask(Task.Delay(wait, clock, ct)) : ValueTask.CompletedTask;
    }
}
