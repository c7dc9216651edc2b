namespace Nautilus.MarketData.Engine.Persistence;

/// <summary>Bars of one symbol and interval as columns, oldest first: cache-friendly for indicators and backtests.</summary>
public sealed class BarSeries(string symbol, int intervalSeconds, int capacity = 1024)
{
    private DateTime[] _ts = new DateTime[capacity];
    private double[] _open = new double[capacity];
    private double[] _high = new double[capacity];
    private double[] _low = new double[capacity];
    private double[] _close = new double[capacity];
    private double[] _volume = new double[capacity];
    private int[] _trades = new int[capacity];

    public string Symbol { get; } = symbol;
    public int IntervalSeconds { get; } = intervalSeconds;
    public int Count { get; private set; }

    public ReadOnlySpan<DateTime> Ts => _ts.AsSpan(0, Count);
    public ReadOnlySpan<double> Open => _open.AsSpan(0, Count);
    public ReadOnlySpan<double> High => _high.AsSpan(0, Count);
    public ReadOnlySpan<double> Low => _low.AsSpan(0, Count);
    public ReadOnlySpan<double> Close => _close.AsSpan(0, Count);
    public ReadOnlySpan<double> Volume => _volume.AsSpan(0, Count);
    public ReadOnlySpan<int> TradeCount => _trades.AsSpan(0, Count);

    public BarRecord this[int i] => i < Count
        ? new BarRecord(Symbol, IntervalSeconds, _ts[i], _open[i], _high[i], _low[i], _close[i], _volume[i], _trades[i])
        : throw new ArgumentOutOfRangeException(nameof(i));

    public void Add(DateTime ts, double open, double high, double low, double close, double volume, int tradeCount)
    {
        if (Count == _ts.Length)
        {
            var size = Count * 2;
            Array.Resize(ref _ts, size);
            Array.Resize(ref _open, size);
            Array.Resize(ref _high, size);
            Array.Resize(ref _low, size);
            Array.Resize(ref _close, size);
            Array.Resize(ref _volume, size);
            Array.Resize(ref _trades, size);
        }

        _ts[Count] = ts;
        _open[Count] = open;
        _high[Count] = high;
        _low[Count] = low;
        _close[Count] = close;
        _volume[Count] = volume;
        _trades[Count] = tradeCount;
        Count++;
    }
}
