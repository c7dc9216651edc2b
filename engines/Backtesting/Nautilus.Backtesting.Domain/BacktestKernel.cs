using Nautilus.Analytics.Domain.Performance;
using Nautilus.Analytics.Domain.Trades;
using Nautilus.Execution.Domain;
using Nautilus.Execution.Domain.Orders;
using Nautilus.Execution.Domain.Positions;
using Nautilus.Model;
using Nautilus.Risk.Domain.Limits;
using Nautilus.Strategy.Domain;
using ExecutionFill = Nautilus.Execution.Domain.Fill;

namespace Nautilus.Backtesting.Domain;

/// <summary>
/// One backtest: market data replayed in time order on a <see cref="SimulatedClock"/> through a strategy, the Risk
/// engine's <see cref="PreTradeCheck"/> and an <see cref="ExecutionCore"/> — the code the live engines run, wired in
/// process instead of over the buses. Per bar: the venue first matches working orders against it (so an order sent
/// while handling bar t fills at bar t+1's open at the earliest), then the clock moves to the bar's close and the
/// strategy sees it; orders it submits are checked once its handler returns (live, the check answers on the bus after
/// the handler too). Equity is recorded after each distinct bar time. Deterministic: no wall clock, no randomness, ids
/// numbered in order.
/// </summary>
public sealed class BacktestKernel : IStrategyContext, IExecutionListener
{
    private readonly BacktestSettings _settings;
    private readonly TradingStrategy _strategy;
    private readonly SimulatedClock _clock = new();
    private readonly ExecutionCore _core;
    private readonly StrategyId _strategyId;
    private readonly PortfolioId _portfolio;
    private readonly AccountId _account;
    private readonly InstrumentId[] _instrumentIds;
    private readonly double[] _held;
    private readonly decimal[] _heldExact;
    private readonly double[] _lastPrice;
    private readonly HashSet<InstrumentId> _tickInstruments = [];
    private readonly Dictionary<ClientOrderId, Order> _open = [];
    private readonly Queue<Order> _toCheck = new();
    private readonly List<ExecutionFill> _fills = [];
    private readonly List<SignalRecord> _signals = [];
    private readonly StrategyTimers _timers = new();
    private readonly PortfolioExposure _exposure;
    private readonly LimitBook _limits;
    private readonly OrderRateWindow _rate;
    private readonly CashAccount _cash;
    private InstrumentId _lastId;
    private int _lastIndex = -1;
    private long _orderSeq;
    private long _day = long.MinValue;
    private double _dayStartEquity;
    private double _cashValue;
    private readonly UnixNanos _countFrom;

    public BacktestKernel(BacktestSettings settings, TradingStrategy strategy)
    {
        _settings = settings;
        _countFrom = settings.CountFrom ?? new UnixNanos(long.MinValue);
        _strategy = strategy;
        _strategyId = new StrategyId(settings.Strategy);
        _portfolio = new PortfolioId(settings.Portfolio);
        _account = ExecutionCore.AccountOf(_portfolio);
        _core = new ExecutionCore(settings.Venue, settings.PositionMode, this, settings.Currency, settings.InitialCash);
        _instrumentIds = [.. settings.Instruments.Select(i => i.Id)];
        foreach (var instrument in settings.Instruments)
        {
            _core.AddInstrument(instrument);
        }

        _held = new double[_instrumentIds.Length];
        _heldExact = new decimal[_instrumentIds.Length];
        _lastPrice = new double[_instrumentIds.Length];
        _exposure = new PortfolioExposure(_portfolio);
        _limits = settings.Limits ?? LimitBook.Empty;
        _rate = new OrderRateWindow(_clock);
        _cash = _core.AccountOf(_account);
        _cashValue = (double)_cash.Cash;
        strategy.Attach(_strategyId, _instrumentIds, this);
    }

    /// <summary>Replays <paramref name="events"/> (bars ordered by close time, ticks by event time; bars of one time in
    /// instrument order) and returns the result. <paramref name="progress"/> is told every <c>progressEvery</c> events.</summary>
    public BacktestResult Run(IReadOnlyList<IMarketData> events, CancellationToken ct = default, Action<long, long>? progress = null,
        int progressEvery = 65_536)
    {
        CheckOrder(events);
        foreach (var e in events)
        {
            if (e is TradeTick or QuoteTick or OrderBookSnapshot)
            {
                _tickInstruments.Add(e.InstrumentId);
            }
        }

        var equityTimes = new List<UnixNanos>(events.Count);
        var equity = new List<double>(events.Count);
        _clock.Set(events.Count > 0 ? events[0].TsEvent : default);
        _strategy.OnStart();
        Flush();
        for (var n = 0; n < events.Count; n++)
        {
            if ((n & (progressEvery - 1)) == 0 && n > 0)
            {
                ct.ThrowIfCancellationRequested();
                progress?.Invoke(n, events.Count);
            }

            var e = events[n];
            if (e is Bar bar)
            {
                HandleBar(bar);
                var ts = bar.TsEvent;
                if (ts < _countFrom)
                {
                    continue;
                }

                if (n + 1 == events.Count || (events[n + 1] is Bar next ? next.TsEvent != ts : true))
                {
                    equityTimes.Add(ts);
                    equity.Add(MarkEquity(ts));
                }
            }
            else
            {
                HandleTick(e);
                if (e.TsEvent < _countFrom)
                {
                    continue;
                }

                // Ticks: equity once a minute at most.
                if (n + 1 == events.Count || events[n + 1].TsEvent.Value / 60_000_000_000 != e.TsEvent.Value / 60_000_000_000)
                {
                    equityTimes.Add(e.TsEvent);
                    equity.Add(MarkEquity(e.TsEvent));
                }
            }
        }

        _strategy.OnStop();
        Flush();
        progress?.Invoke(events.Count, events.Count);
        return Result(events.Count, equityTimes, equity);
    }

    private void HandleBar(Bar bar)
    {
        var i = IndexOf(bar.InstrumentId);
        if (_timers.Count > 0)
        {
            FireTimers(bar.TsEvent);
        }

        if (i >= 0 && _core.Venue.OpenOrders > 0 && !_tickInstruments.Contains(bar.InstrumentId))
        {
            Advance(bar.TsEvent);
            _core.Venue.OnBar(bar);
            Flush();
        }

        if (i >= 0)
        {
            _lastPrice[i] = bar.Close.AsDouble();
        }

        Advance(bar.TsClose);
        _strategy.OnBar(bar);
        Flush();
    }

    private void HandleTick(IMarketData tick)
    {
        FireTimers(tick.TsEvent);
        Advance(tick.TsEvent);
        var i = IndexOf(tick.InstrumentId);
        switch (tick)
        {
            case QuoteTick quote:
                _core.Venue.OnQuote(quote);
                Flush();
                if (i >= 0)
                {
                    _lastPrice[i] = (quote.BidPrice.AsDouble() + quote.AskPrice.AsDouble()) / 2;
                }

                _strategy.OnQuote(quote);
                break;
            case TradeTick trade:
                _core.Venue.OnTrade(trade);
                Flush();
                if (i >= 0)
                {
                    _lastPrice[i] = trade.Price.AsDouble();
                }

                _strategy.OnTrade(trade);
                break;
            case OrderBookSnapshot book:
                _core.Venue.OnBook(book);
                break;
        }

        Flush();
    }

    private void Advance(UnixNanos ts)
    {
        if (ts > _clock.Now)
        {
            _clock.Set(ts);
        }
    }

    private void FireTimers(UnixNanos until) => _timers.Fire(until, (name, due) =>
    {
        Advance(due);
        _strategy.OnTimer(name, due);
        Flush();
    });

    /// <summary>The pre-trade check of every order the strategy submitted, in submission order.</summary>
    private void Flush()
    {
        while (_toCheck.TryDequeue(out var order))
        {
            if (order.Status != OrderStatus.Initialized)
            {
                continue;
            }

            if (_settings.CountFrom is { } countFrom && _clock.Now < countFrom)
            {
                _core.Deny(order.Id, "warm-up: before the counted window", _clock.Now);
                continue;
            }

            var i = IndexOf(order.InstrumentId);
            var reference = order.Spec.LimitPrice?.AsDouble() ?? order.Spec.TriggerPrice?.AsDouble() ?? (i >= 0 ? _lastPrice[i] : 0);
            SyncExposure();
            var intent = new OrderIntent(_portfolio, _strategyId, order.InstrumentId, order.Side, order.Spec.Quantity.AsDouble(),
                reference);
            var decision = PreTradeCheck.Check(intent, _exposure, _limits, TradingState.Active, TradingState.Active, _rate.InLastSecond());
            _rate.Record();
            if (decision.Accepted)
            {
                _core.Release(order.Id, _clock.Now);
            }
            else
            {
                _core.Deny(order.Id, decision.Reason ?? "refused by the pre-trade check", _clock.Now);
            }
        }
    }

    private void SyncExposure()
    {
        var equity = Equity;
        for (var i = 0; i < _instrumentIds.Length; i++)
        {
            _exposure.SetPosition(_instrumentIds[i], _held[i], _lastPrice[i]);
        }

        _exposure.SetAccount(equity, equity - _dayStartEquity);
    }

    private double MarkEquity(UnixNanos ts)
    {
        var equity = Equity;
        var day = ts.Value / 86_400_000_000_000;
        if (day != _day)
        {
            (_day, _dayStartEquity) = (day, equity);
        }

        return equity;
    }

    private void CheckOrder(IReadOnlyList<IMarketData> events)
    {
        var previous = long.MinValue;
        for (var n = 0; n < events.Count; n++)
        {
            var at = events[n] is Bar bar ? bar.TsClose.Value : events[n].TsEvent.Value;
            if (at < previous)
            {
                throw new BacktestInputException(events[n] is Bar ? "bars" : "events",
                    $"[{n}] at {events[n].TsEvent} comes before the one ahead of it: data must be in time order");
            }

            previous = at;
        }
    }

    private int IndexOf(InstrumentId id)
    {
        if (_lastIndex >= 0 && id == _lastId)
        {
            return _lastIndex;
        }

        var index = Array.IndexOf(_instrumentIds, id);
        if (index >= 0)
        {
            (_lastId, _lastIndex) = (id, index);
        }

        return index;
    }

    private BacktestResult Result(long events, List<UnixNanos> times, List<double> equity)
    {
        var trades = RoundTrips.Match(_fills.Select(f => new Analytics.Domain.Trades.Fill(f.InstrumentId, f.Side, f.Quantity.AsDouble(),
            (double)f.Price, (double)f.Fee, f.TsEvent.ToDateTimeOffset())));
        PerformanceReport? statistics = null;
        string? note = null;
        if (!_settings.FullStatistics)
        {
            note = "summary only";
        }
        else if (equity.Count >= 3 && equity.All(v => v > 0))
        {
            var returns = new double[equity.Count - 1];
            for (var i = 1; i < equity.Count; i++)
            {
                returns[i - 1] = equity[i] / equity[i - 1] - 1;
            }

            var outcomes = trades.Select(t => new TradeOutcome(t.Pnl)).ToArray();
            statistics = PerformanceStatistics.Compute(returns, null, new PerformanceSettings(_settings.PeriodsPerYear), outcomes);
        }
        else
        {
            note = equity.Count < 3 ? "statistics need at least three equity points" : "equity fell to zero or below: no returns";
        }

        var account = _core.AccountOf(_account);
        return new BacktestResult(events, [.. _core.Orders.Values.Where(o => o.TsInit >= _countFrom).Select(OrderRecord.Of)], _fills,
            trades, times, equity, account.Cash,
            equity.Count > 0 ? equity[^1] : (double)account.Cash, _signals,
            BacktestSummary.Of((double)_settings.InitialCash, equity, trades, _settings.PeriodsPerYear), statistics, note);
    }

    // IStrategyContext
    public TimeProvider Clock => _clock;

    public UnixNanos Now => _clock.Now;

    public PortfolioId Portfolio => _portfolio;

    public decimal Cash => _cash.Cash;

    public double Equity
    {
        get
        {
            var equity = _cashValue;
            for (var i = 0; i < _held.Length; i++)
            {
                equity += _held[i] * _lastPrice[i];
            }

            return equity;
        }
    }

    public IReadOnlyCollection<Order> OpenOrders => _open.Values;

    public decimal PositionOf(InstrumentId instrument) => IndexOf(instrument) is var i and >= 0 ? _heldExact[i] : 0;

    public TradableInstrument Instrument(InstrumentId instrument) =>
        _core.InstrumentOf(instrument) ?? throw new BacktestInputException("instruments",
            $"the strategy asked for {instrument}, not in this backtest");

    public ClientOrderId Submit(StrategyOrder order)
    {
        var id = new ClientOrderId($"{_strategyId}-{++_orderSeq}");
        var spec = new OrderSpec(id, _strategyId, _portfolio, order.InstrumentId, order.Side, order.Type, order.Quantity, order.LimitPrice,
            order.TriggerPrice, order.TimeInForce, order.ExpireTime, order.ListId, order.Contingency, order.Parent);
        var created = _core.Initialize(spec, _clock.Now);
        _toCheck.Enqueue(created);
        return id;
    }

    public void Modify(ClientOrderId order, Quantity? quantity = null, Price? limitPrice = null, Price? triggerPrice = null) =>
        _core.Modify(order, quantity, limitPrice, triggerPrice, _clock.Now);

    public void Cancel(ClientOrderId order) => _core.Cancel(order, _clock.Now);

    public void SetTimer(string name, TimeSpan interval) => _timers.Set(name, interval, _clock.Now);

    public void CancelTimer(string name) => _timers.Cancel(name);

    public void Signal(InstrumentId instrument, double strength, string reason) =>
        _signals.Add(new SignalRecord(_clock.Now, instrument, strength, reason));

    // IExecutionListener
    void IExecutionListener.OnOrder(Order order)
    {
        if (order.IsFinal)
        {
            _open.Remove(order.Id);
        }
        else
        {
            _open[order.Id] = order;
        }

        _strategy.OnOrderUpdate(order);
    }

    void IExecutionListener.OnFill(Order order, ExecutionFill fill, Position position, decimal realized)
    {
        _fills.Add(fill);
        _cashValue = (double)_cash.Cash;
        var i = IndexOf(fill.InstrumentId);
        _heldExact[i] = _core.Positions.NetQuantity(_account, fill.InstrumentId);
        _held[i] = (double)_heldExact[i];
        _strategy.OnFill(fill);
    }
}
