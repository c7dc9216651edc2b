namespace Nautilus.MarketData.Domain.Bars;

/// <summary>A bar of trades by its open time; closed once its interval has passed.</summary>
public readonly record struct OhlcvBar(
    string Symbol, int IntervalSeconds, long OpenTimeNs, double Open, double High, double Low, double Close, double Volume, int TradeCount);
