using System.Collections.Concurrent;
using Nautilus.Contracts;
using Nautilus.Execution.Contracts;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Algorithms;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Messaging;
using Nautilus.Model;

namespace Nautilus.Execution.Engine.State;

/// <summary>
/// Works parent orders with TWAP and VWAP: each slice of the schedule goes out when due as a market ORDER_REQUEST
/// (<c>{parent}-{n}</c>, through the pre-trade check) and fills at the paper venue like any order; the parent's progress is its
/// children's fills. Cancelling stops the schedule and cancels working children. Parents live in memory: after a restart their
/// children are ordinary orders, the rest of the schedule is not sent.
/// </summary>
public sealed class AlgorithmRunner(LiveExecution live, IMessagePublisher publisher, TimeProvider clock, ILogger<AlgorithmRunner> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, Parent> _parents = new(StringComparer.Ordinal);

    public AlgorithmView Start(AlgorithmEntry entry, TradableInstrument instrument, OrderSide side, StrategyId strategy,
        PortfolioId portfolio)
    {
        var start = UnixNanos.Now(clock);
        var duration = TimeSpan.FromSeconds(entry.DurationSeconds);
        var slices = SliceSchedule.Of(entry.Algorithm, entry.Quantity, instrument.LotSize, start, duration, entry.Slices, entry.Profile);
        var parent = new Parent($"ALG-{Guid.NewGuid():N}"[..16], entry.Algorithm, instrument, side, strategy, portfolio, entry.Quantity,
            start, slices);
        _parents[parent.Id] = parent;
        return View(parent);
    }

    public IReadOnlyList<AlgorithmView> All => [.. _parents.Values.OrderByDescending(p => p.Start.Value).Select(View)];

    public AlgorithmView? Find(string id) => _parents.TryGetValue(id, out var parent) ? View(parent) : null;

    /// <summary>Stops sending slices and cancels the working ones; false for an unknown parent.</summary>
    public bool Cancel(string id)
    {
        if (!_parents.TryGetValue(id, out var parent))
        {
            return false;
        }

        parent.Cancelled = true;
        foreach (var child in parent.ChildIds())
        {
            if (live.Find(child) is { Status: "Accepted" or "PartiallyFilled" or "Submitted" })
            {
                try
                {
                    live.Cancel(child);
                }
                catch (IllegalOrderTransitionException)
                {
                    // Filled meanwhile.
                }
            }
        }

        return true;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = UnixNanos.Now(clock);
            foreach (var parent in _parents.Values)
            {
                while (!parent.Cancelled && parent.Next < parent.Slices.Count && parent.Slices[parent.Next].At <= now)
                {
                    var slice = parent.Slices[parent.Next++];
                    var id = new ClientOrderId($"{parent.Id}-{slice.Index}");
                    parent.AddChild(id);
                    var quantity = Quantity.FromDecimal(slice.Quantity, parent.Instrument.SizePrecision);
                    await publisher.PublishAsync(new OrderRequest(id, parent.Strategy, parent.Portfolio, parent.Instrument.Id, parent.Side,
                        OrderType.Market, quantity, null, TimeInForce.Gtc, now), cancellationToken: stoppingToken);
                    logger.LogInformation("{Algorithm} {Parent}: slice {Slice} of {Slices}, {Quantity} {Instrument}", parent.Algorithm,
                        parent.Id,
                        slice.Index + 1, parent.Slices.Count, quantity, parent.Instrument.Id);
                }
            }
        }
    }

    private AlgorithmView View(Parent p)
    {
        var children = p.ChildIds().Select(live.Find).OfType<ExecutionOrder>().ToArray();
        var filled = children.Sum(c => c.Filled);
        var value = children.Sum(c => c.Filled * (c.AveragePrice ?? 0));
        var status = p.Cancelled ? "cancelled" : filled == p.Quantity ? "completed" : p.Next < p.Slices.Count ? "working" : "sent";
        return new AlgorithmView(p.Id, p.Algorithm, p.Portfolio.Value, p.Instrument.Id.Symbol, p.Side.ToString(), p.Quantity,
            p.Start.ToDateTimeOffset(), [.. p.Slices.Select(s => new SliceView(s.Index, (s.At - p.Start).TotalSeconds, s.Quantity))],
                p.Next, filled,
            filled > 0 ? value / filled : null, status);
    }

    private sealed class Parent(string id, string algorithm, TradableInstrument instrument, OrderSide side, StrategyId strategy,
        PortfolioId portfolio,
        decimal quantity, UnixNanos start, IReadOnlyList<Slice> slices)
    {
        public string Id { get; } = id;

        public string Algorithm { get; } = algorithm;

        public TradableInstrument Instrument { get; } = instrument;

        public OrderSide Side { get; } = side;

        public StrategyId Strategy { get; } = strategy;

        public PortfolioId Portfolio { get; } = portfolio;

        public decimal Quantity { get; } = quantity;

        public UnixNanos Start { get; } = start;

        public IReadOnlyList<Slice> Slices { get; } = slices;

        private readonly List<ClientOrderId> _children = [];

        /// <summary>The slices sent so far (the runner adds while requests read).</summary>
        public ClientOrderId[] ChildIds()
        {
            lock (_children)
            {
                return [.. _children];
            }
        }

        public void AddChild(ClientOrderId id)
        {
            lock (_children)
            {
                _children.Add(id);
            }
        }

        public int Next { get; set; }

        public bool Cancelled { get; set; }
    }
}
