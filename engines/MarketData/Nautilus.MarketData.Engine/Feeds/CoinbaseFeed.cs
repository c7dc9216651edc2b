using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Nautilus.MarketData.Domain.Books;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.MarketData.Domain.Venues;

namespace Nautilus.MarketData.Engine.Feeds;

/// <summary>
/// Where and what to read: the venue's feed URL (a local server replaying recorded frames works the same), the
/// products (each is the instrument of the same symbol), book snapshots a second per product, and how long a silent
/// connection is trusted (heartbeats come every second) before it is dropped and made again.
/// </summary>
public sealed record CoinbaseFeedSettings(
    string Url = CoinbaseMessages.DefaultUrl,
    string[]? Products = null,
    double BookSnapshotsPerSecond = 4,
    double SilenceSeconds = 10);

/// <summary>The connection as /api/feeds shows it.</summary>
public sealed record CoinbaseConnection(
    string State, int Connects, int Disconnects, long Frames, long Trades, long BookUpdates, long MissedTrades, long Malformed, string? LastError);

/// <summary>
/// The live venue adapter for Coinbase Exchange's public market data: subscribes to batched L2, trades and heartbeats;
/// keeps each product's L2 book from its snapshot and changes; hands the pipeline every trade (aggressor from the maker
/// side, sequence = trade id, so a trade sent again after a reconnect is refused as a duplicate), a quote whenever the
/// top of book changes, and 10-level book snapshots. A dropped or silent connection is made again with back-off and
/// subscribed again; the book restarts from the new snapshot; a jump in trade ids is counted as missed trades.
/// </summary>
public sealed class CoinbaseFeed(ChannelWriter<FeedItem> pipeline, ILogger<CoinbaseFeed> logger) : BackgroundFeed(logger)
{
    public const string FeedName = "coinbase";
    private const int MaxFrameBytes = 32 * 1024 * 1024;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    private readonly Dictionary<string, ProductState> _products = [];
    private CoinbaseFeedSettings _settings = new();
    private string _state = "stopped";
    private int _connects;
    private int _disconnects;
    private long _frames;
    private long _trades;
    private long _bookUpdates;
    private long _missedTrades;
    private long _malformed;
    private string? _lastError;

    public override string Name => FeedName;

    protected override string Description => $"Coinbase Exchange public feed ({_settings.Url}): level2_batch, matches, heartbeat";

    protected override object Settings => new
    {
        _settings.Url,
        Products = _settings.Products ?? ["BTC-USD"],
        _settings.BookSnapshotsPerSecond,
        _settings.SilenceSeconds,
        Connection = Connection
    };

    public CoinbaseConnection Connection => new(_state, _connects, _disconnects, Interlocked.Read(ref _frames), Interlocked.Read(ref _trades),
        Interlocked.Read(ref _bookUpdates), Interlocked.Read(ref _missedTrades), Interlocked.Read(ref _malformed), _lastError);

    public override async Task StartAsync(JsonElement? settings, CancellationToken ct)
    {
        var parsed = Parse(settings, new CoinbaseFeedSettings());
        if (!Uri.TryCreate(parsed.Url, UriKind.Absolute, out var url) || url.Scheme is not ("ws" or "wss"))
        {
            throw new FeedSettingsException("url", "a ws:// or wss:// address");
        }

        var products = parsed.Products ?? ["BTC-USD"];
        if (products.Length == 0 || products.Any(p => string.IsNullOrWhiteSpace(p)))
        {
            throw new FeedSettingsException("products", "one or more product ids, e.g. [\"BTC-USD\"]");
        }

        if (parsed.BookSnapshotsPerSecond is <= 0 or > 100 || double.IsNaN(parsed.BookSnapshotsPerSecond))
        {
            throw new FeedSettingsException("bookSnapshotsPerSecond", "between 0 and 100");
        }

        if (parsed.SilenceSeconds is < 1 or > 300 || double.IsNaN(parsed.SilenceSeconds))
        {
            throw new FeedSettingsException("silenceSeconds", "between 1 and 300");
        }

        await StopAsync();
        _settings = parsed with { Products = products };
        _products.Clear();
        _connects = _disconnects = 0;
        _frames = _trades = _bookUpdates = _missedTrades = _malformed = 0;
        _lastError = null;
        await LaunchAsync(token => RunAsync(url, _settings, token));
    }

    private async Task RunAsync(Uri url, CoinbaseFeedSettings settings, CancellationToken ct)
    {
        var backoff = TimeSpan.FromMilliseconds(250);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                _state = "connecting";
                try
                {
                    if (await ReadConnectionAsync(url, settings, ct))
                    {
                        backoff = TimeSpan.FromMilliseconds(250); // it worked for a while: reconnect quickly
                    }
                }
                catch (Exception ex) when (!ct.IsCancellationRequested && ex is WebSocketException or IOException or TimeoutException or OperationCanceledException)
                {
                    _lastError = ex.Message;
                    logger.LogWarning("Coinbase feed connection lost: {Error}", ex.Message);
                }

                if (ct.IsCancellationRequested)
                {
                    break;
                }

                _disconnects++;
                _state = "reconnecting";
                await Task.Delay(backoff, ct);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
        finally
        {
            _state = "stopped";
        }
    }

    /// <summary>One connection, from connect and subscribe to its end; true when it delivered a book.</summary>
    private async Task<bool> ReadConnectionAsync(Uri url, CoinbaseFeedSettings settings, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(15);
        using (var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            connectTimeout.CancelAfter(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(url, connectTimeout.Token);
        }

        await socket.SendAsync(Encoding.UTF8.GetBytes(CoinbaseMessages.Subscribe(settings.Products!)), WebSocketMessageType.Text, true, ct);
        _connects++;
        _state = "subscribing";
        foreach (var product in settings.Products!)
        {
            _products.GetValueOrDefault(product)?.Book.Clear(); // this connection's snapshot rebuilds it
        }

        var buffer = new byte[64 * 1024];
        var gotBook = false;
        var silence = TimeSpan.FromSeconds(settings.SilenceSeconds);
        while (!ct.IsCancellationRequested)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(ct);
            quiet.CancelAfter(silence);
            var length = 0;
            ValueWebSocketReceiveResult result;
            try
            {
                do
                {
                    if (length == buffer.Length)
                    {
                        if (buffer.Length >= MaxFrameBytes)
                        {
                            throw new IOException($"a frame larger than {MaxFrameBytes / 1024 / 1024} MB");
                        }

                        Array.Resize(ref buffer, buffer.Length * 2); // a full book snapshot can be megabytes
                    }

                    result = await socket.ReceiveAsync(buffer.AsMemory(length), quiet.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"no message for {settings.SilenceSeconds} s");
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                _lastError = $"closed by the venue: {socket.CloseStatus} {socket.CloseStatusDescription}";
                return gotBook;
            }

            Interlocked.Increment(ref _frames);
            CoinbaseMessage? message;
            try
            {
                message = CoinbaseMessages.Parse(buffer.AsSpan(0, length));
            }
            catch (FormatException ex)
            {
                Interlocked.Increment(ref _malformed);
                logger.LogWarning("Coinbase frame skipped: {Error}", ex.Message);
                continue;
            }

            gotBook |= message is CoinbaseBookSnapshot;
            await HandleAsync(message, settings, ct);
        }

        return gotBook;
    }

    private async ValueTask HandleAsync(CoinbaseMessage? message, CoinbaseFeedSettings settings, CancellationToken ct)
    {
        switch (message)
        {
            case CoinbaseSubscriptions:
                _state = "connected";
                break;
            case CoinbaseBookSnapshot snapshot:
                {
                    // A snapshot carries no time: it is published with the next timed message, on the venue's clock (which
                    // is the recording's clock when frames are replayed).
                    var product = Product(snapshot.ProductId);
                    product.Book.Reset(snapshot.Bids, snapshot.Asks);
                    product.SnapshotPending = true;
                    break;
                }
            case CoinbaseBookUpdate update:
                {
                    var product = Product(update.ProductId);
                    if (!product.Book.HasSnapshot)
                    {
                        break; // changes to a book we have not been given yet
                    }

                    foreach (var (bid, price, size) in update.Changes)
                    {
                        product.Book.Apply(bid, price, size);
                    }

                    Interlocked.Increment(ref _bookUpdates);
                    await PublishBookAsync(update.ProductId, product, update.TsNs, settings, force: product.SnapshotPending, ct);
                    break;
                }
            case CoinbaseTrade trade:
                {
                    var product = Product(trade.ProductId);
                    if (product.LastTradeId > 0 && trade.TradeId > product.LastTradeId + 1)
                    {
                        Interlocked.Add(ref _missedTrades, trade.TradeId - product.LastTradeId - 1);
                    }

                    product.LastTradeId = Math.Max(product.LastTradeId, trade.TradeId);
                    Interlocked.Increment(ref _trades);
                    await pipeline.WriteAsync(new FeedItem(Tick.Trade(trade.ProductId, trade.TsNs, trade.TradeId, trade.Price, trade.Size,
                        trade.Aggressor, trade.TradeId.ToString(System.Globalization.CultureInfo.InvariantCulture))), ct);
                    Counted();
                    break;
                }
            case CoinbaseError error:
                _lastError = error.Reason is null ? error.Message : $"{error.Message}: {error.Reason}";
                logger.LogWarning("Coinbase feed error: {Error}", _lastError);
                break;
        }
    }

    /// <summary>A quote when the top of book changed; the 10 levels at most <see cref="CoinbaseFeedSettings.BookSnapshotsPerSecond"/>.</summary>
    private async ValueTask PublishBookAsync(string symbol, ProductState product, long tsNs, CoinbaseFeedSettings settings, bool force, CancellationToken ct)
    {
        if (product.Book.TryTop(out var bid, out var bidSize, out var ask, out var askSize) &&
            (bid, bidSize, ask, askSize) != product.LastTop)
        {
            product.LastTop = (bid, bidSize, ask, askSize);
            await pipeline.WriteAsync(new FeedItem(Tick.Quote(symbol, tsNs, 0, bid, bidSize, ask, askSize)), ct);
            Counted();
        }

        var every = (long)(1e9 / settings.BookSnapshotsPerSecond);
        if (force || tsNs - product.LastBookNs >= every)
        {
            product.LastBookNs = tsNs;
            product.SnapshotPending = false;
            var (bp, bs, ap, @as) = product.Book.Levels(10);
            await pipeline.WriteAsync(new FeedItem(default, new BookLevels(symbol, tsNs, bp, bs, ap, @as)), ct);
        }
    }

    private ProductState Product(string productId)
    {
        if (!_products.TryGetValue(productId, out var state))
        {
            _products[productId] = state = new ProductState();
        }

        return state;
    }

    private sealed class ProductState
    {
        public L2Book Book { get; } = new();
        public long LastTradeId { get; set; }
        public long LastBookNs { get; set; }
        public bool SnapshotPending { get; set; }
        public (double, double, double, double) LastTop { get; set; }
    }
}
