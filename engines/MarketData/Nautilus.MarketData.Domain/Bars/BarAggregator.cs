namespace Nautilus.MarketData.Domain.Bars;

/// <summary>
/// Builds OHLCV bars of fixed intervals (e.g. 1 s and 1 min) from accepted trades, aligned on the Unix epoch. A bar
/// closes when a trade of a later interval arrives or when the clock passes its end (<see cref="CloseDue"/>), so
/// quiet instruments still get their bars; an interval without trades has no bar.
/// </summary>
public sealed class BarAggregator
{
    private readonly int[] _intervals;
    private readonly Dictionary<string, SymbolBars> _symbols = [];

    /// <summary>Trades that arrived after their bar had closed (they are stored as trades; the closed bar is not reopened).</summary>
    public long LateTrades { get; private set; }

    public BarAggregator(params int[] intervalSeconds)
    {
        if (intervalSeconds.Length == 0 || intervalSeconds.Any(i => i <= 0))
        {
            throw new ArgumentException("Bar intervals are positive numbers of seconds.", nameof(intervalSeconds));
        }

        _intervals = intervalSeconds;
    }

    public IReadOnlyList<int> Intervals => _intervals;

    /// <summary>Adds a trade; bars it closes are added to <paramref name="closed"/>.</summary>
    public void OnTrade(string symbol, long tsNs, double price, double size, List<OhlcvBar> closed)
    {
        if (!_symbols.TryGetValue(symbol, out var state))
        {
            _symbols[symbol] = state = new SymbolBars(_intervals.Length);
        }

        var (bars, closedThrough) = (state.Open, state.ClosedThrough);
        var late = false;
        for (var i = 0; i < _intervals.Length; i++)
        {
            var length = _intervals[i] * 1_000_000_000L;
            var openTime = tsNs - (tsNs % length + length) % length;
            var bar = bars[i];
            if (openTime <= closedThrough[i] || (bar is not null && openTime < bar.OpenTimeNs))
            {
                // Its bar was closed (by a later trade or by the clock): reopening it would store a bar of the late
                // trades alone over the whole one.
                late = true;
                continue;
            }

            if (bar is not null && bar.OpenTimeNs != openTime)
            {
                Close(symbol, state, i, bar, closed);
                bar = null;
            }

            if (bar is null)
            {
                bars[i] = new Building(openTime, price, size);
            }
            else
            {
                bar.Add(price, size);
            }
        }

        if (late)
        {
            LateTrades++;
        }
    }

    /// <summary>Closes every bar whose interval ended at or before <paramref name="nowNs"/>.</summary>
    public void CloseDue(long nowNs, List<OhlcvBar> closed) => CloseDue(_ => nowNs, closed);

    /// <summary>Closes every bar whose interval ended at or before its own instrument's time (<see cref="InstrumentClocks"/>).</summary>
    public void CloseDue(Func<string, long> nowOf, List<OhlcvBar> closed)
    {
        foreach (var (symbol, state) in _symbols)
        {
            var nowNs = nowOf(symbol);
            var bars = state.Open;
            for (var i = 0; i < bars.Length; i++)
            {
                if (bars[i] is { } bar && bar.OpenTimeNs + _intervals[i] * 1_000_000_000L <= nowNs)
                {
                    Close(symbol, state, i, bar, closed);
                    bars[i] = null;
                }
            }
        }
    }

    private void Close(string symbol, SymbolBars state, int interval, Building bar, List<OhlcvBar> closed)
    {
        state.ClosedThrough[interval] = bar.OpenTimeNs;
        closed.Add(bar.ToBar(symbol, _intervals[interval]));
    }

    /// <summary>The bar being built for a symbol and interval, if any (for "latest bar" views).</summary>
    public OhlcvBar? Current(string symbol, int intervalSeconds)
    {
        var i = Array.IndexOf(_intervals, intervalSeconds);
        return i >= 0 && _symbols.TryGetValue(symbol, out var state) && state.Open[i] is { } bar ? bar.ToBar(symbol, intervalSeconds) : null;
    }

    /// <summary>
    /// One symbol's bars in the making, per interval, and the open time of the last bar closed per interval (a trade
    /// falling in it, or earlier, is late).
    /// </summary>
    private sealed class SymbolBars(int intervals)
    {
        public Building?[] Open { get; } = new Building?[intervals];
        public long[] ClosedThrough { get; } = Enumerable.Repeat(long.MinValue, intervals).ToArray();
    }

    private sealed class Building(long openTimeNs, double price, double size)
    {
        public long OpenTimeNs { get; } = openTimeNs;
        private readonly double _open = price;
        private double _high = price;
        private double _low = price;
        private double _close = price;
        private double _volume = size;
        private int _trades = 1;

        public void Add(double price, double size)
        {
            _high = Math.Max(_high, price);
            _low = Math.Min(_low, price);
            _close = price;
            _volume += size;
            _trades++;
        }

        public OhlcvBar ToBar(string symbol, int interval) =>
            new(symbol, interval, OpenTimeNs, _open, _high, _low, _close, _volume, _trades);
    }
}
