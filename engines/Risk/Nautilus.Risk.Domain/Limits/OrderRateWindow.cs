namespace Nautilus.Risk.Domain.Limits;

/// <summary>
/// Orders sent in the last second, counted on the caller's clock (a <see cref="TimeProvider"/>'s timestamps), in a ring
/// of the most recent timestamps: constant memory, no allocation per order.
/// </summary>
public sealed class OrderRateWindow(TimeProvider clock, int capacity = 4_096)
{
    private readonly long[] _times = new long[capacity];
    private int _head;
    private int _count;

    /// <summary>Orders recorded within the second before now.</summary>
    public int InLastSecond()
    {
        var now = clock.GetTimestamp();
        var horizon = now - clock.TimestampFrequency;
        while (_count > 0 && _times[(_head - _count + _times.Length) % _times.Length] <= horizon)
        {
            _count--;
        }

        return _count;
    }

    public void Record()
    {
        _times[_head] = clock.GetTimestamp();
        _head = (_head + 1) % _times.Length;
        _count = Math.Min(_count + 1, _times.Length);
    }
}
