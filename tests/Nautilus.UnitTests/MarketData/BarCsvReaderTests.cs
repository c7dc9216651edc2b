using Nautilus.MarketData.Domain.Replay;

namespace Nautilus.UnitTests.MarketData;

public sealed class BarCsvReaderTests
{
    [Fact]
    public void The_real_spy_file_reads_as_daily_closes()
    {
        // SPY daily closes, PyPortfolioOpt test resources (MIT): date,SPY from 1993-01-29.
        using var file = File.OpenText(Path.Combine(AppContext.BaseDirectory, "TestData", "spy_prices.csv"));
        var import = BarCsvReader.Read(file);

        Assert.Equal("wide-close", import.Layout);
        Assert.Empty(import.Errors);
        Assert.Equal(import.Rows, import.Bars.Count);
        var first = import.Bars[0];
        Assert.Equal(new ImportedBar("SPY", new DateTime(1993, 1, 29, 0, 0, 0, DateTimeKind.Utc), 26.583992, 26.583992, 26.583992, 26.583992, 0), first);
        Assert.All(import.Bars.Zip(import.Bars.Skip(1)), pair => Assert.True(pair.Second.OpenTime > pair.First.OpenTime));
    }

    [Fact]
    public void A_bad_yahoo_file_reports_each_bad_row_and_keeps_the_good_ones()
    {
        const string csv = """
            Date,Open,High,Low,Close,Adj Close,Volume
            2024-01-02,100,101,99,100.5,100.5,1000
            2024-13-03,100,101,99,100.5,100.5,1000
            2024-01-04,100,99,101,100.5,100.5,1000
            2024-01-05,-1,101,99,100.5,100.5,1000
            2024-01-06,100,101,99,100.5,100.5,abc
            2024-01-01,100,101,99,100.5,100.5,1000
            2024-01-08,100,102,99,101.5,101.5,2000
            """;
        var import = BarCsvReader.Read(new StringReader(csv), "AAPL");

        Assert.Equal("ohlc", import.Layout);
        Assert.Equal(7, import.Rows);
        Assert.Equal([new DateTime(2024, 1, 2), new DateTime(2024, 1, 8)], import.Bars.Select(b => b.OpenTime.Date));
        Assert.Equal([(3, "date"), (4, "high"), (5, "open"), (6, "volume"), (7, "date")], import.Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("not after the previous bar", import.Errors[^1].Problem);
    }

    [Fact]
    public void Long_files_carry_their_symbols_and_files_without_one_need_it()
    {
        var import = BarCsvReader.Read(new StringReader("symbol,date,open,high,low,close,volume\nAAA,2024-01-02,1,2,0.5,1.5,10\nBBB,2024-01-02,3,4,2.5,3.5,20\n"));
        Assert.Equal(["AAA", "BBB"], import.Bars.Select(b => b.Symbol));

        var missing = BarCsvReader.Read(new StringReader("Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,10\n"));
        Assert.Equal("symbol", Assert.Single(missing.Errors).Field);
        Assert.Equal("date", Assert.Single(BarCsvReader.Read(new StringReader("x,y\n1,2\n")).Errors).Field);
    }
}
