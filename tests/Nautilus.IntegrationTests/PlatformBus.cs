using Microsoft.Extensions.DependencyInjection;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Platform;
using StackExchange.Redis;

namespace Nautilus.IntegrationTests;

/// <summary>
/// The running platform's buses as an engine not yet built would use them: the tests publish what the Execution and
/// Portfolio engines will (positions, valuations, order requests) with the platform's own publisher, and read back what the
/// engines published from the streams.
/// </summary>
public sealed class PlatformBus : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _marketData;
    private readonly ConnectionMultiplexer _logic;
    private readonly ServiceProvider _services;

    private PlatformBus(ConnectionMultiplexer marketData, ConnectionMultiplexer logic)
    {
        (_marketData, _logic) = (marketData, logic);
        _services = StandaloneMessaging.Build(new Dictionary<Bus, IConnectionMultiplexer>
        {
            [Bus.MarketData] = marketData,
            [Bus.EngineLogic] = logic,
        }, new BusOptions { Source = "integration-tests" });
    }

    public static async Task<PlatformBus> ConnectAsync(PlatformFixture platform)
    {
        var marketData = await ConnectionMultiplexer.ConnectAsync(
            await platform.App.GetConnectionStringAsync(BusNames.MarketData) ?? throw new InvalidOperationException("no marketdata-bus"));
        var logic = await ConnectionMultiplexer.ConnectAsync(
            await platform.App.GetConnectionStringAsync(BusNames.EngineLogic) ?? throw new InvalidOperationException("no " +
                "engine-logic-bus"));
        return new PlatformBus(marketData, logic);
    }

    /// <summary>Publishes and waits until the messages are on their streams.</summary>
    public async Task PublishAsync<T>(params T[] messages) where T : IMessage
    {
        var publisher = _services.GetRequiredService<IMessagePublisher>();
        foreach (var message in messages)
        {
            await publisher.PublishAsync(message);
        }

        await publisher.FlushAsync();
    }

    /// <summary>Every <typeparamref name="T"/> on its stream that <paramref name="match"/> accepts, oldest first.</summary>
    public async Task<IReadOnlyList<T>> ReadAsync<T>(Func<T, bool> match) where T : IMessage
    {
        var bus = MessageRouting.BusOf(T.Type) == Bus.MarketData ? _marketData : _logic;
        var entries = await bus.GetDatabase().StreamRangeAsync(StreamNames.Of(T.Type));
        return entries.SelectMany(e => MessageCodec.DecodeBatch((byte[])e[StreamNames.EntryField]!))
            .Where(e => e.Type == T.Type)
            .Select(MessageCodec.DecodePayload<T>)
            .Where(match)
            .ToArray();
    }

    /// <summary>Every <typeparamref name="T"/> that <paramref name="match"/> accepts with the time it was published, oldest
    /// first.</summary>
    public async Task<IReadOnlyList<(UnixNanos Published, T Message)>> ReadPublishedAsync<T>(Func<T, bool> match) where T : IMessage
    {
        var bus = MessageRouting.BusOf(T.Type) == Bus.MarketData ? _marketData : _logic;
        var entries = await bus.GetDatabase().StreamRangeAsync(StreamNames.Of(T.Type));
        return entries.SelectMany(e => MessageCodec.DecodeBatch((byte[])e[StreamNames.EntryField]!))
            .Where(e => e.Type == T.Type)
            .Select(e => (e.Timestamp, MessageCodec.DecodePayload<T>(e)))
            .Where(x => match(x.Item2))
            .ToArray();
    }

    /// <summary>The first matching message, waited for up to <paramref name="within"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<T, bool> match, TimeSpan within, string what) where T : IMessage
    {
        T? found = default;
        await Eventually.TrueAsync(async () => (found = (await ReadAsync(match)).FirstOrDefault()) is not null, within, what);
        return found!;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _marketData.DisposeAsync();
        await _logic.DisposeAsync();
    }
}
