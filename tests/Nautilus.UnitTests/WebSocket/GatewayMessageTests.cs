using System.Text;
using System.Text.Json;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Platform;
using Nautilus.Testing;
using Nautilus.WebSocket.Engine.Gateway;

namespace Nautilus.UnitTests.WebSocket;

public class GatewayMessageTests
{
    [Fact]
    public void A_message_nobody_reads_is_never_rendered_and_one_that_is_read_renders_once()
    {
        var renders = 0;
        var message = new GatewayMessage("MARKET_DATA", "AAPL", 42, () =>
        {
            renders++;
            return new GatewayPayload("AAPL:Quote", "AAPL:Quote", () => """{"price":187.5}""");
        });
        Assert.Equal("MARKET_DATA:AAPL", message.Topic);
        Assert.Equal("MARKET_DATA:*", message.WildcardTopic);
        Assert.Equal(0, renders);

        using var frame = JsonDocument.Parse(Encoding.UTF8.GetString(message.Frame.Span));
        Assert.Equal("update", frame.RootElement.GetProperty("op").GetString());
        Assert.Equal("MARKET_DATA:AAPL", frame.RootElement.GetProperty("topic").GetString());
        Assert.Equal(42, frame.RootElement.GetProperty("publishedNs").GetInt64());
        Assert.Equal(187.5, frame.RootElement.GetProperty("data").GetProperty("price").GetDouble());
        Assert.Equal("MARKET_DATA:AAPL:Quote", message.Slot);
        Assert.Equal("MARKET_DATA:AAPL:Quote", message.SampleSlot);
        Assert.Contains("\"op\":\"snapshot\"", Encoding.UTF8.GetString(message.SnapshotFrame!));
        Assert.Equal(1, renders);
    }

    [Fact]
    public void Placing_a_message_in_an_outbox_decodes_it_but_only_sending_it_writes_json()
    {
        var writes = 0;
        var message = new GatewayMessage("MARKET_DATA", "AAPL", 1, () => new GatewayPayload(null, "AAPL:Trade", () =>
        {
            writes++;
            return """{"price":187.5}""";
        }));

        Assert.True(message.Readable);
        Assert.Null(message.Slot);
        Assert.Equal("MARKET_DATA:AAPL:Trade", message.SampleSlot);
        Assert.Equal(0, writes);
        Assert.False(message.Frame.IsEmpty);
        Assert.False(message.Frame.IsEmpty);
        Assert.Equal(1, writes);
    }

    [Fact]
    public void A_payload_that_cannot_be_decoded_makes_the_message_unreadable_instead_of_failing_the_shard()
    {
        var message = new GatewayMessage("RISK_ALERT", "pf-1", 1, () => throw new MalformedMessageException("truncated"));
        Assert.False(message.Readable);
        Assert.True(message.Frame.IsEmpty);
        Assert.Null(message.SnapshotFrame);
    }

    private static Envelope MarketData(MarketDataEvent e) => new(EnvelopeIds.Next(0), MessageType.MarketData, "test", new UnixNanos(42),
        Guid.Empty, null, MessagePriority.Normal, 1, e.PartitionKey, MessageCodec.EncodePayload(e));

    [Fact]
    public void Market_data_is_placed_by_its_kind_and_instrument_and_written_with_every_field()
    {
        var quoteEvent = MarketDataSamples.Quote("AAPL", 1, bid: 187.4m, ask: 187.5m);
        var quote = BusFanOut.ToMessage(MarketData(quoteEvent))!;
        var trade = BusFanOut.ToMessage(MarketData(MarketDataSamples.Trade("AAPL", 2)))!;
        var bar = BusFanOut.ToMessage(MarketData(MarketDataSamples.Bar("AAPL", 3)))!;

        // The same keys MarketDataEvent.ConflationKey gives: quotes conflate, trade prints only sample, bars never.
        Assert.Equal("MARKET_DATA:AAPL:Quote", quote.Slot);
        Assert.Equal($"MARKET_DATA:{quoteEvent.ConflationKey}", quote.Slot); // read from the bytes, as the event says
        Assert.Equal(quote.Slot, quote.SampleSlot);
        Assert.Null(trade.Slot);
        Assert.Equal("MARKET_DATA:AAPL:Trade", trade.SampleSlot);
        Assert.Null(bar.Slot);
        Assert.Null(bar.SampleSlot);
        Assert.Same(quote.Topic, trade.Topic); // one string per topic, shared by its messages

        using var frame = JsonDocument.Parse(Encoding.UTF8.GetString(quote.Frame.Span));
        var data = frame.RootElement.GetProperty("data");
        Assert.Equal("Quote", data.GetProperty("kind").GetString());
        var item = data.GetProperty("data");
        Assert.Equal("quote", item.GetProperty("type").GetString());
        Assert.Equal("AAPL.NASDAQ", item.GetProperty("instrumentId").GetString());
        Assert.Equal("187.50", item.GetProperty("askPrice").GetRawText()); // at the instrument's precision
        Assert.Equal(1, item.GetProperty("tsEvent").GetInt64());
        Assert.Equal(42, frame.RootElement.GetProperty("publishedNs").GetInt64());
    }

    [Fact]
    public void Market_data_whose_body_is_cut_short_is_placed_but_never_written()
    {
        var whole = MessageCodec.EncodePayload(MarketDataSamples.Quote("AAPL", 1));
        var cut = MarketData(MarketDataSamples.Quote("AAPL", 1)) with { Payload = whole[..16] };

        var message = BusFanOut.ToMessage(cut)!;
        Assert.True(message.Readable);
        Assert.Equal("MARKET_DATA:AAPL:Quote", message.Slot);
        Assert.True(message.Frame.IsEmpty);
        Assert.Null(message.SnapshotFrame);
    }

    [Fact]
    public void Market_data_that_is_not_an_event_at_all_is_unreadable()
    {
        var garbage = MarketData(MarketDataSamples.Quote("AAPL", 1)) with { Payload = [0x01, 0x02] };
        Assert.False(BusFanOut.ToMessage(garbage)!.Readable);
    }

    [Fact]
    public void Keys_are_escaped_in_frames()
    {
        var message = new GatewayMessage("MARKET_DATA", "A\"B", """{}""", null, 0);
        using var frame = JsonDocument.Parse(Encoding.UTF8.GetString(message.Frame.Span));
        Assert.Equal("A\"B", frame.RootElement.GetProperty("key").GetString());
        Assert.Null(message.Slot);
        Assert.Null(message.SampleSlot);
    }
}
