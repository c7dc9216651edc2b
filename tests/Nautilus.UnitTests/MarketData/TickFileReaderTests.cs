using Nautilus.Contracts;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.MarketData.Domain.Replay;
using Nautilus.Model;

namespace Nautilus.UnitTests.MarketData;

public sealed class TickFileReaderTests
{
    private static readonly HashSet<string> Known = ["AAPL", "MSFT"];

    [Theory]
    [InlineData("1704186000", 1_704_186_000_000_000_000)] // seconds
    [InlineData("1704186000123", 1_704_186_000_123_000_000)] // milliseconds
    [InlineData("1704186000123456", 1_704_186_000_123_456_000)] // microseconds
    [InlineData("1704186000123456789", 1_704_186_000_123_456_789)] // nanoseconds
    [InlineData("2024-01-02T09:00:00.1234567Z", 1_704_186_000_123_456_700)]
    [InlineData("2024-01-02 09:00:00", 1_704_186_000_000_000_000)]
    [InlineData("2024-01-02T04:00:00-05:00", 1_704_186_000_000_000_000)]
    [InlineData("20240102", 1_704_153_600_000_000_000)]
    public void Times_read_in_every_common_form(string text, long expectedNs)
    {
        Assert.True(TextValues.TryParseTime(text, out var ns));
        Assert.Equal(expectedNs, ns);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("12")]
    [InlineData("2024-02-30")]
    public void Non_times_are_refused(string text) => Assert.False(TextValues.TryParseTime(text, out _));

    [Fact]
    public void A_mixed_csv_reads_trades_and_quotes_and_reports_what_it_cannot_read()
    {
        const string csv = """
            ts_event,symbol,type,price,size,side,bid,bid_size,ask,ask_size,seq
            2024-01-02T14:30:00.000Z,AAPL,quote,,,,185.10,300,185.12,200,1
            2024-01-02T14:30:00.010Z,AAPL,trade,185.12,100,B,,,,,2
            2024-01-02T14:30:00.020Z,AAPL,trade,185.10,50,sell,,,,,3
            2024-01-02T14:30:00.030Z,AAPL,trade,abc,50,sell,,,,,4
            not-a-time,AAPL,trade,185.10,50,sell,,,,,5
            2024-01-02T14:30:00.040Z,AAPL,trade,185.10,50,sideways,,,,,6
            2024-01-02T14:30:00.050Z,AAPL,cancel,185.10,50,sell,,,,,7
            2024-01-02T14:30:00.060Z,MSFT,trade,370.5,10,N,,,,,1
            """;

        var import = TickFileReader.Read(new StringReader(csv));

        Assert.Equal("trades+quotes", import.Layout);
        Assert.Equal(8, import.Rows);
        Assert.Equal([2, 3, 4, 9], import.Ticks.Select(t => t.Line));
        Assert.Equal(Tick.Quote("AAPL", 1_704_205_800_000_000_000, 1, 185.10, 300, 185.12, 200), import.Ticks[0].Tick);
        Assert.Equal(Tick.Trade("AAPL", 1_704_205_800_010_000_000, 2, 185.12, 100, AggressorSide.Buyer), import.Ticks[1].Tick);
        Assert.Equal(AggressorSide.Seller, import.Ticks[2].Tick.Aggressor);
        Assert.Equal(AggressorSide.None, import.Ticks[3].Tick.Aggressor);
        Assert.Equal([(5, "price"), (6, "ts_event"), (7, "side"), (8, "type")], import.Errors.Select(e => (e.Line, e.Field)));
        Assert.Equal(3, import.Trades);
        Assert.Equal(1, import.Quotes);
    }

    [Fact]
    public void Validation_predicts_the_pipeline_refusals_line_by_line()
    {
        const string csv = """
            timestamp,symbol,bid,bid_size,ask,ask_size
            1704205800000,AAPL,185.10,300,185.12,200
            1704205800100,AAPL,185.13,300,185.12,200
            1704205800150,AAPL,185.10,300,185.12,200
            1704205800050,AAPL,185.10,300,185.12,200
            1704205800200,AAPL,185.10,300,185.12,200
            1704205800200,AAPL,185.10,300,185.12,200
            1704205800300,ZZZZ,185.10,300,185.12,200
            1704205800400,AAPL,185.10,0,185.12,200
            """;

        var import = TickFileReader.Read(new StringReader(csv));
        Assert.Empty(import.Errors);
        Assert.Equal(8, import.Ticks.Count);

        var refused = TickFileReader.Validate(import.Ticks, Known.Contains);

        // A refused tick does not become its instrument's last: line 4 is compared with line 2, not with line 3.
        Assert.Equal([(3, "bid"), (5, "time"), (7, "row"), (8, "symbol"), (9, "bid")], refused.Select(e => (e.Line, e.Field)));
        Assert.Contains("crossed", refused[0].Problem);
        Assert.Contains("earlier", refused[1].Problem);
        Assert.Contains("duplicate", refused[2].Problem);
        Assert.Contains("ZZZZ", refused[3].Problem);
        Assert.Contains("size", refused[4].Problem);
    }

    [Fact]
    public async Task A_binance_style_parquet_file_maps_buyer_maker_to_the_seller_aggressor()
    {
        // Binance trade dumps: id, price, qty, time (ms), is_buyer_maker — the buyer resting means the seller hit it.
        var parquet = await ParquetTestFile.WriteAsync(
            ("id", new long[] { 101, 102, 103 }),
            ("price", new[] { 42_000.5, 42_001.0, 42_000.0 }),
            ("qty", new[] { 0.010, 0.250, 0.003 }),
            ("time", new[] { 1_704_205_800_000L, 1_704_205_800_005L, 1_704_205_800_009L }),
            ("is_buyer_maker", new[] { true, false, true }));

        var import = TickFileReader.Read(await RowSource.OpenAsync(parquet), symbol: "BTC-USD");

        Assert.Equal("parquet trades", import.Layout);
        Assert.Empty(import.Errors);
        Assert.Equal([AggressorSide.Seller, AggressorSide.Buyer, AggressorSide.Seller], import.Ticks.Select(t => t.Tick.Aggressor));
        Assert.Equal(["101", "102", "103"], import.Ticks.Select(t => t.Tick.TradeId));
        Assert.Equal(1_704_205_800_005_000_000, import.Ticks[1].Tick.TsNs);
        Assert.All(import.Ticks, t => Assert.Equal("BTC-USD", t.Tick.Symbol));
    }

    [Fact]
    public void A_file_without_time_or_prices_is_refused_at_its_header()
    {
        var import = TickFileReader.Read(new StringReader("foo,bar\n1,2\n"), "AAPL");
        Assert.Empty(import.Ticks);
        Assert.Equal(["time", "header"], import.Errors.Select(e => e.Field));
    }
}
