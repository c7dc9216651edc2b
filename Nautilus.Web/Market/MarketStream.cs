using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Nautilus.Contracts;
using Nautilus.MarketData.Contracts;
using Nautilus.Model;
using Nautilus.Platform;
using Nautilus.Web.Health;
using Nautilus.WebSocket.Contracts;

namespace Nautilus.Web.Market;

/// <summary>
/// The UI's one connection to the streaming gateway (WebSocket engine): subscribes to MARKET_DATA of
/// every instrument as a throttled view (the newest quote, trade and book of each instrument ten times a second, every
/// bar — a screen cannot show 100,000 ticks a second, and parsing them cost the UI and the gateway a tenth of the
/// machine), keeps a <see cref="SymbolView"/> per instrument, reconnects when the gateway goes away. Pages
/// read the views and re-render on <see cref="Version"/> changes; chart history before the connection comes from
/// the MarketData engine's stored bars.
/// </summary>
public sealed class MarketStream(IConfiguration configuration, IOptions<GatewayConnectionOptions> options, IHttpClientFactory httpClients,
    ILogger<MarketStream> logger) : BackgroundService
{
    /// <summary>The named HttpClient of the MarketData engine (service discovery).</summary>
    public const string MarketDataHttp = "marketdata";
    public const int ChartIntervalSeconds = 1;
    public const int ThrottleMs = 100;
    private static readonly string MarketDataWire = MessageRouting.WireName(MessageType.MarketData);
    private readonly ConcurrentDictionary<string, SymbolView> _views = new();
    private long _version;

    public IReadOnlyList<SymbolView> Views => [.. _views.Values.OrderBy(v => v.Symbol)];

    public SymbolView? Find(string symbol) => _views.GetValueOrDefault(symbol);

    public long Version => Interlocked.Read(ref _version);

    public bool Connected { get; private set; }

    public string? Error { get; private set; }

    public long Frames { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or InvalidOperationException or JsonException
                                           or IOException)
            {
                Error = ex.Message;
                logger.LogWarning("Streaming gateway connection lost: {Error}", ex.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            Connected = false;
            await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var address = PlatformHealthMonitor.PublicUrl(configuration, EngineCatalog.WebSocket)
            ?? throw new InvalidOperationException(
                $"The WebSocket engine's address is not configured (services:{EngineCatalog.WebSocket.Name}).");
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader(GatewayAccess.ApiKeyHeader, options.Value.ApiKey);
        await socket.ConnectAsync(new Uri(address.Replace("http", "ws", StringComparison.Ordinal).TrimEnd('/') + GatewayAccess.Path), ct);
        var subscribe = new GatewayRequest(GatewayOps.Subscribe, [GatewayTopics.Every(MarketDataWire)], ThrottleMs);
        await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(subscribe, JsonSerializerOptions.Web), WebSocketMessageType.Text, true,
            ct);
        Connected = true;
        Error = null;

        var buffer = new byte[1 << 20];
        while (socket.State == WebSocketState.Open)
        {
            var (length, type, _) = await WebSocketFrames.ReceiveAsync(socket, buffer, ct);
            if (type == WebSocketMessageType.Close)
            {
                return;
            }

            Frames++;
            Apply(buffer.AsSpan(0, length));
        }
    }

    private void Apply(ReadOnlySpan<byte> utf8)
    {
        if (GatewayFrame.Read(utf8) is not { IsMessage: true, Key: { } symbol } frame || frame.Type != MarketDataWire)
        {
            return;
        }

        var view = _views.GetOrAdd(symbol, s =>
        {
            var created = new SymbolView(s);
            _ = LoadHistoryAsync(created);
            return created;
        });
        if (frame.ReadData<MarketDataEvent>()?.Data is not { } data)
        {
            return;
        }

        var ts = data.TsEvent.ToDateTimeOffset();
        switch (data)
        {
            case QuoteTick quote:
                view.OnQuote(quote.BidPrice.AsDouble(), quote.BidSize.AsDouble(), quote.AskPrice.AsDouble(), quote.AskSize.AsDouble(), ts);
                break;
            case TradeTick trade:
                view.OnTrade(trade.Price.AsDouble(), ts);
                break;
            case OrderBookSnapshot book:
                view.OnBook(Levels(book.Bids), Levels(book.Asks));
                break;
            case Bar { BarType.IntervalSeconds: ChartIntervalSeconds } bar:
                view.OnBarTrades(bar.TradeCount);
                view.OnBar(bar);
                break;
        }

        Interlocked.Increment(ref _version);
    }

    private static LadderLevel[] Levels(IReadOnlyList<BookLevel> side) =>
        side.Select(l => new LadderLevel(l.Price.AsDouble(), l.Size.AsDouble())).ToArray();

    /// <summary>The last ten minutes of stored one-second bars, so the chart is not empty when the UI starts.</summary>
    private async Task LoadHistoryAsync(SymbolView view)
    {
        try
        {
            var now = DateTimeOffset.UtcNow;
            var history = new MarketDataClient(httpClients.CreateClient(MarketDataHttp));
            var page = await history.GetBarsAsync(view.Symbol, ChartIntervalSeconds, now.AddMinutes(-10), now);
            foreach (var bar in page.Items)
            {
                view.OnBar(bar);
            }

            Interlocked.Increment(ref _version);
        }
        catch (Exception ex) when (ex is HttpRequestException or MarketDataRequestException or JsonException or TaskCanceledException)
        {
            logger.LogInformation("No chart history for {Symbol}: {Error}", view.Symbol, ex.Message);
        }
    }
}
