using Nautilus.MarketData.Domain.Bars;
using Nautilus.Model;

namespace Nautilus.UnitTests.MarketData;

public sealed class BarAggregatorTests
{
    private const long Second = 1_000_000_000L;

    [Fact]
    public void Trades_make_one_second_and_one_minute_bars_aligned_on_the_epoch()
    {
        var aggregator = new BarAggregator(1, 60);
        var closed = new List<Bar>();
        var t0 = 1_767_000_000L * Second; // a whole minute
        aggregator.OnTrade(Trades.Of("X", t0 + 100, 10.0, 1), closed);
        aggregator.OnTrade(Trades.Of("X", t0 + Second / 2, 12.0, 2), closed);
        aggregator.OnTrade(Trades.Of("X", t0 + Second / 3, 9.0, 3), closed);
        aggregator.OnTrade(Trades.Of("X", t0 + Second + 5, 11.0, 4), closed); // closes the first 1-s bar

        var first = Assert.Single(closed);
        Assert.Equal(Trades.Bar("X", 1, t0, 10, 12, 9, 9, 6, 3), first);

        aggregator.CloseDue(new UnixNanos(t0 + 60 * Second), closed);
        Assert.Equal(3, closed.Count);
        Assert.Contains(Trades.Bar("X", 1, t0 + Second, 11, 11, 11, 11, 4, 1), closed);
        Assert.Contains(Trades.Bar("X", 60, t0, 10, 12, 9, 11, 10, 4), closed);
        Assert.Null(aggregator.Current(Trades.Id("X"), 60));
    }

    [Fact]
    public void Bars_are_not_closed_before_their_interval_ends()
    {
        var aggregator = new BarAggregator(60);
        var closed = new List<Bar>();
        var t0 = 1_767_000_000L * Second;
        aggregator.OnTrade(Trades.Of("X", t0 + 10 * Second, 10, 1), closed);
        aggregator.CloseDue(new UnixNanos(t0 + 59 * Second), closed);
        Assert.Empty(closed);
        Assert.Equal(Price.Parse("10.00"), aggregator.Current(Trades.Id("X"), 60)!.Close);
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
        var closed = new List<Bar>();

        clocks.Observe("LIVE", live, wallNs: 0);
        clocks.Observe("OLD", replay + 5 * Second, wallNs: 0);
        aggregator.OnTrade(Trades.Of("OLD", replay + 5 * Second, 10, 1), closed);

        // 10 s of wall time later the live clock is far ahead, but OLD's minute (14:30) has not ended on its own clock.
        aggregator.CloseDue(id => new UnixNanos(clocks.Now(id.Symbol, 10 * Second)), closed);
        Assert.Empty(closed);
        Assert.Equal(replay + 15 * Second, clocks.Now("OLD", 10 * Second));
        Assert.Equal(long.MinValue, clocks.Now("NONE", 10 * Second));

        // Once 55 s of wall time have passed since OLD's last event, its clock reaches 14:31 and the bar closes.
        aggregator.CloseDue(id => new UnixNanos(clocks.Now(id.Symbol, 55 * Second)), closed);
        Assert.Equal(replay, Assert.Single(closed).TsEvent.Value);

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
        var closed = new List<Bar>();
        var t0 = 1_700_000_040 * Second; // a minute boundary

        aggregator.OnTrade(Trades.Of("X", t0 + Second / 2, 10, 5), closed);
        aggregator.CloseDue(new UnixNanos(t0 + 61 * Second), closed); // the clock passes both bars' ends
        Assert.Equal(2, closed.Count);

        // A trade stamped inside the closed second (and minute) arrives late: no second bar for the same open time,
        // which would replace the stored bar with one of the late trade alone.
        aggregator.OnTrade(Trades.Of("X", t0 + Second * 3 / 4, 11, 1), closed);
        aggregator.CloseDue(new UnixNanos(t0 + 200 * Second), closed);
        Assert.Equal(2, closed.Count);
        Assert.Equal(1, aggregator.LateTrades);

        // The next bar is built as usual.
        aggregator.OnTrade(Trades.Of("X", t0 + 125 * Second, 12, 2), closed);
        aggregator.CloseDue(new UnixNanos(t0 + 300 * Second), closed);
        Assert.Equal([t0 + 125 * Second, t0 + 120 * Second], closed.Skip(2).Select(b => b.TsEvent.Value));
    }
}

/// <summary>Trades and bars of test instruments on XTST, prices in cents, whole-unit sizes.</summary>
internal static class Trades
{
    public static InstrumentId Id(string symbol) => new(symbol, "XTST");

    public static TradeTick Of(string symbol, long tsNs, double price, double size) =>
        new(Id(symbol), Price.FromDouble(price, 2), Quantity.FromDouble(size, 0), AggressorSide.Buyer, new TradeId("t"),
            new UnixNanos(tsNs));

    public static Bar Bar(
        string symbol, int interval, long openNs, double open, double high, double low, double close, double volume, int trades) =>
        new(new BarType(Id(symbol), interval), Price.FromDouble(open, 2), Price.FromDouble(high, 2), Price.FromDouble(low, 2),
            Price.FromDouble(close, 2), Quantity.FromDouble(volume, 0), trades, new UnixNanos(openNs));
}
