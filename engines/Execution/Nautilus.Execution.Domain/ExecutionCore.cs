using Nautilus.Execution.Domain.Orders;
using Nautilus.Execution.Domain.Positions;
using Nautilus.Execution.Domain.Venue;
using Nautilus.Model;

namespace Nautilus.Execution.Domain;

/// <summary>What the execution core tells its owner: every order change and every fill with the position it moved.</summary>
public interface IExecutionListener
{
    /// <summary>After <see cref="OnFill"/> for a fill's order.</summary>
    void OnOrder(Order order);

    void OnFill(Order order, Fill fill, Position position, decimal realized);
}

/// <summary>
/// The OMS, EMS and PMS in one pure object, the same in the Execution engine (live, paper venue) and in the backtester:
/// orders are initialized (validated against their instrument), pass the pre-trade check (<see cref="Release"/> or
/// <see cref="Deny"/>: live the Risk engine answers on the bus, a backtest asks the same check in process), are submitted to
/// the <see cref="SimulatedVenue"/>, and their fills move positions (<see cref="PositionBook"/>) and cash
/// (<see cref="CashAccount"/> per account). Brackets: an OTO child waits until its parent has filled and is cancelled
/// with it; a fill of an OCO order shrinks its siblings to what it has left (cancelling them once it is filled).
/// </summary>
public sealed class ExecutionCore : IFillSink
{
    private readonly Dictionary<ClientOrderId, Order> _orders = [];
    private readonly Dictionary<ClientOrderId, List<Order>> _children = [];
    private readonly HashSet<ClientOrderId> _released = [];
    private readonly Dictionary<OrderListId, List<Order>> _lists = [];
    private readonly Dictionary<InstrumentId, TradableInstrument> _instruments = [];
    private readonly Dictionary<AccountId, CashAccount> _accounts = [];
    private readonly IExecutionListener _listener;
    private readonly Currency _currency;
    private readonly decimal _initialCash;
    private long _tradeSeq;

    public ExecutionCore(VenueOptions venue, PositionMode mode, IExecutionListener listener, Currency currency, decimal initialCash = 0)
    {
        Venue = new SimulatedVenue(venue, this);
        Positions = new PositionBook(mode);
        _listener = listener;
        _currency = currency;
        _initialCash = initialCash;
    }

    public SimulatedVenue Venue { get; }

    public PositionBook Positions { get; }

    public IReadOnlyDictionary<ClientOrderId, Order> Orders => _orders;

    public IReadOnlyDictionary<AccountId, CashAccount> Accounts => _accounts;

    public void AddInstrument(TradableInstrument instrument) => _instruments[instrument.Id] = instrument;

    public TradableInstrument? InstrumentOf(InstrumentId id) => _instruments.GetValueOrDefault(id);

    public CashAccount AccountOf(AccountId id)
    {
        if (!_accounts.TryGetValue(id, out var account))
        {
            _accounts[id] = account = new CashAccount(id, _currency, _initialCash);
        }

        return account;
    }

    /// <summary>One account per portfolio, named after it.</summary>
    public static AccountId AccountOf(PortfolioId portfolio) => new(portfolio.Value);

    /// <summary>Registers a new order, INITIALIZED; throws <see cref="OrderValidationException"/> naming the field when it is
    /// invalid.</summary>
    public Order Initialize(OrderSpec spec, UnixNanos now)
    {
        var instrument = InstrumentOf(spec.InstrumentId)
            ?? throw new OrderValidationException("instrumentId", $"unknown instrument {spec.InstrumentId}");
        if (spec.Validate(instrument) is [var (field, problem), ..])
        {
            throw new OrderValidationException(field, problem);
        }

        if (_orders.ContainsKey(spec.ClientOrderId))
        {
            throw new OrderValidationException("clientOrderId", $"{spec.ClientOrderId} is already used");
        }

        Order? parent = null;
        if (spec.Parent is { } parentId && !_orders.TryGetValue(parentId, out parent))
        {
            throw new OrderValidationException("parent", $"unknown parent order {parentId}");
        }

        var order = new Order(spec, now);
        _orders[spec.ClientOrderId] = order;
        if (spec.ListId is { } list)
        {
            (_lists.TryGetValue(list, out var members) ? members : _lists[list] = []).Add(order);
        }

        if (parent is not null)
        {
            (_children.TryGetValue(parent.Id, out var children) ? children : _children[parent.Id] = []).Add(order);
        }

        _listener.OnOrder(order);
        return order;
    }

    /// <summary>A stored fill applied again at start-up: positions and cash rebuilt from fills alone.</summary>
    public (Position Position, decimal Realized) Replay(Fill fill)
    {
        var instrument = InstrumentOf(fill.InstrumentId) ?? throw new OrderValidationException("instrumentId",
            $"unknown instrument {fill.InstrumentId}");
        AccountOf(fill.AccountId).Apply(fill, instrument.Multiplier);
        var (position, realized) = Positions.Apply(fill, instrument);
        _tradeSeq++;
        return (position, realized);
    }

    /// <summary>A stored order taken back as it was; a working one goes back on the venue.</summary>
    public Order Restore(OrderSpec spec, UnixNanos tsInit, OrderStatus status, Quantity filled, decimal? averagePrice,
        VenueOrderId? venueOrderId,
        UnixNanos tsLast, string? reason, UnixNanos now)
    {
        var order = Order.Restored(spec, tsInit, status, filled, averagePrice, tsLast, reason);
        _orders[spec.ClientOrderId] = order;
        if (spec.ListId is { } list)
        {
            (_lists.TryGetValue(list, out var members) ? members : _lists[list] = []).Add(order);
        }

        if (spec.Parent is { } parent)
        {
            (_children.TryGetValue(parent, out var children) ? children : _children[parent] = []).Add(order);
            _released.Add(spec.ClientOrderId);
        }

        if (order.IsOpen && InstrumentOf(spec.InstrumentId) is { } instrument)
        {
            Venue.Restore(order, instrument, venueOrderId, now);
        }
        else
        {
            order.VenueOrderId = venueOrderId;
        }

        return order;
    }

    /// <summary>The pre-trade check refused it: DENIED with the reason (and its OTO children with it).</summary>
    public void Deny(ClientOrderId id, string reason, UnixNanos now)
    {
        var order = Get(id);
        order.Move(OrderStatus.Denied, now, reason);
        _listener.OnOrder(order);
        CancelChildren(order, now);
    }

    /// <summary>The pre-trade check passed it: submitted to the venue, or held until its OTO parent has filled.</summary>
    public void Release(ClientOrderId id, UnixNanos now)
    {
        var order = Get(id);
        if (order.Status != OrderStatus.Initialized)
        {
            throw new IllegalOrderTransitionException(id, order.Status, OrderStatus.Submitted);
        }

        _released.Add(id);
        if (order.Spec.Parent is { } parentId && _orders[parentId].Status != OrderStatus.Filled)
        {
            return;
        }

        Submit(order, now);
    }

    /// <summary>Cancels a working (or still held) order; throws <see cref="IllegalOrderTransitionException"/> for a final one.</summary>
    public void Cancel(ClientOrderId id, UnixNanos now, string reason = "cancelled by its owner")
    {
        var order = Get(id);
        if (order.IsFinal)
        {
            throw new IllegalOrderTransitionException(id, order.Status, OrderStatus.Canceled);
        }

        Venue.Remove(order);
        order.Move(OrderStatus.Canceled, now, reason);
        _listener.OnOrder(order);
        CancelChildren(order, now);
    }

    /// <summary>Changes quantity, limit or trigger of a working order; throws for a final one or for invalid values.</summary>
    public void Modify(ClientOrderId id, Quantity? quantity, Price? limitPrice, Price? triggerPrice, UnixNanos now)
    {
        var order = Get(id);
        if (order.IsFinal)
        {
            throw new IllegalOrderTransitionException(id, order.Status, order.Status);
        }

        var changed = order.Spec with
        {
            Quantity = quantity ?? order.Spec.Quantity,
            LimitPrice = limitPrice ?? order.Spec.LimitPrice,
            TriggerPrice = triggerPrice ?? order.Spec.TriggerPrice,
        };
        if (changed.Validate(_instruments[order.InstrumentId]) is [var (field, problem), ..])
        {
            throw new OrderValidationException(field, problem);
        }

        order.Modify(quantity, limitPrice, triggerPrice, now);
        if (order.Status == OrderStatus.Accepted)
        {
            order.Move(OrderStatus.Accepted, now);
        }

        _listener.OnOrder(order);
        if (limitPrice is not null || triggerPrice is not null)
        {
            Venue.Repriced(order, now);
        }
    }

    void IFillSink.OnFill(Order order, Quantity quantity, decimal price, decimal fee, bool maker, UnixNanos ts)
    {
        var instrument = _instruments[order.InstrumentId];
        order.ApplyFill(quantity, price, ts);
        var account = AccountOf(AccountOf(order.Spec.PortfolioId));
        var fill = new Fill(new TradeId($"{order.VenueOrderId}-{++_tradeSeq}"), order.Id, order.VenueOrderId, account.Id,
            order.Spec.StrategyId, order.InstrumentId, order.Side, quantity, price, fee, instrument.Currency, maker, ts);
        account.Apply(fill, instrument.Multiplier);
        var (position, realized) = Positions.Apply(fill, instrument);
        _listener.OnFill(order, fill, position, realized);
        _listener.OnOrder(order);
        ShrinkSiblings(order, ts);
        if (order.Status == OrderStatus.Filled && _children.TryGetValue(order.Id, out var children))
        {
            foreach (var child in children.Where(c => c.Status == OrderStatus.Initialized && _released.Contains(c.Id)))
            {
                Submit(child, ts);
            }
        }
    }

    void IFillSink.OnAccepted(Order order) => _listener.OnOrder(order);

    void IFillSink.OnEnded(Order order, OrderStatus status, string reason, UnixNanos ts)
    {
        order.Move(status, ts, reason);
        _listener.OnOrder(order);
        CancelChildren(order, ts);
    }

    private void Submit(Order order, UnixNanos now)
    {
        order.Move(OrderStatus.Submitted, now);
        _listener.OnOrder(order);
        Venue.Submit(order, _instruments[order.InstrumentId], now);
    }

    /// <summary>OCO: what a sibling may still fill is what this order has left; nothing once it is filled.</summary>
    private void ShrinkSiblings(Order order, UnixNanos ts)
    {
        if (order.Spec.Contingency != Contingency.Oco || order.Spec.ListId is not { } list)
        {
            return;
        }

        foreach (var sibling in _lists[list])
        {
            if (ReferenceEquals(sibling, order) || sibling.Spec.Contingency != Contingency.Oco || sibling.IsFinal)
            {
                continue;
            }

            if (order.Status == OrderStatus.Filled)
            {
                Cancel(sibling.Id, ts, $"OCO: {order.Id} filled");
            }
            else if (sibling.Filled + order.Leaves is var target && target < sibling.Spec.Quantity && target > sibling.Filled)
            {
                sibling.Modify(target, null, null, ts);
                _listener.OnOrder(sibling);
            }
        }
    }

    /// <summary>OTO: children of an order that will never fill go with it.</summary>
    private void CancelChildren(Order order, UnixNanos ts)
    {
        if (order.Status == OrderStatus.Filled || !_children.TryGetValue(order.Id, out var children))
        {
            return;
        }

        foreach (var child in children.Where(c => !c.IsFinal && c.Status == OrderStatus.Initialized))
        {
            child.Move(OrderStatus.Canceled, ts, $"OTO: parent {order.Id} ended {order.Status}");
            _listener.OnOrder(child);
        }
    }

    private Order Get(ClientOrderId id) =>
        _orders.GetValueOrDefault(id) ?? throw new OrderValidationException("clientOrderId", $"unknown order {id}");
}
