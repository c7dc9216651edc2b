using Nautilus.Contracts;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Model;
using Nautilus.Strategy.Contracts;
using Nautilus.Strategy.Domain;
using Nautilus.Strategy.Domain.Catalog;
using Nautilus.Strategy.Engine.Persistence;

namespace Nautilus.Strategy.Engine.Runtime;

/// <summary>What handling one event produced, to act on outside the host's lock: messages to publish, cancels and modifies
/// to send to the Execution engine, fills to store, and whether the state to save changed.</summary>
public sealed record HostOutput(IReadOnlyList<OrderRequest> Orders, IReadOnlyList<StrategySignal> Signals,
    IReadOnlyList<(string Order, decimal? Quantity, decimal? Limit, decimal? Trigger, bool Cancel)> Requests, IReadOnlyList<FillRow> Fills,
    bool Changed)
{
    public static readonly HostOutput None = new([], [], [], [], false);
}

/// <summary>
/// One deployed strategy, live: its <see cref="IStrategyContext"/> on the Strategy engine. The clock is the time of the event
/// being handled (a bar's close, a tick's time), so the strategy reads the same time for the same bar as in a backtest;
/// orders go out as ORDER_REQUEST (ids <c>{deployment}-{n}</c>), are mirrored from ORDER_UPDATE, and fills (TRADE_EXECUTION)
/// move its cash and positions; an order update is held back until the fills it reports have arrived (the two travel on
/// different buses). While warming up, paused or stopped, orders are refused to the strategy after its handler returns, as
/// the live check would.
/// </summary>
public sealed class StrategyHost : IStrategyContext
{
    private readonly Lock _gate = new();
    private readonly SimulatedClock _clock = new();
    private readonly StrategyTimers _timers = new();
    private readonly Dictionary<InstrumentId, TradableInstrument> _instruments;
    private readonly Dictionary<InstrumentId, decimal> _held = [];
    private readonly Dictionary<InstrumentId, double> _last = [];
    private readonly Dictionary<ClientOrderId, OrderSpec> _specs = [];
    private readonly Dictionary<ClientOrderId, Order> _open = [];
    private readonly Dictionary<ClientOrderId, decimal> _filledByFills = [];
    private readonly Dictionary<ClientOrderId, OrderUpdate> _heldUpdates = [];
    private readonly HashSet<TradeId> _seenFills = [];
    private readonly List<(ClientOrderId Id, string Reason)> _toDeny = [];
    private readonly List<OrderRequest> _orders = [];
    private readonly List<StrategySignal> _signalsOut = [];
    private readonly List<(string, decimal?, decimal?, decimal?, bool)> _requests = [];
    private readonly List<FillRow> _fills = [];
    private TradingStrategy _strategy;
    private DeploymentRow _row;
    private decimal _cash;
    private long _orderSeq;
    private long _ordersSent;
    private long _fillCount;
    private long _signals;
    private bool _warmingUp;
    private bool _changed;
    private UnixNanos? _lastEvent;

    /// <summary>
    /// The time of the event being handled (a bar's close, a tick's, a timer's due time): what an order is decided on. The
    /// clock is the latest time of all streams, which live arrive each at its own pace, so it can run ahead of it.
    /// </summary>
    private UnixNanos _handling;

    public StrategyHost(DeploymentRow row, StrategyDefinition definition, IReadOnlyList<TradableInstrument> instruments)
    {
        _row = row;
        _instruments = instruments.ToDictionary(i => i.Id);
        Symbols = [.. instruments.Select(i => i.Id)];
        _cash = row.Cash;
        _orderSeq = row.OrderSeq;
        foreach (var (symbol, quantity) in row.Positions)
        {
            if (instruments.FirstOrDefault(i => i.Id.Symbol == symbol) is { } instrument)
            {
                _held[instrument.Id] = quantity;
            }
        }

        _strategy = Create(definition, row.Parameters);
        _strategy.LoadState(row.State);
    }

    public string Id => _row.Id;

    public string Status => _row.Status;

    public int Interval => _row.Interval;

    public int WarmUpBars => _row.WarmUpBars;

    public IReadOnlyList<InstrumentId> Symbols { get; }

    private TradingStrategy Create(StrategyDefinition definition, IReadOnlyDictionary<string, double> parameters)
    {
        var strategy = definition.Create(StrategyCatalog.Resolve(definition, parameters, Symbols.Count));
        strategy.Attach(new StrategyId(_row.Id), Symbols, this);
        strategy.OnStart();
        return strategy;
    }

    /// <summary>Moves the lifecycle (the caller checked the move) and returns the row to save.</summary>
    public DeploymentRow SetStatus(string status, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (status == DeploymentStatus.Stopped && _row.Status != DeploymentStatus.Stopped)
            {
                _strategy.OnStop();
                FlushDenials();
            }

            _row = _row with { Status = status };
            return Snapshot(at);
        }
    }

    /// <summary>New parameters (stopped or paused only): a fresh strategy, its indicators cold.</summary>
    public DeploymentRow SetParameters(StrategyDefinition definition, Dictionary<string, double> parameters, DateTimeOffset at)
    {
        lock (_gate)
        {
            _strategy = Create(definition, parameters);
            _row = _row with { Parameters = parameters, State = [] };
            return Snapshot(at);
        }
    }

    /// <summary>Feeds stored bars through the strategy with orders refused: its indicators warm, its positions untouched.</summary>
    public HostOutput WarmUp(IReadOnlyList<Bar> bars)
    {
        lock (_gate)
        {
            _warmingUp = true;
            try
            {
                foreach (var bar in bars)
                {
                    HandleBar(bar);
                }

                return Drain();
            }
            finally
            {
                _warmingUp = false;
            }
        }
    }

    public HostOutput OnBar(Bar bar)
    {
        lock (_gate)
        {
            if (!Active || bar.BarType.IntervalSeconds != _row.Interval || !_instruments.ContainsKey(bar.InstrumentId))
            {
                return HostOutput.None;
            }

            HandleBar(bar);
            return Drain();
        }
    }

    private void HandleBar(Bar bar)
    {
        Advance(bar.TsClose);
        _last[bar.InstrumentId] = bar.Close.AsDouble();
        _strategy.OnBar(bar);
        FlushDenials();
    }

    public HostOutput OnTick(IMarketData tick)
    {
        lock (_gate)
        {
            if (!Active || !_instruments.ContainsKey(tick.InstrumentId))
            {
                return HostOutput.None;
            }

            Advance(tick.TsEvent);
            switch (tick)
            {
                case QuoteTick quote:
                    _last[quote.InstrumentId] = (quote.BidPrice.AsDouble() + quote.AskPrice.AsDouble()) / 2;
                    _strategy.OnQuote(quote);
                    break;
                case TradeTick trade:
                    _last[trade.InstrumentId] = trade.Price.AsDouble();
                    _strategy.OnTrade(trade);
                    break;
            }

            FlushDenials();
            return Drain();
        }
    }

    public HostOutput OnFeature(FeatureValues features)
    {
        lock (_gate)
        {
            if (!Active || !_instruments.ContainsKey(features.InstrumentId))
            {
                return HostOutput.None;
            }

            Advance(features.TsEvent);
            _strategy.OnFeature(features);
            FlushDenials();
            return Drain();
        }
    }

    public HostOutput OnPrediction(Prediction prediction)
    {
        lock (_gate)
        {
            if (!Active || !_instruments.ContainsKey(prediction.InstrumentId))
            {
                return HostOutput.None;
            }

            Advance(prediction.TsEvent);
            _strategy.OnPrediction(prediction);
            FlushDenials();
            return Drain();
        }
    }

    /// <summary>A fill of one of its orders: cash and position move, the strategy hears it, a held order update follows.</summary>
    public HostOutput OnFill(TradeExecution trade)
    {
        lock (_gate)
        {
            if (!_specs.TryGetValue(trade.ClientOrderId, out var spec) || !_seenFills.Add(trade.TradeId))
            {
                return HostOutput.None;
            }

            var instrument = _instruments[trade.InstrumentId];
            var fill = new Fill(trade.TradeId, trade.ClientOrderId, null, new AccountId(spec.PortfolioId.Value), spec.StrategyId,
                trade.InstrumentId, trade.Side, trade.Quantity, trade.Price.ToDecimal(), trade.Fee.Amount, trade.Fee.Currency, false,
                    trade.TsEvent);
            _cash -= fill.Signed * fill.Price * instrument.Multiplier + fill.Fee;
            _held[trade.InstrumentId] = _held.GetValueOrDefault(trade.InstrumentId) + fill.Signed;
            _filledByFills[trade.ClientOrderId] = _filledByFills.GetValueOrDefault(trade.ClientOrderId) + fill.Quantity.ToDecimal();
            _fillCount++;
            _changed = true;
            _fills.Add(new FillRow(trade.TradeId.Value, _row.Id, trade.ClientOrderId.Value, trade.InstrumentId.ToString(),
                trade.Side.ToString(),
                fill.Quantity.ToDecimal(), fill.Price, fill.Fee, trade.TsEvent.Value));
            _strategy.OnFill(fill);
            if (_heldUpdates.TryGetValue(trade.ClientOrderId,
                out var update) && update.FilledQuantity.ToDecimal() <= _filledByFills[trade.ClientOrderId])
            {
                _heldUpdates.Remove(trade.ClientOrderId);
                Deliver(update);
            }

            FlushDenials();
            return Drain();
        }
    }

    public HostOutput OnOrderUpdate(OrderUpdate update)
    {
        lock (_gate)
        {
            if (!_specs.ContainsKey(update.ClientOrderId))
            {
                return HostOutput.None;
            }

            if (update.FilledQuantity.ToDecimal() > _filledByFills.GetValueOrDefault(update.ClientOrderId))
            {
                // Its fills are still on their way (TRADE_EXECUTION travels on the other bus): the latest update waits for them.
                _heldUpdates[update.ClientOrderId] = update;
                return HostOutput.None;
            }

            Deliver(update);
            FlushDenials();
            return Drain();
        }
    }

    /// <summary>Working orders of this deployment the Execution engine still has (after a restart): mirrored again.</summary>
    public void Mirror(OrderSpec spec, OrderStatus status, Quantity filled, decimal? averagePrice, UnixNanos ts)
    {
        lock (_gate)
        {
            _specs[spec.ClientOrderId] = spec;
            _filledByFills[spec.ClientOrderId] = filled.ToDecimal();
            _open[spec.ClientOrderId] = Order.Restored(spec, ts, status, filled, averagePrice, ts, null);
        }
    }

    public StrategyView View()
    {
        lock (_gate)
        {
            return new StrategyView(_row.Id, _row.Strategy, _row.Parameters, [.. Symbols.Select(s => s.Symbol)], _row.Portfolio,
                _row.Interval,
                _row.Capital, _row.Status, _cash, Equity, _held.ToDictionary(h => h.Key.Symbol, h => h.Value), _open.Count, _ordersSent,
                    _fillCount,
                _signals, _lastEvent?.ToDateTimeOffset(), _strategy.SaveState(), _row.CreatedAt, _row.UpdatedAt);
        }
    }

    /// <summary>The row to save (state, cash, positions, sequence) when anything changed since the last save; null otherwise.</summary>
    public DeploymentRow? Dirty(DateTimeOffset at)
    {
        lock (_gate)
        {
            return _changed ? Snapshot(at) : null;
        }
    }

    private DeploymentRow Snapshot(DateTimeOffset at)
    {
        _changed = false;
        _row = _row with
        {
            State = new Dictionary<string, double>(_strategy.SaveState()),
            Cash = _cash,
            Positions = _held.ToDictionary(h => h.Key.Symbol, h => h.Value),
            OrderSeq = _orderSeq,
            UpdatedAt = at,
        };
        return _row;
    }

    private bool Active => _row.Status is DeploymentStatus.Running or DeploymentStatus.Paused;

    private void Advance(UnixNanos ts)
    {
        if (_timers.Count > 0)
        {
            _timers.Fire(ts, (name, due) =>
            {
                MoveClock(due);
                _strategy.OnTimer(name, due);
            });
        }

        MoveClock(ts);
    }

    private void MoveClock(UnixNanos ts)
    {
        _handling = ts;
        if (ts > _clock.Now)
        {
            _clock.Set(ts);
        }

        _lastEvent = _clock.Now;
    }

    private void Deliver(OrderUpdate update)
    {
        var spec = _specs[update.ClientOrderId];
        var order = Order.Restored(spec, _open.TryGetValue(update.ClientOrderId, out var known) ? known.TsInit : update.TsEvent,
            update.Status,
            update.FilledQuantity, update.AveragePrice?.ToDecimal(), update.TsEvent, update.Reason);
        if (order.IsFinal)
        {
            _open.Remove(update.ClientOrderId);
            _heldUpdates.Remove(update.ClientOrderId);
        }
        else
        {
            _open[update.ClientOrderId] = order;
        }

        _strategy.OnOrderUpdate(order);
    }

    /// <summary>Orders sent while not trading are refused after the handler that sent them returns.</summary>
    private void FlushDenials()
    {
        while (_toDeny.Count > 0)
        {
            var (id, reason) = _toDeny[0];
            _toDeny.RemoveAt(0);
            var spec = _specs[id];
            Deliver(new OrderUpdate(id, null, spec.InstrumentId, OrderStatus.Denied, Quantity.Zero(spec.Quantity.Precision), null, reason,
                _clock.Now));
        }
    }

    private HostOutput Drain()
    {
        if (_orders.Count == 0 && _signalsOut.Count == 0 && _requests.Count == 0 && _fills.Count == 0 && !_changed)
        {
            return HostOutput.None;
        }

        var output = new HostOutput([.. _orders], [.. _signalsOut], [.. _requests], [.. _fills], _changed);
        _orders.Clear();
        _signalsOut.Clear();
        _requests.Clear();
        _fills.Clear();
        return output;
    }

    // IStrategyContext
    public TimeProvider Clock => _clock;

    public UnixNanos Now => _clock.Now;

    public PortfolioId Portfolio => new(_row.Portfolio);

    public decimal Cash => _cash;

    public double Equity
    {
        get
        {
            var equity = (double)_cash;
            foreach (var (id, quantity) in _held)
            {
                equity += (double)quantity * _last.GetValueOrDefault(id);
            }

            return equity;
        }
    }

    public decimal PositionOf(InstrumentId instrument) => _held.GetValueOrDefault(instrument);

    public TradableInstrument Instrument(InstrumentId instrument) =>
        _instruments.GetValueOrDefault(instrument) ?? throw new OrderValidationException("instrumentId",
            $"{instrument} is not traded by {Id}");

    public IReadOnlyCollection<Order> OpenOrders => _open.Values;

    public ClientOrderId Submit(StrategyOrder order)
    {
        var instrument = Instrument(order.InstrumentId);
        var id = new ClientOrderId($"{_row.Id}-{++_orderSeq}");
        var spec = new OrderSpec(id, new StrategyId(_row.Id), Portfolio, order.InstrumentId, order.Side, order.Type, order.Quantity,
            order.LimitPrice,
            order.TriggerPrice, order.TimeInForce, order.ExpireTime, order.ListId, order.Contingency, order.Parent);
        if (spec.Validate(instrument) is [var (field, problem), ..])
        {
            throw new OrderValidationException(field, problem);
        }

        _specs[id] = spec;
        _open[id] = new Order(spec, _clock.Now);
        _changed = true;
        if (_warmingUp || _row.Status != DeploymentStatus.Running)
        {
            _toDeny.Add((id, _warmingUp ? "warming up: orders are not sent" : $"the strategy is {_row.Status}: orders are not sent"));
            return id;
        }

        _ordersSent++;
        _orders.Add(new OrderRequest(id, spec.StrategyId, spec.PortfolioId, spec.InstrumentId, spec.Side, spec.Type, spec.Quantity,
            spec.LimitPrice, spec.TimeInForce, _clock.Now, spec.TriggerPrice, spec.ExpireTime, spec.ListId, (byte)spec.Contingency,
                spec.Parent, _handling));
        return id;
    }

    public void Modify(ClientOrderId order, Quantity? quantity = null, Price? limitPrice = null, Price? triggerPrice = null) =>
        _requests.Add((order.Value, quantity?.ToDecimal(), limitPrice?.ToDecimal(), triggerPrice?.ToDecimal(), false));

    public void Cancel(ClientOrderId order)
    {
        if (_toDeny.Any(d => d.Id == order))
        {
            return; // never sent: its refusal is already on its way to the strategy
        }

        _requests.Add((order.Value, null, null, null, true));
    }

    public void SetTimer(string name, TimeSpan interval) => _timers.Set(name, interval, _clock.Now);

    public void CancelTimer(string name) => _timers.Cancel(name);

    public void Signal(InstrumentId instrument, double strength, string reason)
    {
        if (_warmingUp)
        {
            return;
        }

        _signals++;
        _signalsOut.Add(new StrategySignal(new StrategyId(_row.Id), instrument, strength, reason, _clock.Now));
    }
}
