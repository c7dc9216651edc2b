using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.MarketData.Domain.Normalisation;

public enum TickKind : byte { Trade = 1, Quote = 2 }

/// <summary>
/// A trade or top-of-book quote from any feed, before validation. <see cref="Seq"/> is 0 when the feed has none;
/// <see cref="TradeId"/> is the venue's id of a trade when it gives one.
/// </summary>
public readonly record struct Tick(
    string Symbol, TickKind Kind, long TsNs, long Seq,
    double Price, double Size, AggressorSide Aggressor,
    double BidPrice, double BidSize, double AskPrice, double AskSize, string? TradeId = null)
{
    public static Tick Trade(string symbol, long tsNs, long seq, double price, double size, AggressorSide aggressor, string? tradeId = null) =>
        new(symbol, TickKind.Trade, tsNs, seq, price, size, aggressor, 0, 0, 0, 0, tradeId);

    public static Tick Quote(string symbol, long tsNs, long seq, double bid, double bidSize, double ask, double askSize) =>
        new(symbol, TickKind.Quote, tsNs, seq, 0, 0, AggressorSide.None, bid, bidSize, ask, askSize);
}
