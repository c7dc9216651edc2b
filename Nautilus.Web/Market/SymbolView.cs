using Nautilus.Model;

namespace Nautilus.Web.Market;

/// <summary>One price level of the ladder.</summary>
public sealed record LadderLevel(double Price, double Size);

/// <summary>What the Market view shows of one instrument, kept current from the streaming gateway.</summary>
public sealed class SymbolView(string symbol)
{
    public const int MaxBars = 900;
    private readonly List<Bar> _bars = [];

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

    /// <summary>The chart's bars, oldest first (the last <see cref="MaxBars"/>).</summary>
    public IReadOnlyList<Bar> Bars
    {
        get
        {
            lock (_bars)
            {
                return [.. _bars];
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
    public void OnBar(Bar bar)
    {
        lock (_bars)
        {
            var at = _bars.FindLastIndex(b => b.TsEvent <= bar.TsEvent);
            if (at >= 0 && _bars[at].TsEvent == bar.TsEvent)
            {
                _bars[at] = bar;
            }
            else
            {
                _bars.Insert(at + 1, bar);
            }

            if (_bars.Count > MaxBars)
            {
                _bars.RemoveRange(0, _bars.Count - MaxBars);
            }
        }
    }
}
