using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nautilus.Model;

/// <summary>
/// A price, exact at its instrument's precision: <see cref="Raw"/> units of 10^-<see cref="Precision"/>. Fixed-point
/// rather than <see cref="decimal"/> because market data moves hundreds of thousands of prices a second: nine bytes on
/// the wire instead of sixteen, integer compare and add, and the instrument's precision carried with the value (as
/// NautilusTrader's <c>Price</c>). Analytics take <see cref="AsDouble"/> once, where they enter a numeric library.
/// Prices may be negative (spreads, some futures).
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
[JsonConverter(typeof(PriceJsonConverter))]
public readonly struct Price : IEquatable<Price>, IComparable<Price>
{
    public const int MaxPrecision = FixedPoint.MaxPrecision;

    private readonly long _raw;
    private readonly byte _precision;

    private Price(long raw, int precision)
    {
        _raw = raw;
        _precision = (byte)precision;
    }

    /// <summary>The value in units of 10^-<see cref="Precision"/>.</summary>
    public long Raw => _raw;

    /// <summary>Decimal places of the instrument's price increment.</summary>
    public int Precision => _precision;

    public static Price FromRaw(long raw, int precision)
    {
        FixedPoint.CheckPrecision(precision, nameof(precision));
        return new Price(raw, precision);
    }

    /// <summary>Exactly <paramref name="value"/>; refused when it has more decimal places than <paramref name="precision"/>.</summary>
    public static Price FromDecimal(decimal value, int precision) => new(FixedPoint.FromDecimal(value, precision, nameof(value)), precision);

    /// <summary>The price at <paramref name="precision"/> nearest to <paramref name="value"/> (venues and simulators print doubles).</summary>
    public static Price FromDouble(double value, int precision) => new(FixedPoint.FromDouble(value, precision, nameof(value)), precision);

    /// <summary>
    /// <paramref name="value"/> as the decimal it stands for, at no fewer than <paramref name="minimumPrecision"/> places:
    /// a price on the instrument's grid keeps its precision, one off it (an adjusted close, 26.583992) keeps its digits.
    /// </summary>
    public static Price FromDoubleAtLeast(double value, int minimumPrecision)
    {
        var (raw, precision) = FixedPoint.FromDoubleAtLeast(value, minimumPrecision, nameof(value));
        return new Price(raw, precision);
    }

    /// <summary>
    /// Exactly <paramref name="value"/> at no fewer than <paramref name="minimumPrecision"/> places: on the instrument's grid it
    /// keeps its precision, off it (an adjusted price, a request's extra digit) it keeps its digits for the grid check to judge.
    /// </summary>
    public static Price FromDecimalAtLeast(decimal value, int minimumPrecision) =>
        FromDecimal(value, FixedPoint.PrecisionAtLeast(value, minimumPrecision));

    /// <summary>"101.250" is 101.250 at precision 3: a venue's text keeps its digits.</summary>
    public static Price Parse(string text)
    {
        var value = FixedPoint.ParseDecimal(text);
        return FromDecimal(value, FixedPoint.PrecisionOf(value));
    }

    public decimal ToDecimal() => FixedPoint.ToDecimal(_raw, _precision);

    /// <summary>The nearest double: where a price enters analytics (indicators, VaR, optimisers).</summary>
    public double AsDouble() => FixedPoint.ToDouble(_raw, _precision);

    /// <summary>This price at a finer (or equal) precision, the same value.</summary>
    public Price WithPrecision(int precision) => precision >= _precision
        ? FromRaw(FixedPoint.Rescale(_raw, _precision, precision), precision)
        : throw new ArgumentOutOfRangeException(nameof(precision), precision, $"Cannot restate precision {_precision} at {precision} exactly.");

    public static Price operator +(Price a, Price b) => Combine(a, b, static (x, y) => checked(x + y));

    public static Price operator -(Price a, Price b) => Combine(a, b, static (x, y) => checked(x - y));

    public static Price operator -(Price a) => new(checked(-a._raw), a._precision);

    /// <summary>The notional of <paramref name="quantity"/> at this price, exact.</summary>
    public static decimal operator *(Price price, Quantity quantity) => price.ToDecimal() * quantity.ToDecimal();

    private static Price Combine(Price a, Price b, Func<long, long, long> op)
    {
        var precision = Math.Max(a._precision, b._precision);
        return new Price(op(FixedPoint.Rescale(a._raw, a._precision, precision), FixedPoint.Rescale(b._raw, b._precision, precision)), precision);
    }

    public int CompareTo(Price other) => _precision == other._precision ? _raw.CompareTo(other._raw) : ToDecimal().CompareTo(other.ToDecimal());

    /// <summary>Equal values are equal whatever their precision (1.5 = 1.50), as numbers are.</summary>
    public bool Equals(Price other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Price other && Equals(other);

    public override int GetHashCode() => ToDecimal().GetHashCode();

    public static bool operator ==(Price a, Price b) => a.Equals(b);

    public static bool operator !=(Price a, Price b) => !a.Equals(b);

    public static bool operator <(Price a, Price b) => a.CompareTo(b) < 0;

    public static bool operator >(Price a, Price b) => a.CompareTo(b) > 0;

    public static bool operator <=(Price a, Price b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Price a, Price b) => a.CompareTo(b) >= 0;

    /// <summary>With exactly <see cref="Precision"/> decimal places, invariant culture.</summary>
    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);
}

/// <summary>JSON: a number written with the price's decimal places; read back at the places it is written with.</summary>
public sealed class PriceJsonConverter : JsonConverter<Price>
{
    public override Price Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = FixedPoint.ReadDecimal(ref reader);
        return Price.FromDecimal(value, FixedPoint.PrecisionOf(value));
    }

    public override void Write(Utf8JsonWriter writer, Price value, JsonSerializerOptions options) => writer.WriteNumberValue(value.ToDecimal());
}
