using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Nautilus.Model;
using Nautilus.Vpin.Domain;
using Nautilus.Vpin.Domain.Microstructure;
using Nautilus.Vpin.Engine.Extensions;

namespace Nautilus.Vpin.Engine.State;

/// <summary>
/// The tape of every instrument as it arrives: its recent quotes, how well each classification rule names the aggressor the tape
/// reports, the depth imbalance of its book, and its live VPIN. An instrument's first trade asks for its plan (bucket volume and
/// settings); its trades wait, with the quote in force at each, until the bucket volume is known, then are bucketed in order.
/// </summary>
public sealed class LiveFlows(IOptions<VpinOptions> options, BucketSizing sizing, VpinOutbox outbox, VpinMetrics metrics,
    IHostApplicationLifetime lifetime, ILogger<LiveFlows> logger)
{
    private readonly VpinOptions _options = options.Value;
    private readonly long _delayNanos = options.Value.QuoteDelay.Ticks * 100;
    private readonly ConcurrentDictionary<string, Flow> _flows = new(StringComparer.Ordinal);

    public void OnQuote(QuoteTick quote)
    {
        var flow = FlowOf(quote.InstrumentId.Symbol);
        lock (flow)
        {
            flow.Quotes.Add(quote.TsEvent.Value, quote.BidPrice.AsDouble(), quote.AskPrice.AsDouble());
        }
    }

    public void OnBook(OrderBookSnapshot book)
    {
        Span<double> bids = stackalloc double[BookImbalance.DefaultLevels];
        Span<double> asks = stackalloc double[BookImbalance.DefaultLevels];
        var b = Sizes(book.Bids, bids);
        var a = Sizes(book.Asks, asks);
        var flow = FlowOf(book.InstrumentId.Symbol);
        lock (flow)
        {
            flow.Imbalance = BookImbalance.Of(bids[..b], asks[..a]);
        }
    }

    public void OnTrade(TradeTick trade)
    {
        var flow = FlowOf(trade.InstrumentId.Symbol);
        lock (flow)
        {
            var (bid, ask) = flow.Quotes.InForceAt(trade.TsEvent.Value - _delayNanos);
            flow.Accuracy.Add(trade.Price.AsDouble(), bid, ask, trade.Aggressor);
            (flow.LastPrice, flow.LastAt) = (trade.Price.AsDouble(), trade.TsEvent.Value);
            if (flow.Stream is not null)
            {
                Feed(flow, trade, bid, ask);
                return;
            }

            flow.Waiting.Add((trade, bid, ask));
            if (flow.Plan is null)
            {
                ResolveOnce(flow);
            }
            else
            {
                StartFromTapeWhenSized(flow);
            }
        }
    }

    /// <summary>
    /// Forgets an instrument's VPIN (its settings changed): the plan is asked for again and the next trades start afresh.
    /// </summary>
    public void Restart(string symbol)
    {
        var flow = FlowOf(symbol);
        lock (flow)
        {
            flow.Generation++;
            (flow.Plan, flow.Stream, flow.Monitor, flow.Resolving, flow.Last) = (null, null, null, false, null);
            flow.Waiting.Clear();
            ResolveOnce(flow);
        }
    }

    /// <summary>Each instrument's trades judged and each rule's accuracy, by symbol.</summary>
    public IReadOnlyList<(string Symbol, long Trades, IReadOnlyList<(ClassificationMethod Method, double Accuracy, double Unknown)> Rules)>
        Accuracy() =>
        [.. Ordered().Select(f =>
        {
            lock (f)
            {
                return (f.Symbol, f.Accuracy.Trades, f.Accuracy.Shares());
            }
        })];

    /// <summary>Each instrument's live VPIN as it stands.</summary>
    public IReadOnlyList<FlowSnapshot> Snapshots() =>
        [.. Ordered().Select(f =>
        {
            lock (f)
            {
                return new FlowSnapshot(f.Symbol, f.Stream is not null, f.Last, f.Monitor?.Level ?? ToxicityLevel.Normal,
                    f.Stream?.Buckets ?? 0, f.Stream?.Settings.BucketVolume, f.Plan, f.Imbalance, f.LastPrice, f.LastAt);
            }
        })];

    private IEnumerable<Flow> Ordered() => _flows.Values.OrderBy(f => f.Symbol, StringComparer.Ordinal);

    private Flow FlowOf(string symbol) => _flows.GetOrAdd(symbol, s => new Flow(s));

    private void Feed(Flow flow, TradeTick trade, double bid, double ask)
    {
        var stream = flow.Stream!;
        flow.Updates.Clear();
        stream.OnTrade(trade.TsEvent.Value, trade.Price.AsDouble(), trade.Size.AsDouble(), bid, ask, trade.Aggressor, flow.Updates);
        metrics.Traded();
        foreach (var update in flow.Updates)
        {
            var change = flow.Monitor!.OnBucket(update, stream.CdfHistory);
            flow.Last = update;
            metrics.Filled(update.Vpin);
            outbox.Add(new VpinOutput(trade.InstrumentId, trade.Price.Precision, update, flow.Monitor.Level, change,
                stream.Settings.BucketVolume, stream.Settings.Buckets, Activity.Current?.Context ?? default));
        }
    }

    private void ResolveOnce(Flow flow)
    {
        if (flow.Resolving)
        {
            return;
        }

        flow.Resolving = true;
        var generation = flow.Generation;
        _ = Task.Run(async () =>
        {
            FlowPlan plan;
            try
            {
                plan = await sizing.PlanAsync(flow.Symbol, lifetime.ApplicationStopping);
            }
            catch (Exception ex) when (!lifetime.ApplicationStopping.IsCancellationRequested)
            {
                // The store is the engine's own: without it there are no stored settings either, so the defaults and the tape.
                logger.LogWarning(ex, "No plan for {Symbol}'s VPIN; the defaults and the live tape will do", flow.Symbol);
                plan = new FlowPlan(null, "tape", _options.Buckets, _options.Classification, _options.Thresholds);
            }

            lock (flow)
            {
                if (generation != flow.Generation)
                {
                    return;
                }

                (flow.Plan, flow.Resolving) = (plan, false);
                if (plan.BucketVolume is { } volume)
                {
                    Start(flow, volume);
                }
                else
                {
                    StartFromTapeWhenSized(flow);
                }
            }
        });
    }

    /// <summary>
    /// Once the tape's first window (tape time) or the most trades allowed have waited: V = their volume scaled to a session ÷
    /// buckets a day.
    /// </summary>
    private void StartFromTapeWhenSized(Flow flow)
    {
        if (flow.Waiting.Count == 0)
        {
            return;
        }

        var span = TimeSpan.FromTicks((flow.Waiting[^1].Trade.TsEvent.Value - flow.Waiting[0].Trade.TsEvent.Value) / 100);
        if (span < _options.FallbackWindow && flow.Waiting.Count < _options.MaxWaitingTrades)
        {
            return;
        }

        var volume = flow.Waiting.Sum(w => w.Trade.Size.AsDouble());
        var perDay = volume * (_options.SessionLength / (span > TimeSpan.Zero ? span : TimeSpan.FromSeconds(1)));
        logger.LogInformation("{Symbol}: {Volume} traded in the tape's first {Span}; bucket volume {Bucket} (no stored daily bars)",
            flow.Symbol, volume, span, perDay / _options.BucketsPerDay);
        Start(flow, Math.Max(perDay / _options.BucketsPerDay, double.Epsilon));
    }

    private void Start(Flow flow, double bucketVolume)
    {
        var plan = flow.Plan!;
        flow.Stream = new VpinStream(new VpinStreamSettings(bucketVolume, plan.Buckets, plan.Classification,
            _options.BvcBar.Ticks * 100, CdfWindow: _options.CdfWindow));
        flow.Monitor = new ToxicityMonitor(plan.Thresholds);
        foreach (var (trade, bid, ask) in flow.Waiting)
        {
            Feed(flow, trade, bid, ask);
        }

        flow.Waiting.Clear();
    }

    private static int Sizes(IReadOnlyList<BookLevel> levels, Span<double> sizes)
    {
        var n = Math.Min(levels.Count, sizes.Length);
        for (var i = 0; i < n; i++)
        {
            sizes[i] = levels[i].Size.AsDouble();
        }

        return n;
    }

    private sealed class Flow(string symbol)
    {
        public string Symbol { get; } = symbol;

        public QuoteHistory Quotes { get; } = new();

        public ClassificationAccuracy Accuracy { get; } = new();

        public List<(TradeTick Trade, double Bid, double Ask)> Waiting { get; } = [];

        public List<VpinUpdate> Updates { get; } = [];

        public int Generation { get; set; }

        public bool Resolving { get; set; }

        public FlowPlan? Plan { get; set; }

        public VpinStream? Stream { get; set; }

        public ToxicityMonitor? Monitor { get; set; }

        public VpinUpdate? Last { get; set; }

        public double LastPrice { get; set; } = double.NaN;

        public long LastAt { get; set; }

        public double Imbalance { get; set; } = double.NaN;
    }
}

/// <summary>An instrument's live VPIN as it stands (<see cref="Live"/> false while its bucket volume is being settled).</summary>
public sealed record FlowSnapshot(string Symbol, bool Live, VpinUpdate? Last, ToxicityLevel Level, long Buckets, double? BucketVolume,
    FlowPlan? Plan, double Imbalance, double LastPrice, long LastAt);
