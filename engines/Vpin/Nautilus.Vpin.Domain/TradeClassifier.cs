using Nautilus.Model;

namespace Nautilus.Vpin.Domain;

/// <summary>
/// Infers each trade's aggressor from prices and the quotes in force, one trade at a time (the tick rule remembers the last
/// different price). Quote-based rules fall back to the tick rule where a trade has no valid quote (NaN, or bid above ask), except
/// the pure quote rule, which then answers unknown.
/// </summary>
public sealed class TradeClassifier(ClassificationMethod method)
{
    private double _last = double.NaN;
    private AggressorSide _lastTick = AggressorSide.None;

    public ClassificationMethod Method { get; } = method;

    /// <summary>The aggressor of a trade at <paramref name="price"/> with the quote <paramref name="bid"/>/<paramref name="ask"/>
    /// in force (NaN when unknown).</summary>
    public AggressorSide Classify(double price, double bid = double.NaN, double ask = double.NaN)
    {
        var tick = Tick(price);
        var quoted = bid > 0 && ask >= bid;
        return Method switch
        {
            ClassificationMethod.Tick => tick,
            ClassificationMethod.Quote => quoted ? ByMidpoint(price, bid, ask) : AggressorSide.None,
            ClassificationMethod.LeeReady => quoted && ByMidpoint(price, bid, ask) is var q && q != AggressorSide.None ? q : tick,
            ClassificationMethod.Emo => quoted && price == ask ? AggressorSide.Buyer
                : quoted && price == bid ? AggressorSide.Seller
                : tick,
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }

    /// <summary>Classifies a series in order into <paramref name="sides"/> (bids and asks may be empty for the tick rule).</summary>
    public static void Classify(ClassificationMethod method, ReadOnlySpan<double> prices, ReadOnlySpan<double> bids,
        ReadOnlySpan<double> asks, Span<AggressorSide> sides)
    {
        var classifier = new TradeClassifier(method);
        var quoted = bids.Length == prices.Length && asks.Length == prices.Length;
        for (var i = 0; i < prices.Length; i++)
        {
            sides[i] = quoted ? classifier.Classify(prices[i], bids[i], asks[i]) : classifier.Classify(prices[i]);
        }
    }

    /// <summary>The tick rule: the direction of the last price change, carried through unchanged prices (zero ticks).</summary>
    private AggressorSide Tick(double price)
    {
        if (double.IsFinite(_last) && price != _last)
        {
            _lastTick = price > _last ? AggressorSide.Buyer : AggressorSide.Seller;
        }

        _last = price;
        return _lastTick;
    }

    private static AggressorSide ByMidpoint(double price, double bid, double ask)
    {
        var mid = (bid + ask) / 2;
        return price > mid ? AggressorSide.Buyer : price < mid ? AggressorSide.Seller : AggressorSide.None;
    }
}
