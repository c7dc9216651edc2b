using Nautilus.Execution.Domain.Orders;
using Nautilus.Model;

namespace Nautilus.Execution.Domain.Venue;

/// <summary>Where the venue reports what it did to an order: the execution core applies it to the order, positions and cash.</summary>
public interface IFillSink
{
    /// <summary>The venue accepted the order (before it can match).</summary>
    void OnAccepted(Order order);

    void OnFill(Order order, Quantity quantity, decimal price, decimal fee, bool maker, UnixNanos ts);

    /// <summary>The venue ended the order: cancelled (IOC/FOK remainder) or expired (DAY, GTD).</summary>
    void OnEnded(Order order, OrderStatus status, string reason, UnixNanos ts);
}
