using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Nautilus.Contracts;
using Nautilus.Features.Engine.Handlers;
using Nautilus.Features.Engine.Streaming;
using Nautilus.MarketData.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Platform;
using Nautilus.Testing;

namespace Nautilus.UnitTests.Features;

/// <summary>The Features engine's MARKET_DATA handler, without Redis: a recording publisher and a history service that has nothing.</summary>
public class MarketDataHandlerTests
{
    private sealed class RecordingPublisher : IMessagePublisher
    {
        public List<object> Published { get; } = [];

        public ValueTask PublishAsync<T>(T message, PublishOptions? options = null, CancellationToken cancellationToken = default)
            where T : IMessage
        {
            Published.Add(message);
            return ValueTask.CompletedTask;
        }

        public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class NoHistory : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("{}") });
    }

    private static Envelope EnvelopeOf(MarketDataEvent message) => new(Guid.CreateVersion7(), MessageType.MarketData, "test",
        UnixNanos.Epoch, Guid.Empty, null, MessagePriority.Normal, 1, message.PartitionKey, MessageCodec.EncodePayload(message));

    [Fact]
    public async Task Closed_bars_feed_the_streams_and_publish_features_while_ticks_are_passed_over_undecoded()
    {
        var publisher = new RecordingPublisher();
        var history = new MarketDataClient(new HttpClient(new NoHistory()) { BaseAddress = new Uri("http://marketdata-engine") });
        var streams = new FeatureStreams(publisher, history, NullLogger<FeatureStreams>.Instance);
        IMessageHandler<MarketDataEvent> handler = new MarketDataHandler(streams);

        Assert.False(handler.Wants(EnvelopeOf(MarketDataSamples.Trade("AAPL", 1))));
        Assert.False(handler.Wants(EnvelopeOf(MarketDataSamples.Quote("AAPL", 1))));
        Assert.True(handler.Wants(EnvelopeOf(MarketDataSamples.Bar("AAPL", 1))));
        Assert.True(handler.Wants(EnvelopeOf(MarketDataSamples.Bar("AAPL", 1)) with { Payload = [0x01] })); // unreadable: decoded, dead-lettered

        for (var i = 1; i <= 3; i++)
        {
            var bar = MarketDataSamples.Bar("AAPL", i * 1_000_000_000L); // one-second bars, one a second
            var context = new MessageContext(EnvelopeOf(bar), Redelivered: false, Attempt: 1);
            await handler.HandleAsync(bar, context, CancellationToken.None);
            await handler.HandleAsync(bar, context, CancellationToken.None); // redelivered: ignored
        }

        await handler.HandleAsync(MarketDataSamples.Trade("AAPL", 9), default, CancellationToken.None);

        var latest = streams.LatestOf("AAPL", 1)!;
        Assert.Equal(3, latest.Bars);
        var update = Assert.IsType<FeatureUpdate>(publisher.Published[^1]);
        Assert.Equal(InstrumentId.Parse("AAPL.NASDAQ"), update.BarType.InstrumentId);
        Assert.Equal(new UnixNanos(3_000_000_000L) + TimeSpan.FromSeconds(1), update.TsEvent); // the bar's close
        Assert.Contains("logret", update.Values.Keys);
    }
}
