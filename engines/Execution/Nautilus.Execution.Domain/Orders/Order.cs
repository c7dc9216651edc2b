using Nautilus.Model;

namespace Nautilus.Execution.Domain.Orders;

/// <summary>
/// An order and its life: every change goes through <see cref="OrderStateMachine"/>, so a fill of a cancelled order or a
/// cancel of a filled one is refused (<see cref="IllegalOrderTransitionException"/>) rather than applied.
/// </summary>
public sealed class Order
{
    private decimal _filledValue;

    public Order(OrderSpec spec, UnixNanos tsInit)
    {
        Spec = spec;
        TsInit = tsInit;
        TsLast = tsInit;
        Filled = Quantity.Zero(spec.Quantity.Precision);
    }

    public OrderSpec Spec { get; private set; }

    public ClientOrderId Id => Spec.ClientOrderId;

    public InstrumentId InstrumentId => Spec.InstrumentId;

    public OrderSide Side => Spec.Side;

    public OrderStatus Status { get; private set; } = OrderStatus.Initialized;

    public VenueOrderId? VenueOrderId { get; internal set; }

    public Quantity Filled { get; private set; }

    public Quantity Leaves => Spec.Quantity - Filled;

    /// <summary>The mean price of its fills; null before the first.</summary>
    public decimal? AveragePrice => Filled.IsZero ? null : _filledValue / Filled.ToDecimal();

    /// <summary>A stop-limit order whose trigger was touched now works as a limit order.</summary>
    public bool IsTriggered { get; internal set; }

    /// <summary>When the venue may first match it (submission plus latency).</summary>
    public UnixNanos ActiveFrom { get; internal set; }

    /// <summary>Whether it has reached the venue's matching engine (its latency run out and its first match tried).</summary>
    public bool Arrived { get; internal set; }

    /// <summary>The UTC day of the first event it could fill on: a DAY order expires when that day ends.</summary>
    public DateOnly? TradingDay { get; internal set; }

    /// <summary>Resting limit orders: the size ahead of it in the queue at its price, worked off by trades there.</summary>
    public decimal QueueAhead { get; internal set; }

    public UnixNanos TsInit { get; }

    public UnixNanos TsLast { get; private set; }

    /// <summary>Why it was denied, rejected, cancelled or expired.</summary>
    public string? Reason { get; private set; }

    public bool IsOpen => OrderStateMachine.IsOpen(Status);

    public bool IsFinal => OrderStateMachine.IsFinal(Status);

    /// <summary>An order as stored, in the state it had (a restart): no transition, the stored state is the truth.</summary>
    public static Order Restored(OrderSpec spec, UnixNanos tsInit, OrderStatus status, Quantity filled, decimal? averagePrice,
        UnixNanos tsLast,
        string? reason)
    {
        var order = new Order(spec, tsInit)
        {
            Status = status,
            Filled = filled,
            TsLast = tsLast,
            Reason = reason,
        };
        order._filledValue = filled.ToDecimal() * (averagePrice ?? 0);
        return order;
    }

    /// <summary>Moves it to <paramref name="status"/>, or throws when the state machine forbids the move.</summary>
    public void Move(OrderStatus status, UnixNanos ts, string? reason = null)
    {
        if (!OrderStateMachine.CanMove(Status, status))
        {
            throw new IllegalOrderTransitionException(Id, Status, status);
        }

        Status = status;
        TsLast = ts;
        Reason = reason ?? Reason;
    }

    /// <summary>Applies a fill of <paramref name="quantity"/> at <paramref name="price"/>: partially filled or filled.</summary>
    public void ApplyFill(Quantity quantity, decimal price, UnixNanos ts)
    {
        if (quantity > Leaves || quantity.IsZero)
        {
            throw new InvalidOperationException($"order {Id}: a fill of {quantity} with {Leaves} left");
        }

        var filled = Filled + quantity;
        Move(filled == Spec.Quantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled, ts);
        Filled = filled;
        _filledValue += quantity.ToDecimal() * price;
    }

    /// <summary>Replaces quantity, limit or trigger of a working order (the venue's modify).</summary>
    public void Modify(Quantity? quantity, Price? limitPrice, Price? triggerPrice, UnixNanos ts)
    {
        if (!IsOpen || Status == OrderStatus.PendingCancel)
        {
            throw new IllegalOrderTransitionException(Id, Status, Status);
        }

        if (quantity is { } q && q <= Filled)
        {
            throw new OrderValidationException("quantity", $"{q} is not above the {Filled} already filled");
        }

        Spec = Spec with
        {
            Quantity = quantity ?? Spec.Quantity,
            LimitPrice = limitPrice ?? Spec.LimitPrice,
            TriggerPrice = triggerPrice ?? Spec.TriggerPrice,
        };
        TsLast = ts;
    }

    public override string ToString() =>
        $"{Id} {Spec.Side} {Spec.Quantity} {Spec.InstrumentId} {Spec.Type} {Status} filled {Filled}";
}
