using System.Text;
using System.Text.Json;
using Nautilus.Messaging;
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
        Assert.Contains("\"op\":\"snapshot\"", message.SnapshotFrame);
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
