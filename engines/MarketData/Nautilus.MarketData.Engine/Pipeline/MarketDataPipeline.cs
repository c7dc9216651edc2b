using System.Diagnostics;
using System.Threading.Channels;
using Nautilus.Contracts;
using Nautilus.MarketData.Domain.Bars;
using Nautilus.MarketData.Domain.Normalisation;
using Nautilus.MarketData.Engine.Feeds;
using Nautilus.MarketData.Engine.Instruments;
using Nautilus.MarketData.Engine.Persistence;
using Nautilus.Messaging;
using Nautilus.Model;

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
    private readonly List<Bar> _closed = [];
    private readonly Dictionary<string, long> _lastPriceUpdate = [];
    private readonly Dictionary<string, long> _lastStoredBook = [];
    private readonly Dictionary<string, double> _lastTrade = [];
    private readonly InstrumentClocks _clocks = new();
    private readonly Dictionary<string, InstrumentSpec> _specs = new(StringComparer.Ordinal);

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
                _bars.CloseDue(id => new UnixNanos(_clocks.Now(id.Symbol, wallNs)), _closed);
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
            await publisher.PublishAsync(new MarketDataEvent(0, replayed), cancellationToken: ct);
            // A replayed bar is the instrument's latest price for those who price on PRICE_UPDATE (risk, portfolio), known at its close.
            await publisher.PublishAsync(new PriceUpdate(replayed.InstrumentId, replayed.Close, replayed.Close, replayed.Close,
                replayed.TsClose),
                cancellationToken: ct);
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
        var ts = new UnixNanos(tick.TsNs).ToUtcDateTime();
        var instrument = Spec(tick.Symbol);
        if (tick.Kind == TickKind.Trade)
        {
            _lastTrade[tick.Symbol] = tick.Price;
            // The venue's id when it gives one; else one unique per instrument from the sequence number or the time.
            var tradeId = tick.TradeId ?? (tick.Seq > 0 ? $"{tick.Symbol}-{tick.Seq}" : $"{tick.Symbol}-t{tick.TsNs}");
            await writers.Trades.WriteAsync(new TradeRecord(tick.Symbol, ts, tick.Seq, tick.Price, tick.Size, tick.Aggressor, tradeId), ct);
            var trade = new TradeTick(instrument.Id, instrument.Price(tick.Price), instrument.Size(tick.Size), tick.Aggressor,
                new TradeId(tradeId), new UnixNanos(tick.TsNs));
            await publisher.PublishAsync(new MarketDataEvent(tick.Seq, trade), cancellationToken: ct);
            _bars.OnTrade(trade, _closed);
            await FlushBarsAsync(ct);
            return;
        }

        await writers.Quotes.WriteAsync(
            new QuoteRecord(tick.Symbol, ts, tick.Seq, tick.BidPrice, tick.BidSize, tick.AskPrice, tick.AskSize), ct);
        cache.SetQuote(new LatestQuote(tick.Symbol, ts, tick.BidPrice, tick.BidSize, tick.AskPrice, tick.AskSize,
            _lastTrade.TryGetValue(tick.Symbol, out var last) ? last : null));
        var bid = instrument.Price(tick.BidPrice);
        var ask = instrument.Price(tick.AskPrice);
        await publisher.PublishAsync(new MarketDataEvent(tick.Seq, new QuoteTick(instrument.Id, bid, instrument.Size(tick.BidSize), ask,
            instrument.Size(tick.AskSize), new UnixNanos(tick.TsNs))), cancellationToken: ct);
        if (tick.TsNs - _lastPriceUpdate.GetValueOrDefault(tick.Symbol) >= PriceUpdateEveryNs)
        {
            _lastPriceUpdate[tick.Symbol] = tick.TsNs;
            // The last trade, or the mid (to the instrument's tick) before the first trade.
            await publisher.PublishAsync(new PriceUpdate(instrument.Id, bid, ask,
                instrument.Price(last > 0 ? last : (tick.BidPrice + tick.AskPrice) / 2), new UnixNanos(tick.TsNs)), cancellationToken: ct);
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
        var ts = new UnixNanos(book.TsNs).ToUtcDateTime();
        cache.SetBook(new LatestBook(book.Symbol, ts, book.BidPrices, book.BidSizes, book.AskPrices, book.AskSizes));
        var instrument = Spec(book.Symbol);
        await publisher.PublishAsync(new MarketDataEvent(0, new OrderBookSnapshot(instrument.Id,
            Levels(instrument, book.BidPrices, book.BidSizes), Levels(instrument, book.AskPrices, book.AskSizes),
            new UnixNanos(book.TsNs))),
            cancellationToken: ct);
        if (book.TsNs - _lastStoredBook.GetValueOrDefault(book.Symbol) >= StoreBookEveryNs)
        {
            _lastStoredBook[book.Symbol] = book.TsNs;
            await writers.Books.WriteAsync(new BookSnapshotRecord(book.Symbol, ts, book.TsNs, book.BidPrices, book.BidSizes,
                book.AskPrices, book.AskSizes), ct);
        }
    }

    private static BookLevel[] Levels(InstrumentSpec instrument, double[] prices, double[] sizes) =>
        prices.Select((p, i) => new BookLevel(instrument.Price(p), instrument.Size(sizes[i]), 0)).ToArray();

    private async ValueTask FlushBarsAsync(CancellationToken ct)
    {
        foreach (var bar in _closed)
        {
            stats.Bar();
            await writers.Bars.WriteAsync(BarRecord.From(bar), ct);
            await publisher.PublishAsync(new MarketDataEvent(0, bar), cancellationToken: ct);
        }

        _closed.Clear();
    }

    /// <summary>The instrument's id and precisions, made again only when the master's entry changes.</summary>
    private InstrumentSpec Spec(string symbol)
    {
        var instrument = instruments.Cached(symbol)
            ?? throw new InvalidOperationException($"{symbol} left the instrument master while its data was in flight.");
        if (!_specs.TryGetValue(symbol, out var spec) || !ReferenceEquals(spec.Source, instrument))
        {
            _specs[symbol] = spec = new InstrumentSpec(instrument);
        }

        return spec;
    }

    private static long WallNs() => (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));

    /// <summary>The bar being built (for the chart's last candle).</summary>
    public Bar? CurrentBar(InstrumentId instrument, int interval) => _bars.Current(instrument, interval);
}
