using Nautilus.Model;
using Nautilus.Risk.Domain.Backtesting;
using Nautilus.Risk.Domain.History;

namespace Nautilus.UnitTests.Risk;

/// <summary>Stored VaR against realised P&amp;L, and the return history the portfolio VaR draws its scenarios from.</summary>
public sealed class VarHistoryTests
{
    private static readonly DateOnly Monday = new(2026, 11, 2);

    private static DateTimeOffset At(int day, int hour) =>
        new(Monday.AddDays(day).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    [Fact]
    public void The_last_var_of_a_day_is_judged_against_the_move_to_the_next_close_and_a_larger_loss_is_an_exception()
    {
        VarEstimate[] estimates =
        [
            new(At(0, 9), 500, 600), new(At(0, 16), 100, 150), // the evening figure stands for the next day
            new(At(1, 16), 100, 150),
            new(At(2, 16), 100, 150), // no close after day 2 yet
        ];
        NavClose[] navs = [new(Monday, 10_000), new(Monday.AddDays(1), 9_850), new(Monday.AddDays(2), 9_900)];

        var points = VarHistory.Pair(estimates, navs);

        Assert.Equal(3, points.Count);
        Assert.Equal(new VarObservation(Monday, 100, 150, -150, true), points[0]);
        Assert.Equal(new VarObservation(Monday.AddDays(1), 100, 150, 50, false), points[1]);
        Assert.Null(points[2].Pnl);
        Assert.False(points[2].Exception);
    }

    [Fact]
    public void A_loss_equal_to_the_var_is_not_an_exception()
    {
        var points = VarHistory.Pair([new VarEstimate(At(0, 12), 100, 120)], [new NavClose(Monday, 1_000), new NavClose(Monday.AddDays(3),
            900)]);

        Assert.Equal(-100, points[0].Pnl);
        Assert.False(points[0].Exception);
    }

    [Fact]
    public void Returns_are_taken_between_the_days_every_instrument_traded_and_instruments_without_history_are_named()
    {
        var aapl = InstrumentId.Parse("AAPL.XNAS");
        var msft = InstrumentId.Parse("MSFT.XNAS");
        var none = InstrumentId.Parse("NONE.XNAS");
        var closes = new Dictionary<InstrumentId, IReadOnlyList<DailyClose>>
        {
            [aapl] = [new(Monday, 100), new(Monday.AddDays(1), 110), new(Monday.AddDays(2), 99), new(Monday.AddDays(3), 99)],
            [msft] = [new(Monday, 200), new(Monday.AddDays(2), 210), new(Monday.AddDays(3), 189)], // no close on day 1
            [none] = [new(Monday, 5)],
        };

        var history = ReturnHistory.FromCloses(closes);

        Assert.Equal([aapl, msft], history.Instruments);
        Assert.Equal([none], history.Missing);
        Assert.Equal([Monday.AddDays(2), Monday.AddDays(3)], history.Dates);
        Assert.Equal(99.0 / 100 - 1, history.Returns[0][0], 12); // AAPL from Monday to day 2, skipping the day MSFT missed
        Assert.Equal(210.0 / 200 - 1, history.Returns[0][1], 12);
        Assert.Equal(0, history.Returns[1][0], 12);
        Assert.Equal(189.0 / 210 - 1, history.Returns[1][1], 12);
    }
}
