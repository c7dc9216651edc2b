using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nautilus.Model;

/// <summary>
/// A non-negative size, exact at its instrument's size precision (units of 10^-<see cref="Precision"/>): fixed-point
/// for the reasons <see cref="Price"/> gives. A quantity never goes below zero; the side of a trade or position is
/// carried beside it.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
[JsonConverter(typeof(QuantityJsonConverter))]
public readonly struct Quantity : IEquatable<Quantity>, IComparable<Quantity>
{
    private readonly long _raw;
    private readonly byte _precision;

    private Quantity(long raw, int precision)
    {
        if (raw < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(raw), raw, "A quantity cannot be negative.");
        }

        _raw = raw;
        _precision = (byte)precision;
    }

    public long Raw => _raw;

    public int Precision => _precision;

    public bool IsZero => _raw == 0;

    public static Quantity Zero(int precision) => FromRaw(0, precision);

    public static Quantity FromRaw(long raw, int precision)
    {
        FixedPoint.CheckPrecision(precision, nameof(precision));
        return new Quantity(raw, precision);
    }

    public static Quantity FromDecimal(decimal value, int precision) => new(FixedPoint.FromDecimal(value, precision, nameof(value)), precision);

    public static Quantity FromDouble(double value, int precision) => new(FixedPoint.FromDouble(value, precision, nameof(value)), precision);

    /// <summary>
    /// <paramref name="value"/> as the decimal it stands for, at no fewer than <paramref name="minimumPrecision"/> places:
    /// a price on the instrument's grid keeps its precision, one off it (an adjusted close, 26.583992) keeps its digits.
    /// </summary>
    public static Quantity FromDoubleAtLeast(double value, int minimumPrecision)
    {
        var (raw, precision) = FixedPoint.FromDoubleAtLeast(value, minimumPrecision, nameof(value));
        return new Quantity(raw, precision);
    }

    /// <summary>Exactly <paramref name="value"/> at no fewer than <paramref name="minimumPrecision"/> places (a size off the lot
    /// grid keeps its digits for the grid check to judge).</summary>
    public static Quantity FromDecimalAtLeast(decimal value, int minimumPrecision) =>
        FromDecimal(value, FixedPoint.PrecisionAtLeast(value, minimumPrecision));

    public static Quantity Parse(string text)
    {
        var value = FixedPoint.ParseDecimal(text);
        return FromDecimal(value, FixedPoint.PrecisionOf(value));
    }

    public decimal ToDecimal() => FixedPoint.ToDecimal(_raw, _precision);

    public double AsDouble() => FixedPoint.ToDouble(_raw, _precision);

    public static Quantity operator +(Quantity a, Quantity b)
    {
        var precision = Math.Max(a._precision, b._precision);
        return new Quantity(checked(FixedPoint.Rescale(a._raw, a._precision, precision) + FixedPoint.Rescale(b._raw, b._precision, precision)), precision);
    }

    /// <summary>Refused when it would go below zero.</summary>
    public static Quantity operator -(Quantity a, Quantity b)
    {
        var precision = Math.Max(a._precision, b._precision);
        return new Quantity(FixedPoint.Rescale(a._raw, a._precision, precision) - FixedPoint.Rescale(b._raw, b._precision, precision), precision);
    }

    public int CompareTo(Quantity other) =>
        _precision == other._precision ? _raw.CompareTo(other._raw) : ToDecimal().CompareTo(other.ToDecimal());

    public bool Equals(Quantity other) => CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is Quantity other && Equals(other);

    public override int GetHashCode() => ToDecimal().GetHashCode();

    public static bool operator ==(Quantity a, Quantity b) => a.Equals(b);

    public static bool operator !=(Quantity a, Quantity b) => !a.Equals(b);

    public static bool operator <(Quantity a, Quantity b) => a.CompareTo(b) < 0;

    public static bool operator >(Quantity a, Quantity b) => a.CompareTo(b) > 0;

    public static bool operator <=(Quantity a, Quantity b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Quantity a, Quantity b) => a.CompareTo(b) >= 0;

    public override string ToString() => ToDecimal().ToString(CultureInfo.InvariantCulture);
}

/// <summary>JSON: a number with the quantity's decimal places.</summary>
public sealed class QuantityJsonConverter : JsonConverter<Quantity>
{
    public override Quantity Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = FixedPoint.ReadDecimal(ref reader);
        return Quantity.FromDecimal(value, FixedPoint.PrecisionOf(value));
    }

    public override void Write(Utf8JsonWriter writer, Quantity value, JsonSerializerOptions options) => writer.WriteNumberValue(value.ToDecimal());
}
