using Nautilus.Model;
using Nautilus.Vpin.Domain;

namespace Nautilus.UnitTests.Vpin;

public sealed class TradeClassifierTests
{
    /// <summary>
    /// Rows from the tclf project's tests (trade classification, Lee–Ready and the tick rule): (price, bid, ask, previous different
    /// price) → side. The previous price is fed first.
    /// </summary>
    [Theory]
    [InlineData(1, 1, 3, 0, AggressorSide.Seller)]
    [InlineData(3, 1, 3, 0, AggressorSide.Buyer)]
    [InlineData(3, 2, 4, 4, AggressorSide.Seller)] // at the midpoint: the tick rule, down from 4
    public void Lee_Ready_matches_the_published_rows(double price, double bid, double ask, double previous, AggressorSide expected)
    {
        var classifier = new TradeClassifier(ClassificationMethod.LeeReady);
        classifier.Classify(previous);
        Assert.Equal(expected, classifier.Classify(price, bid, ask));
    }

    [Theory]
    [InlineData(1, 2, AggressorSide.Seller)]
    [InlineData(2, 1, AggressorSide.Buyer)]
    public void The_tick_rule_matches_the_published_rows(double price, double previous, AggressorSide expected)
    {
        var classifier = new TradeClassifier(ClassificationMethod.Tick);
        Assert.Equal(AggressorSide.None, classifier.Classify(previous)); // nothing to compare the first trade with
        Assert.Equal(expected, classifier.Classify(price));
    }

    [Fact]
    public void Zero_ticks_carry_the_last_direction_and_each_rule_reads_the_quote_its_own_way()
    {
        // Prices in halves so every midpoint is exact in binary.
        double[] prices = [100, 102, 102, 101, 101.5, 103];
        double[] bids = [99, 100, 100, 101, 101, 100];
        double[] asks = [101, 102, 104, 103, 102, 102];
        var sides = new AggressorSide[prices.Length];

        TradeClassifier.Classify(ClassificationMethod.Tick, prices, [], [], sides);
        Assert.Equal([AggressorSide.None, AggressorSide.Buyer, AggressorSide.Buyer, AggressorSide.Seller, AggressorSide.Buyer,
            AggressorSide.Buyer], sides);

        // Quote rule: against the midpoints 100, 101, 102, 102, 101.5, 101; at the midpoint it does not say.
        TradeClassifier.Classify(ClassificationMethod.Quote, prices, bids, asks, sides);
        Assert.Equal([AggressorSide.None, AggressorSide.Buyer, AggressorSide.None, AggressorSide.Seller, AggressorSide.None,
            AggressorSide.Buyer], sides);

        // Lee–Ready: the tick rule where the quote rule does not say.
        TradeClassifier.Classify(ClassificationMethod.LeeReady, prices, bids, asks, sides);
        Assert.Equal([AggressorSide.None, AggressorSide.Buyer, AggressorSide.Buyer, AggressorSide.Seller, AggressorSide.Buyer,
            AggressorSide.Buyer], sides);

        // EMO: at the ask a buy, at the bid a sell, anywhere else (102 inside 100–104, 103 above the ask) the tick rule.
        TradeClassifier.Classify(ClassificationMethod.Emo, prices, bids, asks, sides);
        Assert.Equal([AggressorSide.None, AggressorSide.Buyer, AggressorSide.Buyer, AggressorSide.Seller, AggressorSide.Buyer,
            AggressorSide.Buyer], sides);
        Assert.Equal(AggressorSide.Seller, new TradeClassifier(ClassificationMethod.Emo).Classify(10.01, 10.01, 10.03));
    }

    [Fact]
    public void Without_a_valid_quote_the_quote_rule_does_not_say_and_Lee_Ready_falls_back_to_ticks()
    {
        var quote = new TradeClassifier(ClassificationMethod.Quote);
        var leeReady = new TradeClassifier(ClassificationMethod.LeeReady);
        foreach (var c in new[] { quote, leeReady })
        {
            c.Classify(10);
        }

        Assert.Equal(AggressorSide.None, quote.Classify(10.5, double.NaN, double.NaN));
        Assert.Equal(AggressorSide.Buyer, leeReady.Classify(10.5, 11, 10)); // bid above ask: not a quote
    }

    [Fact]
    public void A_quote_delay_reads_the_quote_in_force_that_long_before_the_trade()
    {
        var quotes = new QuoteHistory(4);
        quotes.Add(1_000, 9.9, 10.1);
        quotes.Add(2_000, 10.0, 10.2);
        quotes.Add(3_000, 10.1, 10.3);

        Assert.Equal((10.0, 10.2), quotes.InForceAt(2_500));
        Assert.Equal((10.1, 10.3), quotes.InForceAt(9_000));
        Assert.True(double.IsNaN(quotes.InForceAt(500).Bid));
        quotes.Add(4_000, 10.2, 10.4);
        quotes.Add(5_000, 10.3, 10.5); // the quote of 1,000 is forgotten
        Assert.True(double.IsNaN(quotes.InForceAt(1_500).Bid));
    }

    [Fact]
    public void Accuracy_counts_each_rule_against_the_reported_aggressor_with_unknowns_as_wrong()
    {
        var accuracy = new ClassificationAccuracy();
        accuracy.Add(100, 99, 101, AggressorSide.Buyer);   // tick unknown (first); quote at the midpoint unknown; LR unknown; EMO unknown
        accuracy.Add(101, 99, 101, AggressorSide.Buyer);   // all four: buy
        accuracy.Add(100, 100, 102, AggressorSide.Buyer);  // tick sell, quote sell, LR sell, EMO sell (at the bid): all wrong
        accuracy.Add(100, 100, 102, AggressorSide.None);   // not judged

        Assert.Equal(3, accuracy.Trades);
        var shares = accuracy.Shares().ToDictionary(s => s.Method);
        Assert.Equal(1.0 / 3, shares[ClassificationMethod.Tick].Accuracy, 12);
        Assert.Equal(1.0 / 3, shares[ClassificationMethod.Tick].Unknown, 12);
        Assert.Equal(1, accuracy.Correct(ClassificationMethod.Emo));
    }
}
