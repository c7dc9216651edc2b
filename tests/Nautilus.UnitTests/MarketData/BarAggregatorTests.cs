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

public sealed class InstrumentClocksTests
{
    private const long Second = 1_000_000_000;

    [Fact]
    public void A_replayed_instrument_keeps_its_own_time_while_live_ones_run_ahead()
    {
        var live = 1_800_000_000 * Second;   // 2027
        var replay = 1_677_681_000 * Second; // 2023-03-01T14:30:00Z, a minute boundary
        var clocks = new InstrumentClocks();
        var aggregator = new BarAggregator(60);
        var closed = new List<OhlcvBar>();

        clocks.Observe("LIVE", live, wallNs: 0);
        clocks.Observe("OLD", replay + 5 * Second, wallNs: 0);
        aggregator.OnTrade("OLD", replay + 5 * Second, 10, 1, closed);

        // 10 s of wall time later the live clock is far ahead, but OLD's minute (14:30) has not ended on its own clock.
        aggregator.CloseDue(symbol => clocks.Now(symbol, 10 * Second), closed);
        Assert.Empty(closed);
        Assert.Equal(replay + 15 * Second, clocks.Now("OLD", 10 * Second));
        Assert.Equal(long.MinValue, clocks.Now("NONE", 10 * Second));

        // Once 55 s of wall time have passed since OLD's last event, its clock reaches 14:31 and the bar closes.
        aggregator.CloseDue(symbol => clocks.Now(symbol, 55 * Second), closed);
        Assert.Equal(replay, Assert.Single(closed).OpenTimeNs);

        // An older event never moves an instrument's clock back.
        clocks.Observe("OLD", replay, wallNs: 60 * Second);
        Assert.Equal(replay + 65 * Second, clocks.Now("OLD", 60 * Second));
    }
}

public sealed class LateTradeTests
{
    private const long Second = 1_000_000_000;

    [Fact]
    public void A_trade_for_a_bar_the_clock_already_closed_does_not_reopen_it()
    {
        var aggregator = new BarAggregator(1, 60);
        var closed = new List<OhlcvBar>();
        var t0 = 1_700_000_040 * Second; // a minute boundary

        aggregator.OnTrade("X", t0 + Second / 2, 10, 5, closed);
        aggregator.CloseDue(t0 + 61 * Second, closed); // the clock passes both bars' ends
        Assert.Equal(2, closed.Count);

        // A trade stamped inside the closed second (and minute) arrives late: no second bar for the same open time,
        // which would replace the stored bar with one of the late trade alone.
        aggregator.OnTrade("X", t0 + Second * 3 / 4, 11, 1, closed);
        aggregator.CloseDue(t0 + 200 * Second, closed);
        Assert.Equal(2, closed.Count);
        Assert.Equal(1, aggregator.LateTrades);

        // The next bar is built as usual.
        aggregator.OnTrade("X", t0 + 125 * Second, 12, 2, closed);
        aggregator.CloseDue(t0 + 300 * Second, closed);
        Assert.Equal([t0 + 125 * Second, t0 + 120 * Second], closed.Skip(2).Select(b => b.OpenTimeNs));
    }
}
