using Nautilus.Execution.Domain.Algorithms;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Model;

namespace Nautilus.UnitTests.Execution;

public class SliceScheduleTests
{
    private static readonly UnixNanos Start = UnixNanos.From(new DateTimeOffset(2026, 3, 2, 14, 30, 0, TimeSpan.Zero));

    [Fact]
    public void Twap_cuts_whole_lots_at_equal_intervals_each_bringing_the_total_to_its_share()
    {
        var slices = SliceSchedule.Twap(1_003, 1, Start, TimeSpan.FromMinutes(10), 4);
        Assert.Equal([251m, 251m, 250m, 251m],
            slices.Select(s => s.Quantity)); // 1,003 / 4: cumulative 250.75, 501.5, 752.25 to the nearest unit
        Assert.Equal([0, 150, 300, 450], slices.Select(s => (int)(s.At - Start).TotalSeconds));
    }

    [Fact]
    public void Vwap_follows_the_volume_profile()
    {
        var slices = SliceSchedule.Vwap(10_000, 100, Start, TimeSpan.FromHours(6.5), null);
        Assert.Equal(13, slices.Count);
        Assert.Equal(10_000m, slices.Sum(s => s.Quantity));
        Assert.Equal(1_200m, slices[0].Quantity); // 12 % at the open
        Assert.True(slices[^1].Quantity > slices[6].Quantity); // heavier at the close than at midday
        Assert.All(slices, s => Assert.Equal(0m, s.Quantity % 100));
        Assert.Equal([1m, 3m], SliceSchedule.Vwap(4, 1, Start, TimeSpan.FromMinutes(2), [1, 3]).Select(s => s.Quantity));
    }

    [Theory]
    [InlineData(0, 4, 60, "quantity")]
    [InlineData(10.5, 4, 60, "quantity")]
    [InlineData(100, 0, 60, "slices")]
    [InlineData(100, 4, 0, "durationSeconds")]
    public void Bad_parameters_name_the_field(double quantity, int slices, int seconds, string field) =>
        Assert.Equal(field, Assert.Throws<OrderValidationException>(() =>
            SliceSchedule.Twap((decimal)quantity, 1, Start, TimeSpan.FromSeconds(seconds), slices)).Field);
}
