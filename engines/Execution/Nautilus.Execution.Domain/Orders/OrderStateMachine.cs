using Nautilus.Model;

namespace Nautilus.Execution.Domain.Orders;

/// <summary>
/// The legal moves between <see cref="OrderStatus"/>es (NautilusTrader's order state machine, without its pending-update
/// state): initialized orders are denied by the pre-trade check or submitted; the venue accepts or rejects them; accepted
/// orders fill, partly or fully, or end cancelled or expired. Denied, rejected, filled, cancelled and expired are final.
/// </summary>
public static class OrderStateMachine
{
    private static readonly Dictionary<OrderStatus, OrderStatus[]> Moves = new()
    {
        [OrderStatus.Initialized] = [OrderStatus.Denied, OrderStatus.Submitted, OrderStatus.Canceled],
        [OrderStatus.Submitted] =
        [
            OrderStatus.Accepted, OrderStatus.Rejected, OrderStatus.Canceled, OrderStatus.PartiallyFilled, OrderStatus.Filled,
            OrderStatus.PendingCancel,
        ],
        [OrderStatus.Accepted] =
        [
            OrderStatus.Accepted, OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.PendingCancel,
            OrderStatus.Canceled, OrderStatus.Expired,
        ],
        [OrderStatus.PartiallyFilled] =
        [
            OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.PendingCancel, OrderStatus.Canceled, OrderStatus.Expired,
        ],
        // A fill can overtake a cancel on its way to the venue.
        [OrderStatus.PendingCancel] =
        [
            OrderStatus.Canceled, OrderStatus.PartiallyFilled, OrderStatus.Filled, OrderStatus.Accepted, OrderStatus.Expired,
        ],
    };

    public static bool CanMove(OrderStatus from, OrderStatus to) => Moves.TryGetValue(from, out var next) && next.Contains(to);

    public static bool IsFinal(OrderStatus status) =>
        status is OrderStatus.Denied or OrderStatus.Rejected or OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Expired;

    /// <summary>Working at the venue: can still fill.</summary>
    public static bool IsOpen(OrderStatus status) =>
        status is OrderStatus.Submitted or OrderStatus.Accepted or OrderStatus.PartiallyFilled or OrderStatus.PendingCancel;
}

/// <summary>A move the state machine refuses (a fill of a cancelled order, a cancel of a filled one).</summary>
public sealed class IllegalOrderTransitionException(ClientOrderId order, OrderStatus from, OrderStatus to)
    : InvalidOperationException($"order {order} cannot go from {from} to {to}")
{
    public ClientOrderId Order { get; } = order;

    public OrderStatus From { get; } = from;

    public OrderStatus To { get; } = to;
}
