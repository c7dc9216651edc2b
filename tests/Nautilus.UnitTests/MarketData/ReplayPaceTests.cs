using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using Nautilus.MarketData.Domain.Replay;

namespace Nautilus.UnitTests.MarketData;

public sealed class ReplayPaceTests
{
    [Fact]
    public void Item_i_of_a_replay_at_r_a_second_is_due_i_over_r_seconds_after_the_start()
    {
        Assert.Equal(TimeSpan.Zero, ReplayPace.DueAt(0, 4_000));
        Assert.Equal(TimeSpan.FromMilliseconds(250), ReplayPace.DueAt(1_000, 4_000));
        Assert.Equal(TimeSpan.FromSeconds(90), ReplayPace.DueAt(9, 0.1));
    }

    [Fact]
    public async Task Waits_until_an_item_is_due_and_lets_items_already_due_go_at_once()
    {
        var clock = new FakeTimeProvider();
        var pace = new ReplayPace(clock);

        // Less than MinWait ahead: not worth a timer.
        Assert.True(pace.WaitUntilAsync(TimeSpan.FromMilliseconds(1), CancellationToken.None).IsCompleted);

        var wait = pace.WaitUntilAsync(TimeSpan.FromMilliseconds(10), CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(9));
        Assert.False(wait.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await wait.WaitAsync(TimeSpan.FromSeconds(5));

        // Behind schedule (the pipeline was slow): everything due by now goes without waiting, so the rate catches up.
        clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 1_000; i++)
        {
            Assert.True(pace.WaitUntilAsync(ReplayPace.DueAt(i, 1_000), CancellationToken.None).IsCompleted);
        }
    }

    [Fact]
    public async Task A_replay_faster_than_the_timer_tick_keeps_its_rate_on_the_real_clock()
    {
        // .NET timers fire on the coarse system tick (4 ms on our Linux VMs; a 1 ms PeriodicTimer ticked every 4.00 ms):
        // the timer per item the bar replay used played at most 250 items a second here, and refused a period under
        // 1 ms outright (ArgumentOutOfRangeException above 1,000 bars/s). Paced to the wall clock, 1,000 items at 4,000
        // a second take the 0.25 s asked.
        var pace = new ReplayPace(TimeProvider.System);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 1_000; i++)
        {
            await pace.WaitUntilAsync(ReplayPace.DueAt(i, 4_000), CancellationToken.None);
        }

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.249 - ReplayPace.MinWait.TotalSeconds, 2.0);
    }
}
