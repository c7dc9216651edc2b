using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.UnitTests.MarketData;

public sealed class UnixNanosTests
{
    [Fact]
    public void Nanoseconds_convert_to_and_from_utc_times_at_tick_precision()
    {
        var time = new DateTime(2026, 11, 26, 12, 34, 56, DateTimeKind.Utc).AddTicks(1234567);
        var nanos = UnixNanos.From(time).Value;

        Assert.Equal(1_795_696_496_123_456_700, nanos);
        Assert.Equal(time, new UnixNanos(nanos).ToUtcDateTime());
        Assert.Equal(DateTimeKind.Utc, new UnixNanos(nanos).ToUtcDateTime().Kind);
        Assert.Equal(nanos, UnixNanos.From(new DateTimeOffset(time)).Value);
        Assert.Equal(new DateTimeOffset(time), new UnixNanos(nanos + 99).ToDateTimeOffset());
    }
}
