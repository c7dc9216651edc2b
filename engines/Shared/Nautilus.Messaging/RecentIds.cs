namespace Nautilus.Messaging;

/// <summary>
/// The last N envelope ids this process handled: drops the repeats a publisher's retry after a partial write can
/// cause. Bounded, so it costs the same at any rate.
/// </summary>
public sealed class RecentIds(int capacity)
{
    private readonly HashSet<Guid> _set = new(capacity);
    private readonly Queue<Guid> _order = new(capacity);
    private readonly Lock _lock = new();

    /// <summary>True when the id was not seen yet (and is now remembered).</summary>
    public bool Add(Guid id)
    {
        lock (_lock)
        {
            if (!_set.Add(id))
            {
                return false;
            }
            _order.Enqueue(id);
            if (_order.Count > capacity)
            {
                _set.Remove(_order.Dequeue());
            }
            return true;
        }
    }
}
