namespace Nautilus.Indicators;

/// <summary>Maximum (or minimum) of a sliding window in amortised O(1): a monotonic deque of (index, value).</summary>
public sealed class RollingExtremum(int size, bool maximum)
{
    private readonly (long Index, double Value)[] _deque = new (long, double)[size + 1];
    private int _head;
    private int _count;
    private long _index;

    public double Value => _count > 0 ? _deque[_head].Value : double.NaN;

    public void Add(double value)
    {
        // Drop values the new one dominates: they can never be the extremum again.
        while (_count > 0)
        {
            var tail = _deque[(_head + _count - 1) % _deque.Length].Value;
            if (maximum ? tail > value : tail < value)
            {
                break;
            }

            _count--;
        }

        _deque[(_head + _count) % _deque.Length] = (_index, value);
        _count++;
        // Drop the front once it has left the window.
        if (_deque[_head].Index <= _index - size)
        {
            _head = (_head + 1) % _deque.Length;
            _count--;
        }

        _index++;
    }

    public void Clear()
    {
        _head = 0;
        _count = 0;
        _index = 0;
    }
}
