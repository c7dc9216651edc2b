using System.Text.Json;
using Nautilus.Model;

namespace Nautilus.UnitTests.Model;

public class PriceTests
{
    [Fact]
    public void A_price_keeps_its_instruments_precision_and_is_exact()
    {
        var price = Price.Parse("101.250");

        Assert.Equal(3, price.Precision);
        Assert.Equal(101_250, price.Raw);
        Assert.Equal("101.250", price.ToString());
        Assert.Equal(101.250m, price.ToDecimal());
        Assert.Equal(101.25, price.AsDouble());
        // 0.1 + 0.2 is 0.3 exactly, unlike in binary floating point.
        Assert.Equal(Price.Parse("0.3"), Price.Parse("0.1") + Price.Parse("0.2"));
    }

    [Fact]
    public void Prices_of_different_precisions_add_at_the_finer_one_and_compare_by_value()
    {
        var sum = Price.FromDecimal(1.5m, 1) + Price.FromDecimal(0.25m, 2);

        Assert.Equal(2, sum.Precision);
        Assert.Equal("1.75", sum.ToString());
        Assert.Equal(Price.FromDecimal(1.5m, 1), Price.FromDecimal(1.50m, 2));
        Assert.Equal(Price.FromDecimal(1.5m, 1).GetHashCode(), Price.FromDecimal(1.50m, 2).GetHashCode());
        Assert.True(Price.FromDecimal(1.5m, 1) < Price.FromDecimal(1.51m, 2));
        Assert.Equal("-0.25", (Price.FromDecimal(1.5m, 1) - Price.FromDecimal(1.75m, 2)).ToString());
    }

    [Fact]
    public void A_double_is_rounded_to_the_precision_and_a_decimal_with_finer_digits_is_refused()
    {
        Assert.Equal("100.13", Price.FromDouble(100.125, 2).ToString()); // half away from zero
        Assert.Equal("0.30", Price.FromDouble(0.1 + 0.2, 2).ToString());
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => Price.FromDecimal(1.234m, 2)).ParamName);
        Assert.Equal("value", Assert.Throws<ArgumentException>(() => Price.FromDouble(double.NaN, 2)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => Price.FromDecimal(1m, 17));
        Assert.Throws<OverflowException>(() => Price.FromDecimal(1e12m, 8));
        Assert.Throws<OverflowException>(() => Price.FromRaw(long.MaxValue, 0) + Price.FromRaw(1, 0));
    }

    [Fact]
    public void A_double_off_the_instruments_grid_keeps_its_digits()
    {
        Assert.Equal("100.25", Price.FromDoubleAtLeast(100.25, 2).ToString());
        Assert.Equal("100.00", Price.FromDoubleAtLeast(100, 2).ToString());
        Assert.Equal("26.583992", Price.FromDoubleAtLeast(26.583992, 2).ToString()); // an adjusted close
        Assert.Equal("0.30", Price.FromDoubleAtLeast(0.1 + 0.2, 2).ToString()); // 15 significant digits
        Assert.Equal(16, Price.FromDoubleAtLeast(1.2345678901234e-10, 2).Precision);
        Assert.Equal("1234.5", Quantity.FromDoubleAtLeast(1234.5, 0).ToString());
    }

    [Fact]
    public void A_decimal_keeps_the_places_it_needs_and_at_least_the_instruments()
    {
        Assert.Equal("10.00", Price.FromDecimalAtLeast(10m, 2).ToString());
        Assert.Equal("10.005", Price.FromDecimalAtLeast(10.005m, 2).ToString()); // off the cent grid: kept for the grid check
        Assert.Equal(2, Price.FromDecimalAtLeast(10.5000m, 2).Precision); // trailing zeros are not places it needs
        Assert.Equal("1.5", Quantity.FromDecimalAtLeast(1.5m, 0).ToString());
        Assert.Throws<ArgumentException>(() => Price.FromDecimalAtLeast(0.00000000000000001m, 2)); // 17 places
    }

    [Fact]
    public void Notional_is_exact()
    {
        Assert.Equal(1_012.50m, Price.Parse("101.25") * Quantity.Parse("10"));
        Assert.Equal(0.00012345m, Price.Parse("0.12345") * Quantity.Parse("0.001"));
    }

    [Fact]
    public void Json_carries_the_digits_a_price_is_written_with()
    {
        var json = JsonSerializer.Serialize(new { p = Price.Parse("99.50"), q = Quantity.Parse("0.0010") });

        Assert.Equal("""{"p":99.50,"q":0.0010}""", json);
        var back = JsonSerializer.Deserialize<Price>("99.50");
        Assert.Equal(2, back.Precision);
        Assert.Equal(Price.Parse("12.5"), JsonSerializer.Deserialize<Price>("\"12.5\""));
    }

    [Fact]
    public void A_quantity_cannot_go_below_zero()
    {
        var q = Quantity.Parse("1.5");

        Assert.Equal(Quantity.Parse("0.5"), q - Quantity.Parse("1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => q - Quantity.Parse("2"));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantity.FromDecimal(-1m, 0));
        Assert.True(Quantity.Zero(3).IsZero);
        Assert.Equal("2.500", (q + Quantity.Parse("1.000")).ToString());
    }
}
