using Microsoft.Extensions.Logging.Abstractions;
using Nautilus.Contracts;
using Nautilus.Model;
using Nautilus.Platform;
using Nautilus.WebSocket.Engine.Gateway;
using StackExchange.Redis;

namespace Nautilus.Messaging.Tests;

/// <summary>
/// The WebSocket gateway's backplane between replicas on a real redis-server: a replica alone publishes nothing,
/// replicas find each other and each gets what the other consumed, and one left alone again stops publishing.
/// </summary>
public sealed class BackplaneTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);
    private RedisServer _server = null!;

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private static Envelope Quote(string instrument, long publishedNs) =>
        new(EnvelopeIds.Next(0), MessageType.MarketData, "test", new UnixNanos(publishedNs), Guid.Empty, null, MessagePriority.Normal, 1, instrument,
            MessageCodec.EncodePayload(MarketDataSamples.Quote(instrument, publishedNs)));

    /// <summary>One gateway replica: its own Redis connection (as a process of its own has), hub and fan-out.</summary>
    private sealed class Replica : IAsyncDisposable
    {
        private ConnectionMultiplexer _redis = null!;
        private bool _stopped;

        public GatewayHub Hub { get; } = new();

        public GatewayMetrics Metrics { get; } = new();

        public BusFanOut FanOut { get; private set; } = null!;

        public static async Task<Replica> StartAsync(RedisServer server)
        {
            var replica = new Replica { _redis = await server.ConnectAsync() };
            replica.FanOut = new BusFanOut(replica.Hub, replica.Metrics, replica._redis, NullLogger<BusFanOut>.Instance);
            await replica.FanOut.StartAsync(CancellationToken.None);
            return replica;
        }

        public ValueTask ConsumeAsync(Envelope envelope) => FanOut.OnEnvelopeAsync(envelope, new MessageContext(envelope, false, 1), CancellationToken.None);

        /// <summary>Whether the hub dispatched this message (the latest of its topic).</summary>
        public bool Dispatched(Envelope envelope) =>
            Hub.Snapshot([$"MARKET_DATA:{envelope.Key}"]).Any(m => m.PublishedNs == envelope.Timestamp.Value);

        public async Task StopAsync()
        {
            if (!_stopped)
            {
                _stopped = true;
                await FanOut.StopAsync(CancellationToken.None);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            Hub.Dispose();
            Metrics.Dispose();
            await _redis.DisposeAsync();
        }
    }

    [Fact]
    public async Task Replicas_share_what_each_consumed_and_a_replica_alone_publishes_nothing()
    {
        await using var a = await Replica.StartAsync(_server);
        var first = Quote("AAPL", 1);
        await a.ConsumeAsync(first);
        await Eventually.TrueAsync(() => a.Dispatched(first), Within, "a replica dispatches what it consumed to its own clients");
        Assert.Equal(0, a.Metrics.BackplanePublished);

        await using var b = await Replica.StartAsync(_server);
        await Eventually.TrueAsync(() => a.Metrics.Replicas == 2 && b.Metrics.Replicas == 2, Within,
            "each replica counts two on the backplane", () => $"a counts {a.Metrics.Replicas}, b {b.Metrics.Replicas}");

        var fromA = Quote("MSFT", 2);
        var fromB = Quote("TSLA", 3);
        await a.ConsumeAsync(fromA);
        await b.ConsumeAsync(fromB);
        await Eventually.TrueAsync(() => a.Dispatched(fromA) && b.Dispatched(fromA) && a.Dispatched(fromB) && b.Dispatched(fromB), Within,
            "each replica's clients get what either replica consumed");
        Assert.True(a.Metrics.BackplanePublished >= 1);
        Assert.False(b.Dispatched(first)); // published before b existed: not replayed

        // b goes away: the next publish reaches a alone, and a stops publishing.
        await b.StopAsync();
        var afterB = Quote("NVDA", 4);
        await a.ConsumeAsync(afterB);
        await Eventually.TrueAsync(() => a.Metrics.Replicas == 1, Within, "a counts itself alone again");
        var published = a.Metrics.BackplanePublished;
        var last = Quote("AMZN", 100);
        for (var i = 0; i < 10; i++)
        {
            await a.ConsumeAsync(Quote("AMZN", 90 + i));
        }

        await a.ConsumeAsync(last);
        await Eventually.TrueAsync(() => a.Dispatched(last), Within, "a keeps dispatching to its own clients");
        Assert.Equal(published, a.Metrics.BackplanePublished);
    }
}
