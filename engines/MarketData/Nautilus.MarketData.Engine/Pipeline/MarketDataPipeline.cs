using System.Diagnostics;
using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.MarketData.Domain.Bars;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.MarketData.Engine.Feeds;
using Nautilus.MarketData.Engine.Instruments;
using Nautilus.Messaging;
using Nautilus.Storage.MarketData;

namespace Nautilus.MarketData.Engine.Pipeline;

/// <summary>
/// One loop that every feed writes into: validate (rejects counted per reason), cache, store (trades, quotes, book
/// snapshots once a second, bars), aggregate 1-second and 1-minute bars, and publish MARKET_DATA and a conflated
/// PRICE_UPDATE (at most ten a second per instrument). Single-threaded, so per-instrument order is kept from feed to bus.
/// </summary>
public sealed class MarketDataPipeline(
    Channel<FeedItem> channel,
    InstrumentRepository instruments,
    IMessagePublisher publisher,
    LatestMarketCache cache,
    MarketDataStats stats,
    MarketDataWriters writers,
    ILogger<MarketDataPipeline> logger) : BackgroundService
{
    /// <summary>Bars the pipeline aggregates from trades.</summary>
    public static readonly int[] BarIntervals = [1, 60];

    /// <summary>Bars that may be stored and read: aggregated ones, plus hourly and daily bars imported from files.</summary>
    public static readonly int[] StoredIntervals = [1, 60, 3_600, 86_400];
    private static readonly long PriceUpdateEveryNs = 100_000_000;
    private static readonly long StoreBookEveryNs = 1_000_000_000;

    private readonly BarAggregator _bars = new(BarIntervals);
    private readonly List<OhlcvBar> _closed = [];
    private readonly Dictionary<string, long> _lastPriceUpdate = [];
    private readonly Dictionary<string, long> _lastStoredBook = [];
    private readonly Dictionary<string, double> _lastTrade = [];
    private readonly InstrumentClocks _clocks = new();

    public TickValidator Validator { get; } = new(instruments.IsKnown);

    /// <summary>Trades stored but left out of bars because their bar had already closed.</summary>
    public long LateTradesForBars => _bars.LateTrades;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = channel.Reader;
        var lastBarCheck = Stopwatch.GetTimestamp();
        while (!stoppingToken.IsCancellationRequested)
        {
            // Wake at least four times a second so bars of quiet instruments still close.
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                wait.CancelAfter(250);
                try
                {
                    await reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }

            while (reader.TryRead(out var item))
            {
                try
                {
                    await HandleAsync(item, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Market data item dropped by an error: {Item}", item);
                }
            }

            if (Stopwatch.GetElapsedTime(lastBarCheck) >= TimeSpan.FromMilliseconds(250))
            {
                lastBarCheck = Stopwatch.GetTimestamp();
                // Each instrument's bars close on its own feed's clock: live time, or the time of the file being replayed.
                var wallNs = WallNs();
                _bars.CloseDue(symbol => _clocks.Now(symbol, wallNs), _closed);
                await FlushBarsAsync(stoppingToken);
            }
        }
    }

    private async ValueTask HandleAsync(FeedItem item, CancellationToken ct)
    {
        if (item.Book is { } book)
        {
            await HandleBookAsync(book, ct);
            return;
        }

        if (item.Bar is { } replayed)
        {
            stats.Bar();
            await publisher.PublishAsync(new MarketDataEvent(replayed.Symbol, MarketDataKind.Bar,
                replayed.OpenTimeNs + replayed.IntervalSeconds * 1_000_000_000L, null, null, null,
                new BarData(replayed.IntervalSeconds, replayed.OpenTimeNs, (decimal)replayed.Open, (decimal)replayed.High, (decimal)replayed.Low,
                    (decimal)replayed.Close, (decimal)replayed.Volume, replayed.TradeCount)), cancellationToken: ct);
            return;
        }

        var tick = item.Tick;
        if (Validator.Validate(tick) is { } reason)
        {
            stats.Rejected(reason);
            return;
        }

        stats.Accepted(tick.Kind);
        _clocks.Observe(tick.Symbol, tick.TsNs, WallNs());
        var ts = UnixNanos.ToUtcDateTime(tick.TsNs);
        if (tick.Kind == TickKind.Trade)
        {
            _lastTrade[tick.Symbol] = tick.Price;
            // The venue's id when it gives one; else one unique per instrument from the sequence number or the time.
            var tradeId = tick.TradeId ?? (tick.Seq > 0 ? $"{tick.Symbol}-{tick.Seq}" : $"{tick.Symbol}-t{tick.TsNs}");
            await writers.Trades.WriteAsync(new TradeRecord(tick.Symbol, ts, tick.Seq, tick.Price, tick.Size, tick.Aggressor, tradeId), ct);
            await publisher.PublishAsync(new MarketDataEvent(tick.Symbol, MarketDataKind.Trade, tick.TsNs,
                new TradeTick((decimal)tick.Price, (decimal)tick.Size, tick.Aggressor, tradeId), null, null, null, tick.Seq), cancellationToken: ct);
            _bars.OnTrade(tick.Symbol, tick.TsNs, tick.Price, tick.Size, _closed);
            await FlushBarsAsync(ct);
            return;
        }

        await writers.Quotes.WriteAsync(new QuoteRecord(tick.Symbol, ts, tick.Seq, tick.BidPrice, tick.BidSize, tick.AskPrice, tick.AskSize), ct);
        cache.SetQuote(new LatestQuote(tick.Symbol, ts, tick.BidPrice, tick.BidSize, tick.AskPrice, tick.AskSize,
            _lastTrade.TryGetValue(tick.Symbol, out var last) ? last : null));
        await publisher.PublishAsync(new MarketDataEvent(tick.Symbol, MarketDataKind.Quote, tick.TsNs, null,
            new QuoteTick((decimal)tick.BidPrice, (decimal)tick.BidSize, (decimal)tick.AskPrice, (decimal)tick.AskSize), null, null, tick.Seq),
            cancellationToken: ct);
        if (tick.TsNs - _lastPriceUpdate.GetValueOrDefault(tick.Symbol) >= PriceUpdateEveryNs)
        {
            _lastPriceUpdate[tick.Symbol] = tick.TsNs;
            await publisher.PublishAsync(new PriceUpdate(tick.Symbol, (decimal)tick.BidPrice, (decimal)tick.AskPrice,
                (decimal)(last > 0 ? last : (tick.BidPrice + tick.AskPrice) / 2), tick.TsNs), cancellationToken: ct);
        }
    }

    private async ValueTask HandleBookAsync(BookLevels book, CancellationToken ct)
    {
        if (!instruments.IsKnown(book.Symbol))
        {
            stats.Rejected(RejectReason.UnknownSymbol);
            return;
        }

        if (book.BidPrices.Length > 0 && book.AskPrices.Length > 0 && book.BidPrices[0] >= book.AskPrices[0])
        {
            stats.Rejected(RejectReason.CrossedBook);
            return;
        }

        stats.Book();
        var ts = UnixNanos.ToUtcDateTime(book.TsNs);
        cache.SetBook(new LatestBook(book.Symbol, ts, book.BidPrices, book.BidSizes, book.AskPrices, book.AskSizes));
        await publisher.PublishAsync(new MarketDataEvent(book.Symbol, MarketDataKind.Book, book.TsNs, null, null,
            new BookSnapshot(Levels(book.BidPrices, book.BidSizes), Levels(book.AskPrices, book.AskSizes))), cancellationToken: ct);
        if (book.TsNs - _lastStoredBook.GetValueOrDefault(book.Symbol) >= StoreBookEveryNs)
        {
            _lastStoredBook[book.Symbol] = book.TsNs;
            await writers.Books.WriteAsync(new BookSnapshotRecord(book.Symbol, ts, book.TsNs, book.BidPrices, book.BidSizes,
                book.AskPrices, book.AskSizes), ct);
        }
    }

    private static BookLevel[] Levels(double[] prices, double[] sizes) =>
        prices.Select((p, i) => new BookLevel((decimal)p, (decimal)sizes[i], 0)).ToArray();

    private async ValueTask FlushBarsAsync(CancellationToken ct)
    {
        foreach (var bar in _closed)
        {
            stats.Bar();
            await writers.Bars.WriteAsync(Record(bar), ct);
            await publisher.PublishAsync(new MarketDataEvent(bar.Symbol, MarketDataKind.Bar, bar.OpenTimeNs + bar.IntervalSeconds * 1_000_000_000L,
                null, null, null, new BarData(bar.IntervalSeconds, bar.OpenTimeNs, (decimal)bar.Open, (decimal)bar.High, (decimal)bar.Low,
                    (decimal)bar.Close, (decimal)bar.Volume, bar.TradeCount)), cancellationToken: ct);
        }

        _closed.Clear();
    }

    private static long WallNs() => (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));

    /// <summary>The bar being built (for the chart's last candle).</summary>
    public BarRecord? CurrentBar(string symbol, int interval) => _bars.Current(symbol, interval) is { } bar ? Record(bar) : null;

    private static BarRecord Record(OhlcvBar bar) =>
        new(bar.Symbol, bar.IntervalSeconds, UnixNanos.ToUtcDateTime(bar.OpenTimeNs), bar.Open, bar.High, bar.Low, bar.Close, bar.Volume, bar.TradeCount);
}
