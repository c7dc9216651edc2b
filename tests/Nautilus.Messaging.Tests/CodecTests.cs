using System.Buffers;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Messaging.Tests;

public class CodecTests
{
    [Fact]
    public void A_batch_of_envelopes_round_trips_with_its_payloads()
    {
        var price = Messages.Price("AAPL", 3);
        var envelope = new Envelope(Guid.CreateVersion7(), MessageType.PriceUpdate, "marketdata-engine", new UnixNanos(1_700_000_000_123_456_789),
            Guid.NewGuid(), "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", MessagePriority.High, 1, "AAPL",
            MessageCodec.EncodePayload(price));

        var decoded = Assert.Single(MessageCodec.DecodeBatch(MessageCodec.EncodeBatch([envelope])));

        Assert.Equal(envelope with { Payload = [] }, decoded with { Payload = [] });
        Assert.Equal(price, MessageCodec.DecodePayload<PriceUpdate>(decoded));
    }

    [Fact]
    public void Garbage_is_a_malformed_message_not_a_crash() =>
        Assert.Throws<MalformedMessageException>(() => MessageCodec.DecodeBatch(new byte[] { 0x93, 0x01 }));

    [Fact]
    public void A_two_hundred_byte_payload_stays_compact()
    {
        var alert = Messages.Alert(1);
        Assert.InRange(MessageCodec.EncodePayload(alert).Length, 60, 200);
    }

    public static TheoryData<MarketDataEvent> EventsOfEveryKind => new()
    {
        MarketDataSamples.Trade("AAPL", 7),
        MarketDataSamples.Quote("MSFT", 8),
        MarketDataSamples.Book("A-SYMBOL-LONGER-THAN-MOST.WITH.DOTS", 0),
        MarketDataSamples.Bar("X", 4),
        MarketDataSamples.Delta("BTC-USD", 9),
    };

    [Theory]
    [MemberData(nameof(EventsOfEveryKind))]
    public void The_kind_of_an_encoded_market_data_event_is_read_without_decoding_it(MarketDataEvent message)
    {
        var bytes = MessageCodec.EncodePayload(message);
        var decoded = MessageCodec.DecodePayload<MarketDataEvent>(new Envelope(Guid.Empty, MessageType.MarketData, "test", UnixNanos.Epoch,
            Guid.Empty, null, MessagePriority.Normal, 1, message.PartitionKey, bytes));

        Assert.Equal(message.Kind, MarketDataEvent.PeekKind(bytes));
        Assert.IsType(message.Data.GetType(), decoded.Data);
        // Whole and exact, book levels included (a record compares its lists by reference, JSON by content).
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(message), System.Text.Json.JsonSerializer.Serialize(decoded));
    }

    [Fact]
    public void Bytes_that_are_not_a_market_data_event_have_no_kind()
    {
        var bar = MessageCodec.EncodePayload(MarketDataSamples.Bar("AAPL", 4));
        Assert.Null(MarketDataEvent.PeekKind([]));
        Assert.Null(MarketDataEvent.PeekKind(bar.AsSpan(0, 5))); // cut inside the sequence number
        Assert.Null(MarketDataEvent.PeekKind([0x93, 0x01]));
        var badKind = (byte[])bar.Clone();
        badKind[1 + sizeof(long)] = 99; // member-count header, the sequence number, then the data's union tag
        Assert.Null(MarketDataEvent.PeekKind(badKind));
    }

    [Fact]
    public void A_batch_encoded_after_a_header_of_the_callers_reads_back_from_behind_it()
    {
        var envelopes = Enumerable.Range(1, 3).Select(i => new Envelope(EnvelopeIds.Next(i), MessageType.RiskAlert, "test", new UnixNanos(i), Guid.Empty, null,
            MessagePriority.Normal, 1, $"pf-{i}", [(byte)i])).ToArray();
        var writer = new ArrayBufferWriter<byte>();
        writer.Write("HEADER"u8);
        MessageCodec.EncodeBatch(writer, envelopes.ToList());

        Assert.True(writer.WrittenSpan.StartsWith("HEADER"u8));
        Assert.Equal(MessageCodec.EncodeBatch(envelopes), writer.WrittenSpan[6..].ToArray());
        Assert.Equal(envelopes.Select(e => e.Key), MessageCodec.DecodeBatch(writer.WrittenSpan[6..]).Select(e => e.Key));
    }

    [Fact]
    public void Unix_nanos_round_trip_at_tick_precision()
    {
        var time = new DateTimeOffset(2026, 11, 25, 22, 3, 47, TimeSpan.Zero).AddTicks(1234567);
        Assert.Equal(time, new UnixNanos(UnixNanos.From(time).Value).ToDateTimeOffset());
        Assert.Equal(0, UnixNanos.From(DateTimeOffset.UnixEpoch).Value);
    }
}

public class EnvelopeIdTests
{
    [Fact]
    public void Ids_are_unique_version_7_and_sort_by_time()
    {
        var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = Enumerable.Range(0, 100_000).Select(_ => EnvelopeIds.Next(ms)).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.All(ids.Take(10), id => Assert.Equal(7, id.Version));
        Assert.All(ids.Take(10), id => Assert.Equal(0b10, id.Variant >> 2));
        var earlier = EnvelopeIds.Next(ms);
        var later = EnvelopeIds.Next(ms + 1);
        Assert.True(string.CompareOrdinal(later.ToString(), earlier.ToString()) > 0);
        Assert.Equal(ms, DateTimeOffset.FromUnixTimeMilliseconds(ms).ToUnixTimeMilliseconds());
        Assert.StartsWith(ms.ToString("x12")[..8], earlier.ToString("N"));
    }
}

public class LatencyHistogramTests
{
    [Fact]
    public void Quantiles_of_a_uniform_sample_land_within_one_bucket()
    {
        var histogram = new LatencyHistogram();
        for (var us = 1; us <= 10_000; us++)
        {
            histogram.Record(us);
        }
        Assert.InRange(histogram.Quantile(0.5), 5_000, 5_000 * 1.1);
        Assert.InRange(histogram.Quantile(0.99), 9_900, 9_900 * 1.1);
        Assert.Equal(10_000, histogram.Count);
    }

    [Fact]
    public void An_empty_histogram_has_no_quantiles() => Assert.True(double.IsNaN(new LatencyHistogram().Quantile(0.99)));

    [Fact]
    public void Recent_ids_forget_the_oldest_beyond_capacity()
    {
        var recent = new RecentIds(2);
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        Assert.True(recent.Add(a));
        Assert.False(recent.Add(a));
        Assert.True(recent.Add(b));
        Assert.True(recent.Add(c));
        Assert.True(recent.Add(a));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1_000)]
    [InlineData(20_000)]
    public void Recent_ids_answer_as_a_set_with_an_eviction_queue_would(int capacity)
    {
        // Reference model: the obvious HashSet + queue. Ids drawn from a small pool so repeats, evictions and
        // re-admissions all happen, and sequential ids (as EnvelopeIds makes them) probe into each other's runs.
        var recent = new RecentIds(capacity);
        var set = new HashSet<Guid>();
        var order = new Queue<Guid>();
        var random = new Random(42);
        var pool = Enumerable.Range(0, capacity * 3 + 2).Select(i => i % 2 == 0 ? EnvelopeIds.Next(1) : Guid.NewGuid()).ToArray();
        for (var step = 0; step < 50_000; step++)
        {
            var id = pool[random.Next(pool.Length)];
            var expected = set.Add(id);
            if (expected)
            {
                order.Enqueue(id);
                if (order.Count > capacity)
                {
                    set.Remove(order.Dequeue());
                }
            }
            Assert.Equal(expected, recent.Add(id));
        }
    }
}
