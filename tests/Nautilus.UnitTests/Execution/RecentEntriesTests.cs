using Nautilus.Execution.Engine.State;

namespace Nautilus.UnitTests.Execution;

public sealed class RecentEntriesTests
{
    [Fact]
    public void An_entry_is_forgotten_once_capacity_newer_ones_were_added()
    {
        var entries = new RecentEntries<string, int>(3);
        foreach (var (key, value) in new[] { ("a", 1), ("b", 2), ("c", 3), ("d", 4) })
        {
            entries.Add(key, value);
        }

        Assert.Equal(3, entries.Count);
        Assert.False(entries.Remove("a", out _));
        Assert.True(entries.Remove("d", out var d));
        Assert.Equal(4, d);
    }

    [Fact]
    public void Entries_taken_out_leave_room_and_memory_stays_bounded()
    {
        var entries = new RecentEntries<int, int>(100);
        for (var i = 0; i < 100_000; i++)
        {
            entries.Add(i, i);
            if (i % 2 == 0)
            {
                Assert.True(entries.Remove(i, out _));
            }
        }

        Assert.InRange(entries.Count, 1, 100);
        Assert.True(entries.Remove(99_999, out var last));
        Assert.Equal(99_999, last);
    }
}
