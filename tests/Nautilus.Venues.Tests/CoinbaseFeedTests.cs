using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Nautilus.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.MarketData.Engine.Feeds;
using Nautilus.Model;

namespace Nautilus.Venues.Tests;

/// <summary>The Coinbase adapter against a real local WebSocket server replaying recorded frames (see TestData/README.md).</summary>
public sealed class CoinbaseFeedTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>The adapter writing into a channel the test drains, as the pipeline would.</summary>
    private sealed class Harness : IAsyncDisposable
    {
        private readonly Channel<FeedItem> _channel = Channel.CreateUnbounded<FeedItem>();
        private readonly Task _drain;
        private readonly List<FeedItem> _items = [];

        public Harness()
        {
            Feed = new CoinbaseFeed(_channel.Writer, NullLogger<CoinbaseFeed>.Instance);
            _drain = Task.Run(async () =>
            {
                await foreach (var item in _channel.Reader.ReadAllAsync())
                {
                    lock (_items)
                    {
                        _items.Add(item);
                    }
                }
            });
        }

        public CoinbaseFeed Feed { get; }

        public FeedItem[] Items
        {
            get
            {
                lock (_items)
                {
                    return [.. _items];
                }
            }
        }

        public Task StartAsync(Uri url, double silenceSeconds = 30) =>
            Feed.StartAsync(JsonSerializer.SerializeToElement(new { url = url.ToString(), products = new[] { "BTC-USD" }, silenceSeconds }), default);

        public async ValueTask DisposeAsync()
        {
            await Feed.StopAsync();
            _channel.Writer.Complete();
            await _drain;
        }
    }

    [Fact]
    public async Task Recorded_frames_become_trades_quotes_and_books_across_a_disconnect_and_a_resubscribe()
    {
        await using var server = await RecordedFrameServer.StartAsync(
            (RecordedFrameServer.ReadSession("coinbase-btc-usd-session1.jsonl"), SessionEnd.Close),
            (RecordedFrameServer.ReadSession("coinbase-btc-usd-session2.jsonl"), SessionEnd.StayOpen));
        await using var harness = new Harness();
        await harness.StartAsync(server.Url);

        // 23 trades in the first session, 15 in the second (its last_match included).
        await Eventually.TrueAsync(() => harness.Feed.Connection.Trades == 38 && harness.Feed.Connection.State == "connected",
            Patience, "both sessions read", () => $"{harness.Feed.Connection}, server connections {server.Connections}");

        var connection = harness.Feed.Connection;
        Assert.Equal(2, connection.Connects);
        Assert.Equal(1, connection.Disconnects);
        Assert.Equal(1, connection.MissedTrades); // 5000024 happened while the connection was down
        Assert.Equal(0, connection.Malformed);
        Assert.Equal(2, server.Subscribes.Count);
        Assert.All(server.Subscribes, s =>
        {
            Assert.Equal("subscribe", s.GetProperty("type").GetString());
            Assert.Equal(["BTC-USD"], s.GetProperty("product_ids").EnumerateArray().Select(p => p.GetString()));
            Assert.Equal(["level2_batch", "matches", "heartbeat"], s.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        });

        var items = harness.Items;
        var trades = items.Where(i => i.Book is null && i.Tick.Kind == TickKind.Trade).Select(i => i.Tick).ToArray();
        Assert.Equal([.. Enumerable.Range(5_000_001, 23).Select(i => (long)i), .. Enumerable.Range(5_000_025, 15).Select(i => (long)i)],
            trades.Select(t => t.Seq));
        // The first match's maker was a buyer ("side":"buy"), so a seller hit the bid.
        Assert.Equal(Tick.Trade("BTC-USD", UnixNanos.From(new DateTime(2024, 1, 10, 15, 0, 0, 101, DateTimeKind.Utc)).Value, 5_000_001,
            45_999.99, 0.1647756, AggressorSide.Seller, "5000001"), trades[0]);
        Assert.Contains(trades, t => t.Aggressor == AggressorSide.Buyer);

        var quotes = items.Where(i => i.Book is null && i.Tick.Kind == TickKind.Quote).Select(i => i.Tick).ToArray();
        var top = quotes[^1];
        Assert.Equal((46_000.00, 0.03999226, 46_000.01, 1.86661122), (top.BidPrice, top.BidSize, top.AskPrice, top.AskSize));

        var books = items.Where(i => i.Book is not null).Select(i => i.Book!).ToArray();
        Assert.True(books.Length >= 2, "a book from each connection's snapshot");
        Assert.All(books, b =>
        {
            Assert.InRange(b.BidPrices.Length, 1, 10);
            Assert.True(b.BidPrices.SequenceEqual(b.BidPrices.OrderDescending()) && b.AskPrices.SequenceEqual(b.AskPrices.Order()));
            Assert.True(b.BidPrices[0] < b.AskPrices[0], "never crossed");
        });
        Assert.Equal(10, books[0].BidPrices.Length); // the 15-level snapshot, cut to 10 levels

        // What the pipeline's validator makes of the whole stream: nothing crossed, out of order or duplicated.
        var validator = new TickValidator(s => s == "BTC-USD");
        Assert.All(items.Where(i => i.Book is null), i => Assert.Null(validator.Validate(i.Tick)));
    }

    [Fact]
    public async Task A_connection_that_drops_without_a_close_is_made_again_and_subscribed_again()
    {
        await using var server = await RecordedFrameServer.StartAsync(
            ([], SessionEnd.Drop),
            (RecordedFrameServer.ReadSession("coinbase-btc-usd-session2.jsonl"), SessionEnd.StayOpen));
        await using var harness = new Harness();
        await harness.StartAsync(server.Url);

        await Eventually.TrueAsync(() => harness.Feed.Connection.Trades == 15 && harness.Feed.Connection.State == "connected",
            Patience, "the second session read", () => $"{harness.Feed.Connection}");
        Assert.Equal((2, 1), (harness.Feed.Connection.Connects, harness.Feed.Connection.Disconnects));
        Assert.Equal(2, server.Subscribes.Count);
        Assert.NotNull(harness.Feed.Connection.LastError);
    }

    [Fact]
    public async Task Malformed_and_unknown_frames_are_skipped_and_counted_and_the_feed_goes_on()
    {
        string[] frames =
        [
            """{"type":"snapshot","product_id":"BTC-USD","bids":[["100.00","1.5"]],"asks":[["100.50","2"]]}""",
            """{not json""",
            """{"type":"status","products":[]}""",
            """{"type":"match","trade_id":1,"side":"sideways","size":"1","price":"100.5","product_id":"BTC-USD","sequence":1,"time":"2024-01-10T15:00:00.000000Z"}""",
            """{"type":"match","trade_id":2,"side":"sell","size":"0.5","price":"100.50","product_id":"BTC-USD","sequence":2,"time":"2024-01-10T15:00:00.100000Z"}""",
            """{"type":"l2update","product_id":"BTC-USD","changes":[["sell","100.50","1.5"]],"time":"2024-01-10T15:00:00.101000Z"}""",
        ];
        await using var server = await RecordedFrameServer.StartAsync((frames, SessionEnd.StayOpen));
        await using var harness = new Harness();
        await harness.StartAsync(server.Url);

        await Eventually.TrueAsync(() => harness.Feed.Connection.Frames == 7, Patience, "all frames read");
        Assert.Equal(2, harness.Feed.Connection.Malformed);
        Assert.Equal(1, harness.Feed.Connection.Trades);
        var trade = Assert.Single(harness.Items, i => i.Book is null && i.Tick.Kind == TickKind.Trade).Tick;
        Assert.Equal((100.50, 0.5, AggressorSide.Buyer), (trade.Price, trade.Size, trade.Aggressor));
        var quote = harness.Items.Last(i => i.Book is null && i.Tick.Kind == TickKind.Quote).Tick;
        Assert.Equal((100.00, 1.5, 100.50, 1.5), (quote.BidPrice, quote.BidSize, quote.AskPrice, quote.AskSize));
    }

    [Fact]
    public async Task A_silent_connection_is_dropped_and_made_again()
    {
        await using var server = await RecordedFrameServer.StartAsync(([], SessionEnd.StayOpen));
        await using var harness = new Harness();
        await harness.StartAsync(server.Url, silenceSeconds: 1);

        await Eventually.TrueAsync(() => server.Connections >= 2 && server.Subscribes.Count >= 2, Patience, "a second connection and subscribe");
        Assert.Contains("no message", harness.Feed.Connection.LastError);
        Assert.Equal(FeedState.Running, harness.Feed.Status.State);
    }

    [Fact]
    public async Task A_venue_that_is_not_there_is_retried_and_settings_are_checked()
    {
        await using var harness = new Harness();
        var refused = await Assert.ThrowsAsync<FeedSettingsException>(() =>
            harness.Feed.StartAsync(JsonSerializer.SerializeToElement(new { url = "http://example.com" }), default));
        Assert.Equal("url", refused.Field);

        // Nothing listens on port 9 of this machine: the feed keeps trying, with back-off, and says why.
        await harness.StartAsync(new Uri("ws://127.0.0.1:9/"));
        await Eventually.TrueAsync(() => harness.Feed.Connection.Disconnects >= 2 && harness.Feed.Connection.LastError is not null,
            Patience, "reconnect attempts");
        Assert.Equal(FeedState.Running, harness.Feed.Status.State);
        await harness.Feed.StopAsync();
        Assert.Equal(FeedState.Stopped, harness.Feed.Status.State);
        Assert.Equal("stopped", harness.Feed.Connection.State);
    }
}
