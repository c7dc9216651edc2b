using Nautilus.Factor.Domain;
using Nautilus.Factor.Engine.Models;

namespace Nautilus.UnitTests.Factor;

public sealed class UserFactorTests
{
    [Fact]
    public void A_feature_is_named_as_the_Features_engine_keys_its_values_with_defaults_filled_in()
    {
        var factors = UserFactor.Parse(["rsi", "bb(20,2.5).bandwidth", "macd(12,26,9)"]);

        Assert.Equal(["feature:rsi(14)", "feature:bb(20,2.5).bandwidth", "feature:macd(12,26,9)"], factors.Select(f => f.Style));
        Assert.Equal(["rsi(14)", "bb(20,2.5)", "macd(12,26,9)"], factors.Select(f => f.Spec));
        Assert.Equal(["rsi(14)", "bb(20,2.5).bandwidth", "macd(12,26,9)"], factors.Select(f => f.ValueKey));
        Assert.Empty(UserFactor.Parse(null));
    }

    [Theory]
    [InlineData("nosuch(3)", "Unknown feature")]
    [InlineData("bb(20,2).width", "no output 'width'")]
    [InlineData("rsi(0)", "period")]
    [InlineData(" ", "a feature")]
    public void A_factor_the_catalog_cannot_give_names_its_entry(string text, string problem)
    {
        var ex = Assert.Throws<FactorInputException>(() => UserFactor.Parse(["rsi(14)", text]));
        Assert.Equal("userFactors[1]", ex.Field);
        Assert.Contains(problem, ex.Problem);
    }

    [Fact]
    public void The_same_value_asked_for_twice_is_refused()
    {
        var ex = Assert.Throws<FactorInputException>(() => UserFactor.Parse(["rsi", "rsi(14)"]));
        Assert.Equal("userFactors[1]", ex.Field);
    }
}
