using System.Collections.Concurrent;
using Nautilus.Contracts;
using Nautilus.Messaging;
using Nautilus.Model;
using Nautilus.Risk.Contracts;
using Nautilus.Risk.Domain.Limits;
using Nautilus.Risk.Engine.Extensions;
using Nautilus.Risk.Engine.Persistence;

namespace Nautilus.Risk.Engine.State;

/// <summary>
/// The Risk engine's live state: the limits in force, the trading states (global and per portfolio — the kill switch),
/// and each portfolio's exposure as POSITION_CHANGE, PRICE_UPDATE and PORTFOLIO_UPDATE report it. Until the Portfolio
/// engine maps accounts to portfolios, an account's positions belong to the portfolio of the same id. Every refusal,
/// breach and state change is published as a RISK_ALERT; limit and state changes are stored with who made them.
/// </summary>
public sealed class LiveRisk(RiskRepository repository, RiskHistoryRepository history, AlertJournal journal, IMessagePublisher publisher,
    RiskMetrics metrics, TimeProvider clock, ILogger<LiveRisk> logger)
{
    private readonly ConcurrentDictionary<string, TradingState> _portfolioStates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<PortfolioId, PortfolioBook> _portfolios = new();
    private readonly ConcurrentDictionary<InstrumentId, double> _lastPrices = new();
    private readonly ConcurrentDictionary<InstrumentId, ToxicityLevel> _toxicity = new();
    private readonly SemaphoreSlim _changes = new(1, 1);
    private volatile LimitBook _limits = LimitBook.Empty;
    private volatile TradingState _global = TradingState.Active;
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the stored limits and states are in force: nothing is checked or changed before.</summary>
    public Task Loaded => _loaded.Task;

    public LimitBook Limits => _limits;

    public TradingState GlobalState => _global;

    public IReadOnlyDictionary<string, TradingState> PortfolioStates => _portfolioStates;

    public IEnumerable<PortfolioExposure> Portfolios => _portfolios.Values.Select(p => p.Exposure);

    public async Task LoadAsync(CancellationToken ct)
    {
        _limits = new LimitBook(await repository.LimitsAsync(ct));
        foreach (var state in await repository.StatesAsync(latestOnly: true, 0, ct))
        {
            if (state.Portfolio.Length == 0)
            {
                _global = state.State;
            }
            else
            {
                _portfolioStates[state.Portfolio] = state.State;
            }
        }

        _loaded.TrySetResult();
        logger.LogInformation("Risk state loaded: {Limits} limits, global trading state {State}", _limits.Limits.Count, _global);
    }

    /// <summary>Sets or (value null) removes a limit; refused with the problems when the book would contradict itself.</summary>
    public async Task<LimitChange> ChangeLimitAsync(LimitScope scope, string key, LimitKind kind, double? value, string changedBy,
        string reason,
        CancellationToken ct)
    {
        await Loaded.WaitAsync(ct);
        await _changes.WaitAsync(ct);
        try
        {
            var others = _limits.Limits.Where(l => !(l.Scope == scope && l.Key == key && l.Kind == kind));
            var next = new LimitBook(value is { } v ? others.Append(new RiskLimit(scope, key, kind, v)) : others);
            var change = await repository.ChangeLimitAsync(scope, key, kind, value, changedBy, reason, clock.GetUtcNow(), ct);
            _limits = next;
            return change;
        }
        finally
        {
            _changes.Release();
        }
    }

    /// <summary>Sets the global state (the kill switch) or a portfolio's; stored and published.</summary>
    public async Task<TradingStateChange> SetStateAsync(PortfolioId? portfolio, TradingState state, string changedBy, string reason,
        CancellationToken ct)
    {
        await Loaded.WaitAsync(ct);
        var change = new TradingStateChange(portfolio?.Value ?? "", state, changedBy, reason, clock.GetUtcNow());
        await _changes.WaitAsync(ct);
        try
        {
            await repository.RecordStateAsync(change, ct);
            if (portfolio is { } p)
            {
                _portfolioStates[p.Value] = state;
            }
            else
            {
                _global = state;
            }
        }
        finally
        {
            _changes.Release();
        }

        await AlertAsync(state == TradingState.Active ? AlertSeverity.Info : AlertSeverity.Critical, "TradingState",
            $"{(portfolio is null ? "global" : $"portfolio {portfolio}")} trading state {state} by {changedBy}: {reason}", portfolio,
                null, 0, 0, state, ct);
        return change;
    }

    public TradingState StateOf(PortfolioId portfolio) => _portfolioStates.GetValueOrDefault(portfolio.Value, TradingState.Active);

    public PortfolioExposure? Exposure(PortfolioId portfolio) => _portfolios.TryGetValue(portfolio, out var book) ? book.Exposure : null;

    /// <summary>The pre-trade check against the live state; an accepted order counts toward the portfolio's order rate.</summary>
    public async ValueTask<PreTradeDecision> CheckAsync(OrderIntent order, CancellationToken ct)
    {
        if (!Loaded.IsCompleted)
        {
            await Loaded.WaitAsync(ct);
        }

        var book = Book(order.Portfolio);
        PreTradeDecision decision;
        lock (book)
        {
            decision = PreTradeCheck.Check(order, book.Exposure, _limits, _global, StateOf(order.Portfolio), book.Rate.InLastSecond(),
                InstrumentStateOf(order.Instrument));
            if (decision.Accepted)
            {
                book.Rate.Record();
            }
        }

        metrics.Checked(decision.Accepted);
        if (!decision.Accepted)
        {
            var breach = decision.Breaches.Count > 0 ? decision.Breaches[0] : null;
            await AlertAsync(AlertSeverity.Warning, breach?.Kind.ToString() ?? "TradingState",
                $"order refused: {order.Side} {order.Quantity} {order.Instrument} for {order.Portfolio}: {decision.Reason}",
                order.Portfolio, order.Instrument, breach?.Value ?? 0, breach?.Limit ?? 0, decision.TradingState, ct);
        }

        return decision;
    }

    public void OnPosition(PositionChange change)
    {
        var book = Book(new PortfolioId(change.AccountId.Value));
        var quantity = change.Quantity.AsDouble() * (change.Side == PositionSide.Short ? -1 : 1);
        lock (book)
        {
            var held = book.Exposure.Positions.TryGetValue(change.InstrumentId, out var p) ? p.Price : change.AveragePrice.AsDouble();
            book.Exposure.SetPosition(change.InstrumentId, change.Side == PositionSide.Flat ? 0 : quantity, held);
        }
    }

    /// <summary>REDUCING while the instrument's VPIN gives a flash-crash warning.</summary>
    public TradingState InstrumentStateOf(InstrumentId instrument) =>
        _toxicity.TryGetValue(instrument, out var level) && level == ToxicityLevel.FlashCrash ? TradingState.Reducing : TradingState.Active;

    /// <summary>Instruments whose flow is toxic or worse, by level.</summary>
    public IReadOnlyDictionary<InstrumentId, ToxicityLevel> Toxicity => _toxicity;

    /// <summary>
    /// VPIN_CALCULATION: a change of the instrument's toxicity level is alerted (toxic: warning; flash-crash: critical, and the
    /// instrument turns REDUCING; back to normal: info).
    /// </summary>
    public async ValueTask OnVpinAsync(VpinCalculation vpin, CancellationToken ct)
    {
        // Before its window is full an instrument's VPIN (and CDF) is NaN: nothing is judged from it.
        if (!double.IsFinite(vpin.Vpin) || !double.IsFinite(vpin.CdfPercentile))
        {
            return;
        }

        var before = _toxicity.TryGetValue(vpin.InstrumentId, out var level) ? level : ToxicityLevel.Normal;
        if (before == vpin.Level)
        {
            return;
        }

        if (vpin.Level == ToxicityLevel.Normal)
        {
            _toxicity.TryRemove(vpin.InstrumentId, out _);
        }
        else
        {
            _toxicity[vpin.InstrumentId] = vpin.Level;
        }

        var (severity, what) = vpin.Level switch
        {
            ToxicityLevel.FlashCrash => (AlertSeverity.Critical, "flash-crash warning: only orders that reduce a position in it pass"),
            ToxicityLevel.Toxic => (AlertSeverity.Warning, "order flow toxic"),
            _ => (AlertSeverity.Info, "order flow back to normal"),
        };
        await AlertAsync(severity, "Toxicity", $"{vpin.InstrumentId}: {what} (VPIN {vpin.Vpin:F3}, CDF {vpin.CdfPercentile:F3})", null,
            vpin.InstrumentId, vpin.CdfPercentile, 0, InstrumentStateOf(vpin.InstrumentId), ct);
    }

    /// <summary>The last traded price seen on PRICE_UPDATE: a market order's reference price.</summary>
    public double? LastPrice(InstrumentId instrument) => _lastPrices.TryGetValue(instrument, out var price) ? price : null;

    public void OnPrice(PriceUpdate price)
    {
        var last = price.Last.AsDouble();
        _lastPrices[price.InstrumentId] = last;
        foreach (var book in _portfolios.Values)
        {
            lock (book)
            {
                book.Exposure.Mark(price.InstrumentId, last);
            }
        }
    }

    /// <summary>A valuation: equity and today's P&amp;L (against the first NAV of the UTC day); a breached loss limit turns the portfolio
    /// to REDUCING.</summary>
    public async ValueTask OnPortfolioAsync(PortfolioUpdate update, CancellationToken ct)
    {
        var book = Book(update.PortfolioId);
        var nav = (double)update.NetAssetValue.Amount;
        var day = update.TsEvent.ToUtcDateTime().Date;
        List<LimitBreach>? breaches = null;
        lock (book)
        {
            if (book.Day != day)
            {
                (book.Day, book.DayStartNav) = (day, nav);
            }

            book.Exposure.SetAccount(nav, nav - book.DayStartNav);
            foreach (var (scope, key) in LimitBook.PortfolioScopes(update.PortfolioId))
            {
                PreTradeCheck.AddLossBreaches(book.Exposure, _limits, scope, key, ref breaches);
            }
        }

        await history.RecordNavAsync(update.PortfolioId, update.TsEvent.ToDateTimeOffset(), nav, ct);
        if (breaches is { Count: > 0 } && StateOf(update.PortfolioId) == TradingState.Active)
        {
            var breach = breaches[0];
            await SetStateAsync(update.PortfolioId, TradingState.Reducing, "risk-engine",
                $"{breach.Kind} breached: {breach.Value:G6} over {breach.Limit:G6}", ct);
        }
    }

    private PortfolioBook Book(PortfolioId portfolio) => _portfolios.GetOrAdd(portfolio, p => new PortfolioBook(new PortfolioExposure(p),
        new OrderRateWindow(clock)));

    /// <summary>A newly computed VaR of the portfolio: kept for limit utilisation, and a breached MaxVar limit alerted.</summary>
    public async ValueTask OnVarAsync(PortfolioId portfolio, double var, CancellationToken ct)
    {
        var book = Book(portfolio);
        lock (book)
        {
            book.Exposure.SetVar(var);
        }

        foreach (var (scope, key) in LimitBook.PortfolioScopes(portfolio))
        {
            if (_limits.TryGet(scope, key, LimitKind.MaxVar, out var limit) && var > limit)
            {
                await AlertAsync(AlertSeverity.Warning, nameof(LimitKind.MaxVar),
                    $"VaR of {portfolio} is {var:N0}, over its {scope} limit of {limit:N0}", portfolio, null, var, limit,
                    StateOf(portfolio), ct);
            }
        }
    }

    /// <summary>Open positions (signed units at their last price) of a portfolio; null when the engine knows nothing of it.</summary>
    public IReadOnlyList<LivePosition>? PositionsOf(PortfolioId portfolio)
    {
        if (!_portfolios.TryGetValue(portfolio, out var book))
        {
            return null;
        }

        lock (book)
        {
            return book.Exposure.Positions.Select(p => new LivePosition(p.Key, p.Value.Quantity, p.Value.Price)).ToArray();
        }
    }

    /// <summary>Published on the bus and stored (off the order path).</summary>
    private ValueTask AlertAsync(AlertSeverity severity, string rule, string message, PortfolioId? portfolio, InstrumentId? instrument,
        double value, double limit, TradingState state, CancellationToken ct)
    {
        var alert = new RiskAlert(Guid.NewGuid().ToString("N"), severity, rule, message, portfolio, instrument, value, limit, state,
            UnixNanos.Now(clock));
        journal.Record(alert);
        return publisher.PublishAsync(alert, cancellationToken: ct);
    }

    private sealed class PortfolioBook(PortfolioExposure exposure, OrderRateWindow rate)
    {
        public PortfolioExposure Exposure { get; } = exposure;

        public OrderRateWindow Rate { get; } = rate;

        public DateTime Day { get; set; }

        public double DayStartNav { get; set; }
    }
}

/// <summary>A held position as the engine last saw it: signed units and the price it is marked at.</summary>
public readonly record struct LivePosition(InstrumentId Instrument, double Quantity, double Price);
