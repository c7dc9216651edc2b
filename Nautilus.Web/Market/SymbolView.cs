namespace Nautilus.Web.Market;

/// <summary>A one-second (or longer) candle of the chart.</summary>
public sealed record Candle(DateTimeOffset OpenTime, double Open, double High, double Low, double Close, double Volume);

/// <summary>One price level of the ladder.</summary>
public sealed record LadderLevel(double Price, double Size);

/// <summary>What the Market view shows of one instrument, kept current from the streaming gateway.</summary>
public sealed class SymbolView(string symbol)
{
    public const int MaxCandles = 900;
    private readonly List<Candle> _candles = [];

    public string Symbol { get; } = symbol;
    public double? Bid { get; private set; }
    public double? Ask { get; private set; }
    public double? BidSize { get; private set; }
    public double? AskSize { get; private set; }
    public double? Last { get; private set; }
    public double? Reference { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }
    /// <summary>Trades since the UI connected, counted from the closed one-second bars (trade prints arrive sampled).</summary>
    public long Trades { get; private set; }
    public IReadOnlyList<LadderLevel> Bids { get; private set; } = [];
    public IReadOnlyList<LadderLevel> Asks { get; private set; } = [];

    public double? ChangePercent => Last is { } last && Reference is { } reference && reference > 0 ? (last / reference - 1) * 100 : null;

    public IReadOnlyList<Candle> Candles
    {
        get
        {
            lock (_candles)
            {
                return [.. _candles];
            }
        }
    }

    public void OnQuote(double bid, double bidSize, double ask, double askSize, DateTimeOffset ts)
    {
        (Bid, BidSize, Ask, AskSize, UpdatedAt) = (bid, bidSize, ask, askSize, ts);
        Reference ??= (bid + ask) / 2;
    }

    public void OnTrade(double price, DateTimeOffset ts)
    {
        Last = price;
        Reference ??= price;
        UpdatedAt = ts;
    }

    public void OnBarTrades(long count) => Trades += count;

    public void OnBook(IReadOnlyList<LadderLevel> bids, IReadOnlyList<LadderLevel> asks) => (Bids, Asks) = (bids, asks);

    /// <summary>Adds a closed bar, or replaces the one with the same open time; keeps time order.</summary>
    public void OnCandle(Candle candle)
    {
        lock (_candles)
        {
            var at = _candles.FindLastIndex(c => c.OpenTime <= candle.OpenTime);
            if (at >= 0 && _candles[at].OpenTime == candle.OpenTime)
            {
                _candles[at] = candle;
            }
            else
            {
                _candles.Insert(at + 1, candle);
            }

            if (_candles.Count > MaxCandles)
            {
                _candles.RemoveRange(0, _candles.Count - MaxCandles);
            }
        }
    }
}
