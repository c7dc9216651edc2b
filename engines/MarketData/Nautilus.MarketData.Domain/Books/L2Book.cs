namespace Nautilus.MarketData.Domain.Books;

/// <summary>
/// A price-level (L2) order book kept from a venue's snapshot and changes: each change sets the size resting at a
/// price (0 removes the level). Best levels first on both sides.
/// </summary>
public sealed class L2Book
{
    private readonly SortedDictionary<double, double> _bids = new(Comparer<double>.Create((a, b) => b.CompareTo(a)));
    private readonly SortedDictionary<double, double> _asks = new();

    /// <summary>False until the first snapshot: changes before it are not a book.</summary>
    public bool HasSnapshot { get; private set; }

    public int BidLevels => _bids.Count;

    public int AskLevels => _asks.Count;

    public void Reset(IEnumerable<(double Price, double Size)> bids, IEnumerable<(double Price, double Size)> asks)
    {
        _bids.Clear();
        _asks.Clear();
        foreach (var (price, size) in bids)
        {
            Set(_bids, price, size);
        }

        foreach (var (price, size) in asks)
        {
            Set(_asks, price, size);
        }

        HasSnapshot = true;
    }

    /// <summary>Forgets the book (a new connection starts from its own snapshot).</summary>
    public void Clear()
    {
        _bids.Clear();
        _asks.Clear();
        HasSnapshot = false;
    }

    public void Apply(bool bid, double price, double size) => Set(bid ? _bids : _asks, price, size);

    /// <summary>Best bid and ask with their sizes; false while either side is empty.</summary>
    public bool TryTop(out double bid, out double bidSize, out double ask, out double askSize)
    {
        bid = bidSize = ask = askSize = 0;
        if (_bids.Count == 0 || _asks.Count == 0)
        {
            return false;
        }

        (bid, bidSize) = First(_bids);
        (ask, askSize) = First(_asks);
        return true;
    }

    /// <summary>Up to <paramref name="depth"/> levels a side, best first.</summary>
    public (double[] BidPrices, double[] BidSizes, double[] AskPrices, double[] AskSizes) Levels(int depth)
    {
        var (bp, bs) = Side(_bids, depth);
        var (ap, @as) = Side(_asks, depth);
        return (bp, bs, ap, @as);
    }

    private static (double[] Prices, double[] Sizes) Side(SortedDictionary<double, double> side, int depth)
    {
        var n = Math.Min(depth, side.Count);
        var prices = new double[n];
        var sizes = new double[n];
        var i = 0;
        foreach (var (price, size) in side)
        {
            if (i == n)
            {
                break;
            }

            prices[i] = price;
            sizes[i++] = size;
        }

        return (prices, sizes);
    }

    private static KeyValuePair<double, double> First(SortedDictionary<double, double> side)
    {
        using var e = side.GetEnumerator();
        e.MoveNext();
        return e.Current;
    }

    private static void Set(SortedDictionary<double, double> side, double price, double size)
    {
        if (size <= 0)
        {
            side.Remove(price);
        }
        else
        {
            side[price] = size;
        }
    }
}
