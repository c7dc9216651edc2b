using Nautilus.MarketData.Domain.Instruments;
using Nautilus.MarketData.Domain.Replay;
using Nautilus.Model;

namespace Nautilus.UnitTests.MarketData;

public sealed class BarFileReaderTests
{
    /// <summary>A master that knows every symbol, priced in cents.</summary>
    internal static Instrument? AnyStock(string symbol) => new(symbol, AssetClass.Equity, "XNAS", "USD", 0.01m, 1m, "Test");

    [Fact]
    public void The_real_spy_file_reads_as_daily_closes()
    {
        // SPY daily closes, PyPortfolioOpt test resources (MIT): date,SPY from 1993-01-29.
        using var file = File.OpenText(Path.Combine(AppContext.BaseDirectory, "TestData", "spy_prices.csv"));
        var import = BarFileReader.Read(file, AnyStock);

        Assert.Equal("wide-close", import.Layout);
        Assert.Empty(import.Errors);
        Assert.Equal(import.Rows, import.Bars.Count);
        var first = import.Bars[0];
        var close = Price.Parse("26.583992"); // off the cent grid (adjusted history): kept, not rounded
        Assert.Equal(new Bar(new BarType(new InstrumentId("SPY", "XNAS"), 86_400), close, close, close, close, Quantity.Zero(0), 0,
            UnixNanos.From(new DateTime(1993, 1, 29, 0, 0, 0, DateTimeKind.Utc))), first);
        Assert.All(import.Bars.Zip(import.Bars.Skip(1)), pair => Assert.True(pair.Second.TsEvent > pair.First.TsEvent));
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
        var import = BarFileReader.Read(new StringReader(csv), AnyStock, symbol: "AAPL");

        Assert.Equal("ohlc", import.Layout);
        Assert.Equal(7, import.Rows);
        Assert.Equal([new DateTime(2024, 1, 2), new DateTime(2024, 1, 8)], import.Bars.Select(b => b.TsEvent.ToUtcDateTime().Date));
        Assert.Equal([(3, "date"), (4, "high"), (5, "open"), (6, "volume"), (7, "date")], import.Errors.Select(e => (e.Line, e.Field)));
        Assert.Contains("not after the previous bar", import.Errors[^1].Problem);
    }

    [Fact]
    public void Long_files_carry_their_symbols_and_files_without_one_need_it()
    {
        const string csv = "symbol,date,open,high,low,close,volume\nAAA,2024-01-02,1,2,0.5,1.5,10\nBBB,2024-01-02,3,4,2.5,3.5,20\n";
        var import = BarFileReader.Read(new StringReader(csv), AnyStock);
        Assert.Equal(["AAA", "BBB"], import.Bars.Select(b => b.InstrumentId.Symbol));

        var missing = BarFileReader.Read(new StringReader("Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,0.5,1.5,10\n"), AnyStock);
        Assert.Equal("symbol", Assert.Single(missing.Errors).Field);
        Assert.Equal("date", Assert.Single(BarFileReader.Read(new StringReader("x,y\n1,2\n"), AnyStock).Errors).Field);
    }

    [Fact]
    public void Bars_of_an_instrument_not_in_the_master_are_refused_and_reported_once_at_their_first_row()
    {
        const string csv = "date,AAPL,NOPE\n2024-01-02,185.64,1\n2024-01-03,184.25,2\n2024-01-04,181.91,\n";
        var import = BarFileReader.Read(new StringReader(csv), s => s == "NOPE" ? null : AnyStock(s), 86_400);

        Assert.Equal(3, import.Bars.Count);
        Assert.All(import.Bars, b => Assert.Equal("AAPL.XNAS-86400s-LAST", b.BarType.ToString()));
        var error = Assert.Single(import.Errors);
        Assert.Equal((2, "NOPE"), (error.Line, error.Field));
        Assert.Contains("unknown instrument", error.Problem);
        Assert.Equal(2, import.Rejected);
    }
}

public sealed class BarParquetTests
{
    [Fact]
    public async Task The_real_spy_closes_read_the_same_from_parquet_as_from_csv()
    {
        // The same SPY file (PyPortfolioOpt test resources, MIT) rewritten as Parquet with a timestamp column.
        using var file = File.OpenText(Path.Combine(AppContext.BaseDirectory, "TestData", "spy_prices.csv"));
        var csv = BarFileReader.Read(file, BarFileReaderTests.AnyStock);
        var parquet = await ParquetTestFile.WriteAsync(
            ("date", csv.Bars.Select(b => b.TsEvent.ToUtcDateTime()).ToArray()),
            ("SPY", csv.Bars.Select(b => b.Close.AsDouble()).ToArray()));

        Assert.True(ParquetRowSource.IsParquet(parquet));
        var import = BarFileReader.Read(await RowSource.OpenAsync(parquet), BarFileReaderTests.AnyStock);

        Assert.Equal("parquet wide-close", import.Layout);
        Assert.Empty(import.Errors);
        Assert.Equal(csv.Bars, import.Bars);
    }

    [Fact]
    public async Task Parquet_bars_with_epoch_milliseconds_report_nulls_and_bad_rows_by_row()
    {
        var day = 86_400_000L;
        var t0 = 1_704_153_600_000L; // 2024-01-02T00:00:00Z in ms
        var parquet = await ParquetTestFile.WriteAsync(
            ("symbol", new string?[] { "AAPL", "AAPL", "MSFT", "MSFT" }),
            ("timestamp", new[] { t0, t0 + day, t0, t0 + day }),
            ("open", new[] { 100.0, 101, 300, 301 }),
            ("high", new[] { 102.0, 103, 305, 299 }),
            ("low", new[] { 99.0, 100, 298, 297 }),
            ("close", new double?[] { 101.0, null, 304, 298 }),
            ("volume", new[] { 1e6, 2e6, 3e6, 4e6 }));

        var import = BarFileReader.Read(await RowSource.OpenAsync(parquet), BarFileReaderTests.AnyStock);

        Assert.Equal("parquet long", import.Layout);
        Assert.Equal(4, import.Rows);
        Assert.Equal([("AAPL", new DateTime(2024, 1, 2)), ("MSFT", new DateTime(2024, 1, 2))],
            import.Bars.Select(b => (b.InstrumentId.Symbol, b.TsEvent.ToUtcDateTime())));
        // Rows are numbered as lines would be: the first data row is 2.
        Assert.Equal([(3, "close"), (5, "high")], import.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public async Task A_file_that_claims_to_be_parquet_but_is_not_is_refused_with_a_reason()
    {
        var broken = "PAR1 this is not really parquet"u8.ToArray();
        var ex = await Assert.ThrowsAsync<InvalidDataException>(() => RowSource.OpenAsync(broken));
        Assert.Contains("Parquet", ex.Message);
    }
}
