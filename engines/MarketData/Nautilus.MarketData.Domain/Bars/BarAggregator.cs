using Nautilus.Model;

namespace Nautilus.MarketData.Domain.Bars;

/// <summary>
/// Builds last-price <see cref="Bar"/>s of fixed intervals (e.g. 1 s and 1 min) from accepted trades, aligned on the Unix
/// epoch, exact at the trades' precision. A bar closes when a trade of a later interval arrives or when the clock
/// passes its end (<see cref="CloseDue(UnixNanos, List{Bar})"/>), so quiet instruments still get their bars; an interval
/// without trades has no bar.
/// </summary>
public sealed class BarAggregator
{
    private readonly int[] _intervals;
    private readonly Dictionary<InstrumentId, InstrumentBars> _instruments = [];

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
    public void OnTrade(TradeTick trade, List<Bar> closed)
    {
        if (!_instruments.TryGetValue(trade.InstrumentId, out var state))
        {
            _instruments[trade.InstrumentId] = state = new InstrumentBars(trade.InstrumentId, _intervals);
        }

        var tsNs = trade.TsEvent.Value;
        var late = false;
        for (var i = 0; i < _intervals.Length; i++)
        {
            var length = _intervals[i] * 1_000_000_000L;
            var openTime = tsNs - (tsNs % length + length) % length;
            var bar = state.Open[i];
            if (openTime <= state.ClosedThrough[i] || (bar is not null && openTime < bar.OpenTimeNs))
            {
                // Its bar was closed (by a later trade or by the clock): reopening it would store a bar of the late
                // trades alone over the whole one.
                late = true;
                continue;
            }

            if (bar is not null && bar.OpenTimeNs != openTime)
            {
                Close(state, i, closed);
                bar = null;
            }

            if (bar is null)
            {
                state.Open[i] = new Building(openTime, trade.Price, trade.Size);
            }
            else
            {
                bar.Add(trade.Price, trade.Size);
            }
        }

        if (late)
        {
            LateTrades++;
        }
    }

    /// <summary>Closes every bar whose interval ended at or before <paramref name="now"/>.</summary>
    public void CloseDue(UnixNanos now, List<Bar> closed) => CloseDue(_ => now, closed);

    /// <summary>Closes every bar whose interval ended at or before its own instrument's time (<see cref="InstrumentClocks"/>).</summary>
    public void CloseDue(Func<InstrumentId, UnixNanos> nowOf, List<Bar> closed)
    {
        foreach (var (id, state) in _instruments)
        {
            var nowNs = nowOf(id).Value;
            for (var i = 0; i < state.Open.Length; i++)
            {
                if (state.Open[i] is { } bar && bar.OpenTimeNs + _intervals[i] * 1_000_000_000L <= nowNs)
                {
                    Close(state, i, closed);
                }
            }
        }
    }

    private static void Close(InstrumentBars state, int interval, List<Bar> closed)
    {
        var bar = state.Open[interval]!;
        state.ClosedThrough[interval] = bar.OpenTimeNs;
        state.Open[interval] = null;
        closed.Add(bar.ToBar(state.Types[interval]));
    }

    /// <summary>The bar being built for an instrument and interval, if any (for "latest bar" views).</summary>
    public Bar? Current(InstrumentId instrument, int intervalSeconds)
    {
        var i = Array.IndexOf(_intervals, intervalSeconds);
        return i >= 0 && _instruments.TryGetValue(instrument, out var state) && state.Open[i] is { } bar ? bar.ToBar(state.Types[i]) : null;
    }

    /// <summary>
    /// One instrument's bars in the making, per interval, and the open time of the last bar closed per interval (a trade
    /// falling in it, or earlier, is late).
    /// </summary>
    private sealed class InstrumentBars(InstrumentId id, int[] intervals)
    {
        public BarType[] Types { get; } = intervals.Select(i => new BarType(id, i)).ToArray();
        public Building?[] Open { get; } = new Building?[intervals.Length];
        public long[] ClosedThrough { get; } = Enumerable.Repeat(long.MinValue, intervals.Length).ToArray();
    }

    private sealed class Building(long openTimeNs, Price price, Quantity size)
    {
        public long OpenTimeNs { get; } = openTimeNs;
        private readonly Price _open = price;
        private Price _high = price;
        private Price _low = price;
        private Price _close = price;
        private Quantity _volume = size;
        private int _trades = 1;

        public void Add(Price price, Quantity size)
        {
            if (price > _high)
            {
                _high = price;
            }

            if (price < _low)
            {
                _low = price;
            }

            _close = price;
            _volume += size;
            _trades++;
        }

        public Bar ToBar(BarType type) => new(type, _open, _high, _low, _close, _volume, _trades, new UnixNanos(OpenTimeNs));
    }
}
