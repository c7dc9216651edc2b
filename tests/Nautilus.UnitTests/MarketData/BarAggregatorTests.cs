using Nautilus.MarketData.Domain.Bars;

namespace Nautilus.UnitTests.MarketData;

public sealed class BarAggregatorTests
{
    private const long Second = 1_000_000_000L;

    [Fact]
    public void Trades_make_one_second_and_one_minute_bars_aligned_on_the_epoch()
    {
        var aggregator = new BarAggregator(1, 60);
        var closed = new List<OhlcvBar>();
        var t0 = 1_767_000_000L * Second; // a whole minute
        aggregator.OnTrade("X", t0 + 100, 10.0, 1, closed);
        aggregator.OnTrade("X", t0 + Second / 2, 12.0, 2, closed);
        aggregator.OnTrade("X", t0 + Second / 3, 9.0, 3, closed);
        aggregator.OnTrade("X", t0 + Second + 5, 11.0, 4, closed); // closes the first 1-s bar

        var first = Assert.Single(closed);
        Assert.Equal(new OhlcvBar("X", 1, t0, 10, 12, 9, 9, 6, 3), first);

        aggregator.CloseDue(t0 + 60 * Second, closed);
        Assert.Equal(3, closed.Count);
        Assert.Contains(new OhlcvBar("X", 1, t0 + Second, 11, 11, 11, 11, 4, 1), closed);
        Assert.Contains(new OhlcvBar("X", 60, t0, 10, 12, 9, 11, 10, 4), closed);
        Assert.Null(aggregator.Current("X", 60));
    }

    [Fact]
    public void Bars_are_not_closed_before_their_interval_ends()
    {
        var aggregator = new BarAggregator(60);
        var closed = new List<OhlcvBar>();
        var t0 = 1_767_000_000L * Second;
        aggregator.OnTrade("X", t0 + 10 * Second, 10, 1, closed);
        aggregator.CloseDue(t0 + 59 * Second, closed);
        Assert.Empty(closed);
        Assert.Equal(10, aggregator.Current("X", 60)!.Value.Close);
        Assert.Throws<ArgumentException>(() => new BarAggregator(0));
    }
}
