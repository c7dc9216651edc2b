namespace Nautilus.Indicators;

/// <summary>The last N values in a ring: O(1) add, the value leaving the window returned.</summary>
public sealed class RollingWindow(int size)
{
    private readonly double[] _items = size >= 1 ? new double[size] : throw new ArgumentOutOfRangeException(nameof(size), size, "A window holds at least one value.");
    private int _next;

    public int Size => _items.Length;
    public int Count { get; private set; }
    public bool IsFull => Count == _items.Length;

    /// <summary>Adds a value; returns the one it pushes out (NaN while the window is filling).</summary>
    public double Add(double value)
    {
        var removed = IsFull ? _items[_next] : double.NaN;
        _items[_next] = value;
        _next = _next + 1 == _items.Length ? 0 : _next + 1;
        if (!IsFull)
        {
            Count++;
        }

        return removed;
    }

    /// <summary>The i-th most recent value (0 = newest).</summary>
    public double this[int i] => i < Count
        ? _items[(_next - 1 - i + 2 * _items.Length) % _items.Length]
        : throw new ArgumentOutOfRangeException(nameof(i));

    public void Clear()
    {
        _next = 0;
        Count = 0;
    }
}
