using Nautilus.Analytics.Domain.Trades;
using Nautilus.Model;

namespace Nautilus.UnitTests.Analytics;

public sealed class RoundTripsTests
{
    private static readonly InstrumentId Aapl = new("AAPL", "XNAS");
    private static readonly DateTimeOffset T0 = new(2026, 11, 2, 14, 30, 0, TimeSpan.Zero);

    private static Fill F(int minute, OrderSide side, double quantity, double price, double fee) =>
        new(Aapl, side, quantity, price, fee, T0.AddMinutes(minute));

    [Fact]
    public void Fills_close_the_oldest_lots_first_share_their_fees_and_a_reversal_opens_the_other_way()
    {
        // Worked by hand: long 100 @ 10 and 50 @ 12; sell 120 @ 15 closes 100 @ 10 (+500, fees 1 + 1.0) and 20 @ 12
        // (+60, fees 0.2 + 0.2); sell 80 @ 11 closes the last 30 @ 12 (−30, fees 0.3 + 0.3) and opens 50 short @ 11 (fee 0.5);
        // buy 50 @ 9 closes it (+100, fees 0.5 + 0.5). Net 498 + 59.6 − 30.6 + 99 = 626.
        var trades = RoundTrips.Match(
        [
            F(0, OrderSide.Buy, 100, 10, 1), F(1, OrderSide.Buy, 50, 12, 0.5), F(2, OrderSide.Sell, 120, 15, 1.2),
            F(3, OrderSide.Sell, 80, 11, 0.8), F(4, OrderSide.Buy, 50, 9, 0.5),
        ]);

        Assert.Equal([498, 59.6, -30.6, 99], trades.Select(t => Math.Round(t.Pnl, 9)));
        Assert.Equal([PositionSide.Long, PositionSide.Long, PositionSide.Long, PositionSide.Short], trades.Select(t => t.Side));
        Assert.Equal([100, 20, 30, 50], trades.Select(t => t.Quantity));
        Assert.Equal((T0.AddMinutes(3), 11.0, T0.AddMinutes(4), 9.0), (trades[3].EntryAt, trades[3].EntryPrice, trades[3].ExitAt,
            trades[3].ExitPrice));
        Assert.Equal(626, trades.Sum(t => t.Pnl), 9);
    }

    [Fact]
    public void An_open_position_is_not_a_trade_and_instruments_are_matched_apart()
    {
        var msft = new InstrumentId("MSFT", "XNAS");
        var trades = RoundTrips.Match([F(0, OrderSide.Buy, 10, 100, 0), new Fill(msft, OrderSide.Sell, 10, 50, 0, T0.AddMinutes(1))]);

        Assert.Empty(trades);
    }
}
