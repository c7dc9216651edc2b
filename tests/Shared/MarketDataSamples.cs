using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.Testing;

/// <summary>Market-data events of every kind for tests: small fixed numbers, event time = sequence number.</summary>
public static class MarketDataSamples
{
    public static InstrumentId InstrumentOf(string symbol) => new(symbol, "NASDAQ");

    public static MarketDataEvent Trade(string symbol, long seq) =>
        new(seq, new TradeTick(InstrumentOf(symbol), Price.FromDecimal(187.5m, 2), Quantity.FromDecimal(100m, 0), AggressorSide.Buyer,
            new TradeId($"t{seq}"), new UnixNanos(seq)));

    public static MarketDataEvent Quote(string symbol, long seq, decimal bid = 1m, decimal ask = 3m) =>
        new(seq, new QuoteTick(InstrumentOf(symbol), Price.FromDecimal(bid, 2), Quantity.FromDecimal(2m, 0), Price.FromDecimal(ask, 2),
            Quantity.FromDecimal(4m, 0), new UnixNanos(seq)));

    public static MarketDataEvent Book(string symbol, long seq) =>
        new(seq, new OrderBookSnapshot(InstrumentOf(symbol), [new BookLevel(Price.FromDecimal(1m, 2), Quantity.FromDecimal(2m, 0), 3)],
            [new BookLevel(Price.FromDecimal(4m, 2), Quantity.FromDecimal(5m, 0), 6)], new UnixNanos(seq)));

    public static MarketDataEvent Bar(string symbol, long seq) =>
        new(seq, new Bar(new BarType(InstrumentOf(symbol), 1), Price.FromDecimal(1m, 2), Price.FromDecimal(2m, 2),
            Price.FromDecimal(0.5m, 2), Price.FromDecimal(1.5m, 2), Quantity.FromDecimal(10m, 0), 3, new UnixNanos(seq)));

    public static MarketDataEvent Delta(string symbol, long seq) =>
        new(seq, new OrderBookDelta(InstrumentOf(symbol), BookAction.Update, OrderSide.Buy, Price.FromDecimal(1m, 2),
            Quantity.FromDecimal(2m, 0), 1, new UnixNanos(seq)));
}
