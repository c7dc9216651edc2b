using Nautilus.Contracts;

namespace Nautilus.UnitTests.MarketData;

public sealed class UnixNanosTests
{
    [Fact]
    public void Nanoseconds_convert_to_and_from_utc_times_at_tick_precision()
    {
        var time = new DateTime(2026, 11, 26, 12, 34, 56, DateTimeKind.Utc).AddTicks(1234567);
        var nanos = UnixNanos.From(time);

        Assert.Equal(1_795_696_496_123_456_700, nanos);
        Assert.Equal(time, UnixNanos.ToUtcDateTime(nanos));
        Assert.Equal(DateTimeKind.Utc, UnixNanos.ToUtcDateTime(nanos).Kind);
        Assert.Equal(nanos, UnixNanos.From(new DateTimeOffset(time)));
        Assert.Equal(new DateTimeOffset(time), UnixNanos.ToDateTimeOffset(nanos + 99));
    }
}
