using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Nautilus.MarketData.Contracts;
using Nautilus.Model;
using Nautilus.Platform;

namespace Nautilus.Web.Market;

/// <summary>
/// The UI's one connection to the streaming gateway (WebSocket engine): subscribes to MARKET_DATA and PRICE_UPDATE of
/// every instrument as a throttled view (the newest quote, trade and book of each instrument ten times a second, every
/// bar — a screen cannot show 100,000 ticks a second, and parsing them cost the UI and the gateway a tenth of the
/// machine), keeps a <see cref="SymbolView"/> per instrument, reconnects when the gateway goes away. Pages
/// read the views and re-render on <see cref="Version"/> changes; chart history before the connection comes from
/// the MarketData engine's stored bars.
/// </summary>
public sealed class MarketStream(IConfiguration configuration, IHttpClientFactory httpClients, ILogger<MarketStream> logger) : BackgroundService
{
    /// <summary>The named HttpClient of the MarketData engine (service discovery).</summary>
    public const string MarketDataHttp = "marketdata";
    public const int ChartIntervalSeconds = 1;
    public const int ThrottleMs = 100;
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
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or InvalidOperationException or JsonException or IOException)
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
        var address = configuration["services:websocket-engine:http:0"]
            ?? throw new InvalidOperationException("The WebSocket engine's address is not configured (services:websocket-engine:http:0).");
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Api-Key", configuration["Nautilus:WebSocket:ApiKey"] ?? "");
        await socket.ConnectAsync(new Uri(address.Replace("http", "ws", StringComparison.Ordinal).TrimEnd('/') + "/ws"), ct);
        await socket.SendAsync(Encoding.UTF8.GetBytes($$"""{"op":"subscribe","topics":["MARKET_DATA:*","PRICE_UPDATE:*"],"throttleMs":{{ThrottleMs}}}"""),
            WebSocketMessageType.Text, true, ct);
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

    private void Apply(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        using var json = JsonDocument.ParseValue(ref reader);
        var root = json.RootElement;
        if (root.GetProperty("op").GetString() is not ("update" or "snapshot"))
        {
            return;
        }

        var data = root.GetProperty("data");
        var symbol = root.GetProperty("key").GetString()!;
        var view = _views.GetOrAdd(symbol, s =>
        {
            var created = new SymbolView(s);
            _ = LoadHistoryAsync(created);
            return created;
        });
        switch (root.GetProperty("type").GetString())
        {
            case "PRICE_UPDATE":
                break;
            case "MARKET_DATA":
                // { seq, kind, data: { type: trade|quote|book|bar|bookDelta, instrumentId, ..., tsEvent (ns) } }
                var item = data.GetProperty("data");
                var ts = DateTimeOffset.FromUnixTimeMilliseconds(item.GetProperty("tsEvent").GetInt64() / 1_000_000);
                switch (item.GetProperty("type").GetString())
                {
                    case "quote":
                        view.OnQuote(item.GetProperty("bidPrice").GetDouble(), item.GetProperty("bidSize").GetDouble(),
                            item.GetProperty("askPrice").GetDouble(), item.GetProperty("askSize").GetDouble(), ts);
                        break;
                    case "trade":
                        view.OnTrade(item.GetProperty("price").GetDouble(), ts);
                        break;
                    case "book":
                        view.OnBook(Levels(item.GetProperty("bids")), Levels(item.GetProperty("asks")));
                        break;
                    case "bar":
                        if (item.Deserialize<Bar>(JsonSerializerOptions.Web) is { } bar && bar.BarType.IntervalSeconds == ChartIntervalSeconds)
                        {
                            view.OnBarTrades(bar.TradeCount);
                            view.OnBar(bar);
                        }

                        break;
                }

                break;
        }

        Interlocked.Increment(ref _version);
    }

    private static LadderLevel[] Levels(JsonElement side) =>
        side.EnumerateArray().Select(l => new LadderLevel(l.GetProperty("price").GetDouble(), l.GetProperty("size").GetDouble())).ToArray();

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
