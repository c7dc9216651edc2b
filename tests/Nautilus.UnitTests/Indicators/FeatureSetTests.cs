using Nautilus.Indicators;
using Nautilus.Indicators.Features;

namespace Nautilus.UnitTests.Indicators;

public sealed class FeatureSetTests
{
    [Theory]
    [InlineData("sma", "sma", new double[0])]
    [InlineData(" SMA( 50 ) ", "sma", new[] { 50.0 })]
    [InlineData("bb(20,2.5)", "bb", new[] { 20.0, 2.5 })]
    public void Specs_parse_names_and_parameters(string text, string name, double[] args)
    {
        var spec = FeatureSpec.Parse(text);
        Assert.Equal(name, spec.Name);
        Assert.Equal(args, spec.Arguments);
    }

    [Theory]
    [InlineData("sma(", "not a feature")]
    [InlineData("sma(x)", "not a number")]
    [InlineData("nope(3)", "Unknown feature 'nope'")]
    [InlineData("sma(0)", "period must be a whole number from 1")]
    [InlineData("sma(2.5)", "whole number")]
    [InlineData("rsi(14,3)", "rsi takes 1 parameter")]
    [InlineData("macd(26,12,9)", "fast must be shorter")]
    public void Bad_specs_say_what_is_wrong(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => FeatureCatalog.Resolve(FeatureSpec.Parse(text)));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_feature_set_gives_the_same_numbers_as_the_indicators_themselves()
    {
        var set = new FeatureSet(["sma(30)", "rsi", "macd", "bb(20,2)", "stoch"]);
        var sma = new Sma(30);
        var rsi = new Rsi(14);
        var macd = new Macd();
        Dictionary<string, double> last = [];
        foreach (var bar in TaLibReference.Bars)
        {
            last = set.Update(bar);
            sma.Update(bar.Close.AsDouble());
            rsi.Update(bar.Close.AsDouble());
            macd.Update(bar.Close.AsDouble());
        }

        Assert.Equal(["sma(30)", "rsi(14)", "macd(12,26,9)", "bb(20,2)", "stoch(5,3,3)"], set.Keys);
        Assert.Equal(sma.Current, last["sma(30)"]);
        Assert.Equal(rsi.Current, last["rsi(14)"]);
        Assert.Equal(macd.Signal, last["macd(12,26,9).signal"]);
        Assert.True(last.ContainsKey("bb(20,2).percent_b"));
        Assert.True(last.ContainsKey("stoch(5,3,3).d"));
        Assert.Equal(34, set.WarmUpPeriod);
    }

    [Fact]
    public void Features_still_warming_up_are_absent()
    {
        var set = new FeatureSet(["sma(3)", "logret"]);
        Assert.Empty(set.Update(TaLibReference.Bars[0]));
        Assert.Equal(["logret"], set.Update(TaLibReference.Bars[1]).Keys);
        Assert.Equal(2, set.Update(TaLibReference.Bars[2]).Count);
    }
}
