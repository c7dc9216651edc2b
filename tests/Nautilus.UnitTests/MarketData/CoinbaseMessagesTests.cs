using System.Text;
using Nautilus.Contracts;
using Nautilus.MarketData.Domain.Books;
using Nautilus.MarketData.Domain.Venues;
using Nautilus.Model;

namespace Nautilus.UnitTests.MarketData;

public sealed class CoinbaseMessagesTests
{
    private static CoinbaseMessage? Parse(string json) => CoinbaseMessages.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void Every_recorded_frame_reads_as_its_type()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "TestData", "coinbase-btc-usd-session1.jsonl"));
        var messages = lines.Select(Parse).ToArray();
        Assert.IsType<CoinbaseBookSnapshot>(messages[0]);
        Assert.Equal(15, ((CoinbaseBookSnapshot)messages[0]!).Bids.Length);
        Assert.Equal(23, messages.OfType<CoinbaseTrade>().Count());
        Assert.Equal(3, messages.OfType<CoinbaseHeartbeat>().Count());
        Assert.Equal(lines.Length, messages.Count(m => m is not null));
    }

    [Fact]
    public void A_match_names_the_maker_side_so_the_aggressor_is_the_other()
    {
        // Coinbase Exchange feed docs: "The side field indicates the maker order side."
        var lifted = Assert.IsType<CoinbaseTrade>(Parse("""
            {"type":"match","trade_id":10,"sequence":50,"maker_order_id":"a","taker_order_id":"b","time":"2014-11-07T08:19:27.028459Z",
             "product_id":"BTC-USD","size":"5.23512","price":"400.23","side":"sell"}
            """));
        Assert.Equal(new CoinbaseTrade("BTC-USD", 10, 50, 1_415_348_367_028_459_000, 400.23, 5.23512, AggressorSide.Buyer), lifted);
        var hit = Assert.IsType<CoinbaseTrade>(Parse("""{"type":"last_match","trade_id":11,"time":"2014-11-07T08:19:28Z","product_id":"BTC-USD","size":"1","price":"400","side":"buy"}"""));
        Assert.Equal(AggressorSide.Seller, hit.Aggressor);
    }

    [Fact]
    public void Book_changes_and_subscriptions_read_and_unknown_types_are_skipped()
    {
        var update = Assert.IsType<CoinbaseBookUpdate>(Parse("""
            {"type":"l2update","product_id":"BTC-USD","time":"2019-08-14T20:42:27.265Z","changes":[["buy","10101.80000000","0.162567"],["sell","10102.1","0"]]}
            """));
        Assert.Equal([(true, 10101.8, 0.162567), (false, 10102.1, 0.0)], update.Changes);
        var subscriptions = Assert.IsType<CoinbaseSubscriptions>(Parse("""{"type":"subscriptions","channels":[{"name":"matches","product_ids":["BTC-USD","ETH-USD"]}]}"""));
        Assert.Equal("matches", subscriptions.Channels[0].Channel);
        Assert.Null(Parse("""{"type":"ticker","product_id":"BTC-USD"}"""));
        Assert.Equal(new CoinbaseError("Failed to subscribe", "ZZZ-USD is not a valid product"),
            Parse("""{"type":"error","message":"Failed to subscribe","reason":"ZZZ-USD is not a valid product"}"""));
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":"match","trade_id":1,"time":"2024-01-01T00:00:00Z","product_id":"BTC-USD","size":"x","price":"1","side":"buy"}""")]
    [InlineData("""{"type":"l2update","product_id":"BTC-USD","time":"2024-01-01T00:00:00Z","changes":[["up","1","1"]]}""")]
    [InlineData("""{"type":"heartbeat","product_id":"BTC-USD","time":"yesterday","last_trade_id":1}""")]
    public void Malformed_frames_throw_a_format_error(string frame) => Assert.Throws<FormatException>(() => Parse(frame));

    [Fact]
    public void The_subscribe_message_asks_for_public_channels()
    {
        Assert.Equal("""{"type":"subscribe","product_ids":["BTC-USD"],"channels":["level2_batch","matches","heartbeat"]}""",
            CoinbaseMessages.Subscribe(["BTC-USD"]));
    }
}

public sealed class L2BookTests
{
    [Fact]
    public void A_book_keeps_levels_best_first_and_a_zero_size_removes_a_level()
    {
        var book = new L2Book();
        Assert.False(book.HasSnapshot);
        Assert.False(book.TryTop(out _, out _, out _, out _));

        book.Reset([(99.5, 1), (100, 2), (99, 3)], [(101, 4), (100.5, 5)]);
        Assert.True(book.TryTop(out var bid, out var bidSize, out var ask, out var askSize));
        Assert.Equal((100.0, 2.0, 100.5, 5.0), (bid, bidSize, ask, askSize));

        book.Apply(bid: true, 100, 0);     // the best bid is gone
        book.Apply(bid: false, 100.25, 1); // a better offer
        book.Apply(bid: true, 99, 7);      // a size changes
        var (bp, bs, ap, @as) = book.Levels(2);
        Assert.Equal([99.5, 99.0], bp);
        Assert.Equal([1.0, 7.0], bs);
        Assert.Equal([100.25, 100.5], ap);
        Assert.Equal([1.0, 5.0], @as);

        book.Clear();
        Assert.False(book.HasSnapshot);
        Assert.Equal(0, book.BidLevels);
    }
}
