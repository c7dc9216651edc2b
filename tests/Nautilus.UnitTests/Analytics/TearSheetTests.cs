using Nautilus.Analytics.Domain.Performance;

namespace Nautilus.UnitTests.Analytics;

public sealed class TearSheetTests
{
    private static readonly DateOnly Start = new(2026, 1, 30);

    [Fact]
    public void Day_end_values_become_returns_wealth_underwater_and_compounded_months()
    {
        // 100 → 101 → 111.1 → 106.656: returns 1 %, 10 %, −4 %; the first two fall in January, the last in February.
        DailyValue[] values = [new(Start.AddDays(-1), 100), new(Start, 101), new(Start.AddDays(1), 111.1), new(Start.AddDays(2), 106.656)];

        var sheet = TearSheets.FromValues(values, new PerformanceSettings(RollingWindow: 2));

        Assert.Equal([Start, Start.AddDays(1), Start.AddDays(2)], sheet.Dates);
        Assert.Equal([0.01, 0.10, -0.04], sheet.Returns.Select(r => Math.Round(r, 12)));
        Assert.Equal(1.06656, sheet.Wealth[^1], 12);
        Assert.Equal(1.06656 / 1.111 - 1, sheet.Underwater[^1], 12);
        Assert.Equal(2, sheet.Monthly.Count);
        Assert.Equal((2026, 1, 0.111), (sheet.Monthly[0].Year, sheet.Monthly[0].Month, Math.Round(sheet.Monthly[0].Return, 12)));
        Assert.Equal((2026, 2, -0.04), (sheet.Monthly[1].Year, sheet.Monthly[1].Month, Math.Round(sheet.Monthly[1].Return, 12)));
        Assert.Equal(106.656 / 100 - 1, sheet.Report.CumulativeReturn!.Value, 12);
        Assert.Equal(2, sheet.Report.Rolling!.Sharpe.Count);
    }

    [Fact]
    public void Values_and_dates_that_cannot_make_a_series_are_refused_by_field()
    {
        Assert.Equal("values", Assert.Throws<PerformanceInputException>(() =>
            TearSheets.FromValues([new DailyValue(Start, 100)], new PerformanceSettings())).Field);
        Assert.Equal("values", Assert.Throws<PerformanceInputException>(() =>
            TearSheets.FromValues([new DailyValue(Start, 100), new DailyValue(Start.AddDays(1), 0)], new PerformanceSettings())).Field);
        Assert.Equal("dates", Assert.Throws<PerformanceInputException>(() =>
            TearSheets.FromReturns([Start, Start], [0.01, 0.02], new PerformanceSettings())).Field);
        Assert.Equal("dates", Assert.Throws<PerformanceInputException>(() =>
            TearSheets.FromReturns([Start], [0.01, 0.02], new PerformanceSettings())).Field);
    }
}
