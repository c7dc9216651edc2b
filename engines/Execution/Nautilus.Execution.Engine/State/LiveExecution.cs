using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Nautilus.Contracts;
using Nautilus.Execution.Contracts;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Execution.Domain.Positions;
using Nautilus.Execution.Domain.Venue;
using Nautilus.Execution.Engine.Extensions;
using Nautilus.Execution.Engine.Persistence;
using Nautilus.Model;

namespace Nautilus.Execution.Engine.State;

/// <summary>
/// The live OMS: one <see cref="ExecutionCore"/> (the backtester's, with a paper venue filling against live market data),
/// guarded by a lock because the two buses' handlers and the API reach it at once. An ORDER_REQUEST makes an INITIALIZED
/// order that waits for its PRE_TRADE_RESULT (which may arrive first: kept until its order does); market data moves the
/// venue. Every change is handed, in order, to the <see cref="ExecutionJournal"/>, which stores and publishes it outside
/// the lock.
/// </summary>
public sealed class LiveExecution : IExecutionListener
{
    private readonly Lock _gate = new();
    private readonly ExecutionCore _core;
    private readonly ChannelWriter<ExecutionEvent> _journal;
    private readonly TimeProvider _clock;
    private readonly RecentEntries<ClientOrderId, PreTradeResult> _early = new(EntriesKept);
    private readonly Dictionary<InstrumentId, decimal> _lastPrice = [];
    private readonly HashSet<InstrumentId> _ticking = [];

    /// <summary>The latest bars of instruments with bars only (replayed history), for orders decided before them.</summary>
    private readonly Dictionary<InstrumentId, Queue<Bar>> _recentBars = [];

    private const int RecentBarsKept = 256;

    public LiveExecution(IOptions<ExecutionOptions> options, Channel<ExecutionEvent> journal, TimeProvider clock)
    {
        var o = options.Value;
        _core = new ExecutionCore(new VenueOptions(o.Latency, null, o.Fees(), o.Slippage()), o.PositionMode, this, Currency.USD,
            o.InitialCash);
        _journal = journal.Writer;
        _clock = clock;
    }

    private readonly Dictionary<InstrumentId, UnixNanos> _marketTime = [];

    private UnixNanos Now => UnixNanos.Now(_clock);

    /// <summary>
    /// The venue's time for an instrument: the time of its latest market data (a bar's close, a tick's time), so replayed
    /// history fills by its own clock as a backtest does; the wall clock before any data.
    /// </summary>
    private UnixNanos TimeOf(InstrumentId instrument) => _marketTime.TryGetValue(instrument, out var t) ? t : Now;

    private UnixNanos TimeOf(ClientOrderId order) => _core.Orders.TryGetValue(order, out var o) ? TimeOf(o.InstrumentId) : Now;

    /// <summary>
    /// Market times orders not yet released were decided at (a strategy's) or placed at (an operator's): this engine's feed may
    /// be behind the strategy's, and a replay may run past an order while it is being checked.
    /// </summary>
    private readonly RecentEntries<ClientOrderId, UnixNanos> _decidedAt = new(EntriesKept);

    /// <summary>How many verdicts without orders, and decision times without verdicts, are kept.</summary>
    private const int EntriesKept = 10_000;

    /// <summary>An order's time on its way in: the instrument's market time, never before the data it was decided on.</summary>
    private static UnixNanos NotBefore(UnixNanos market, UnixNanos? decidedAt) => decidedAt is { } d && d > market ? d : market;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _known = new(StringComparer.Ordinal);

    /// <summary>Whether the OMS has met <paramref name="symbol"/> (read for every message on the bus, outside the lock).</summary>
    public bool Knows(string symbol) => _known.ContainsKey(symbol);

    public void AddInstrument(TradableInstrument instrument)
    {
        _known[instrument.Id.Symbol] = true;
        lock (_gate)
        {
            _core.AddInstrument(instrument);
        }
    }

    /// <summary>An ORDER_REQUEST: an INITIALIZED order, or a DENIED one when it is invalid (unknown instrument, off its grid).</summary>
    public void OnOrderRequest(OrderRequest request)
    {
        lock (_gate)
        {
            if (_core.Orders.ContainsKey(request.ClientOrderId))
            {
                return; // redelivered
            }

            var spec = SpecOf(request);
            try
            {
                _core.Initialize(spec, NotBefore(TimeOf(spec.InstrumentId), request.DecidedAt));
            }
            catch (OrderValidationException ex)
            {
                // Never seen by the core: recorded as denied so its sender hears why.
                var denied = Order.Restored(spec, Now, OrderStatus.Denied, Quantity.Zero(spec.Quantity.Precision), null, Now,
                    $"{ex.Field}: {ex.Problem}");
                OnOrder(denied);
                return;
            }

            // An operator's order is placed at the instrument's market time as it stands (on a replay, not the wall clock).
            if ((request.DecidedAt ?? (_marketTime.TryGetValue(spec.InstrumentId, out var t) ? t : null)) is { } decided)
            {
                _decidedAt.Add(request.ClientOrderId, decided);
            }

            if (_early.Remove(request.ClientOrderId, out var result))
            {
                Decide(result);
            }
        }
    }

    /// <summary>A PRE_TRADE_RESULT: the order goes to the paper venue, or is denied with the Risk engine's reason.</summary>
    public void OnPreTradeResult(PreTradeResult result)
    {
        lock (_gate)
        {
            if (!_core.Orders.TryGetValue(result.Order.ClientOrderId, out var order))
            {
                _early.Add(result.Order.ClientOrderId, result);
                return;
            }

            if (order.Status == OrderStatus.Initialized)
            {
                Decide(result);
            }
        }
    }

    private void Decide(PreTradeResult result)
    {
        var id = result.Order.ClientOrderId;
        var decided = _decidedAt.Remove(id, out var d) ? d : (UnixNanos?)null;
        var market = TimeOf(id);
        if (!result.Accepted)
        {
            _core.Deny(id, $"risk: {result.Reason ?? "refused"} (trading state {result.TradingState})", NotBefore(market, decided));
            return;
        }

        var order = _core.Orders[id];
        if (decided is { } at && at < market && !_ticking.Contains(order.InstrumentId) &&
            _recentBars.TryGetValue(order.InstrumentId, out var bars))
        {
            // Replayed history ran ahead of the loop: the order is at the venue from its decision, on the market's clock, and
            // the bars it missed match it as in a backtest. (Ticking instruments are live: what has passed cannot be traded.)
            _core.Release(id, at);
            _core.Venue.CatchUp(order, bars.Where(b => b.TsEvent >= at));
            return;
        }

        _core.Release(id, NotBefore(market, decided));
    }

    public void OnMarketData(IMarketData data)
    {
        lock (_gate)
        {
            var at = data is Bar closed ? closed.TsClose : data.TsEvent;
            if (!_marketTime.TryGetValue(data.InstrumentId, out var seen) || at > seen)
            {
                _marketTime[data.InstrumentId] = at;
            }

            switch (data)
            {
                case QuoteTick quote:
                    _ticking.Add(quote.InstrumentId);
                    _lastPrice[quote.InstrumentId] = (quote.BidPrice.ToDecimal() + quote.AskPrice.ToDecimal()) / 2;
                    _core.Venue.OnQuote(quote);
                    break;
                case TradeTick trade:
                    _ticking.Add(trade.InstrumentId);
                    _lastPrice[trade.InstrumentId] = trade.Price.ToDecimal();
                    _core.Venue.OnTrade(trade);
                    break;
                case OrderBookSnapshot book:
                    _ticking.Add(book.InstrumentId);
                    _core.Venue.OnBook(book);
                    break;
                case Bar bar when !_ticking.Contains(bar.InstrumentId):
                    // Instruments with bars only (imported, replayed): the backtest's bar rules.
                    _lastPrice[bar.InstrumentId] = bar.Close.ToDecimal();
                    _core.Venue.OnBar(bar);
                    Remember(bar);
                    break;
            }
        }
    }

    private void Remember(Bar bar)
    {
        if (!_recentBars.TryGetValue(bar.InstrumentId, out var bars))
        {
            _recentBars[bar.InstrumentId] = bars = new Queue<Bar>();
        }

        bars.Enqueue(bar);
        if (bars.Count > RecentBarsKept)
        {
            bars.Dequeue();
        }
    }

    /// <summary>Cancels a working order; throws <see cref="IllegalOrderTransitionException"/> for a final one,
    /// <see cref="OrderValidationException"/> for an unknown one.</summary>
    public void Cancel(ClientOrderId id)
    {
        lock (_gate)
        {
            _core.Cancel(id, TimeOf(id));
        }
    }

    public void Modify(ClientOrderId id, decimal? quantity, decimal? limitPrice, decimal? triggerPrice)
    {
        lock (_gate)
        {
            var order = _core.Orders.GetValueOrDefault(id) ?? throw new OrderValidationException("clientOrderId", $"unknown order {id}");
            var instrument = _core.InstrumentOf(order.InstrumentId)!;
            _core.Modify(id, quantity is { } q ? Quantity.FromDecimalAtLeast(q, instrument.SizePrecision) : null,
                limitPrice is { } l ? Price.FromDecimalAtLeast(l, instrument.PricePrecision) : null,
                triggerPrice is { } t ? Price.FromDecimalAtLeast(t, instrument.PricePrecision) : null, TimeOf(id));
        }
    }

    public ExecutionOrder? Find(ClientOrderId id)
    {
        lock (_gate)
        {
            return _core.Orders.TryGetValue(id, out var order) ? ViewOf(order) : null;
        }
    }

    public IReadOnlyList<ExecutionPosition> Positions(bool openOnly)
    {
        lock (_gate)
        {
            return [.. _core.Positions.All.Where(p => !openOnly || !p.IsFlat).Select(ViewOf)];
        }
    }

    public IReadOnlyList<ExecutionAccount> Accounts()
    {
        lock (_gate)
        {
            return [.. _core.Accounts.Values.Select(a =>
            {
                var marked = _core.Positions.All.Where(p => p.AccountId == a.Id && !p.IsFlat)
                    .Sum(p => p.Quantity * p.Multiplier * (_lastPrice.TryGetValue(p.InstrumentId, out var price) ? price : p.AveragePrice));
                return new ExecutionAccount(a.Id.Value, a.Currency.Code, a.Cash, a.Cash + marked, a.Commissions);
            })];
        }
    }

    /// <summary>Start-up: fills replayed into positions and cash, working orders put back on the venue.</summary>
    public (int Fills, int Orders) Restore(IReadOnlyList<Fill> fills, IReadOnlyList<ExecutionOrder> openOrders,
        Func<string, TradableInstrument?> instrumentOf)
    {
        lock (_gate)
        {
            foreach (var fill in fills)
            {
                if (_core.InstrumentOf(fill.InstrumentId) is null && instrumentOf(fill.InstrumentId.Symbol) is { } instrument)
                {
                    _core.AddInstrument(instrument);
                    _known[instrument.Id.Symbol] = true;
                }

                _core.Replay(fill);
            }

            var restored = 0;
            foreach (var o in openOrders.OrderBy(o => o.CreatedAt))
            {
                if (instrumentOf(o.Symbol) is not { } instrument)
                {
                    continue;
                }

                _core.AddInstrument(instrument);
                _known[instrument.Id.Symbol] = true;
                var spec = new OrderSpec(new ClientOrderId(o.ClientOrderId), new StrategyId(o.StrategyId), new PortfolioId(o.PortfolioId),
                    instrument.Id, Enum.Parse<OrderSide>(o.Side), Enum.Parse<OrderType>(o.Type),
                    Quantity.FromDecimalAtLeast(o.Quantity, instrument.SizePrecision),
                    o.LimitPrice is { } l ? Price.FromDecimalAtLeast(l, instrument.PricePrecision) : null,
                    o.TriggerPrice is { } t ? Price.FromDecimalAtLeast(t, instrument.PricePrecision) : null,
                        Enum.Parse<TimeInForce>(o.TimeInForce),
                    o.ExpireTime is { } e ? UnixNanos.From(e) : null, o.ListId is { } list ? new OrderListId(list) : null,
                    Enum.Parse<Contingency>(o.Contingency), o.Parent is { } p ? new ClientOrderId(p) : null);
                _core.Restore(spec, UnixNanos.From(o.CreatedAt), Enum.Parse<OrderStatus>(o.Status),
                    Quantity.FromDecimalAtLeast(o.Filled, instrument.SizePrecision), o.AveragePrice,
                    o.VenueOrderId is { } v ? new VenueOrderId(v) : null, UnixNanos.From(o.UpdatedAt), o.Reason, Now);
                restored++;
            }

            return (fills.Count, restored);
        }
    }

    /// <summary>The rebuilt positions: (position id → account, instrument, quantity, average price).</summary>
    public IReadOnlyList<Position> RebuiltPositions()
    {
        lock (_gate)
        {
            return [.. _core.Positions.All];
        }
    }

    public void OnOrder(Order order)
    {
        var view = ViewOf(order);
        _journal.TryWrite(new OrderChanged(view));
    }

    public void OnFill(Order order, Fill fill, Position position, decimal realized) =>
        _journal.TryWrite(new FillMade(fill, ViewOf(position), realized));

    private static ExecutionOrder ViewOf(Order o)
    {
        var s = o.Spec;
        return new ExecutionOrder(o.Id.Value, o.VenueOrderId?.Value, s.StrategyId.Value, s.PortfolioId.Value, s.InstrumentId.Symbol,
            s.InstrumentId.ToString(), s.Side.ToString(), s.Type.ToString(), s.Quantity.ToDecimal(), s.LimitPrice?.ToDecimal(),
            s.TriggerPrice?.ToDecimal(), s.TimeInForce.ToString(), s.ExpireTime?.ToDateTimeOffset(), s.ListId?.Value,
                s.Contingency.ToString(),
            s.Parent?.Value, o.Status.ToString(), o.Filled.ToDecimal(), o.AveragePrice, o.Reason, o.TsInit.ToDateTimeOffset(),
                o.TsLast.ToDateTimeOffset());
    }

    private ExecutionPosition ViewOf(Position p)
    {
        decimal? last = _lastPrice.TryGetValue(p.InstrumentId, out var price) ? price : null;
        return new ExecutionPosition(p.Id, p.AccountId.Value, p.InstrumentId.Symbol, p.Side.ToString(), p.Quantity, p.AveragePrice, last,
            p.RealizedPnl, last is { } l ? p.UnrealizedPnl(l) : null, p.Commissions, p.TsOpened?.ToDateTimeOffset(),
            p.TsLast.ToDateTimeOffset());
    }

    private static OrderSpec SpecOf(OrderRequest r) =>
        new(r.ClientOrderId, r.StrategyId, r.PortfolioId, r.InstrumentId, r.Side, r.OrderType, r.Quantity, r.LimitPrice, r.TriggerPrice,
            r.TimeInForce, r.ExpireTime, r.ListId, (Contingency)r.Contingency, r.Parent);

}
