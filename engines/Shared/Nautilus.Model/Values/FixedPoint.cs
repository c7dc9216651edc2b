using System.Globalization;
using System.Text.Json;

namespace Nautilus.Model;

/// <summary>
/// The arithmetic behind <see cref="Price"/> and <see cref="Quantity"/>: a value is an integer count of units of
/// 10^-precision (precision 0 to <see cref="MaxPrecision"/> decimal places), so it is exact at its instrument's
/// precision, compares and adds as integers, and travels as nine bytes.
/// </summary>
internal static class FixedPoint
{
    public const int MaxPrecision = 16;

    private static readonly long[] Powers = [.. Enumerable.Range(0, MaxPrecision + 1).Select(p => (long)Math.Pow(10, p))];
    private static readonly double[] DoublePowers = [.. Enumerable.Range(0, MaxPrecision + 1).Select(p => Math.Pow(10, p))];

    public static long Pow10(int precision) => Powers[precision];

    public static void CheckPrecision(int precision, string paramName)
    {
        if ((uint)precision > MaxPrecision)
        {
            throw new ArgumentOutOfRangeException(paramName, precision, $"Precision must be 0 to {MaxPrecision} decimal places.");
        }
    }

    /// <summary>The raw count of <paramref name="value"/> at <paramref name="precision"/>, refusing a value with finer digits.</summary>
    public static long FromDecimal(decimal value, int precision, string paramName)
    {
        CheckPrecision(precision, paramName);
        var scaled = value * Powers[precision];
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentException($"{value} has more than {precision} decimal places.", paramName);
        }

        return scaled is >= long.MinValue and <= long.MaxValue
            ? (long)scaled
            : throw new OverflowException($"{value} does not fit at precision {precision}.");
    }

    /// <summary>The raw count nearest to <paramref name="value"/> at <paramref name="precision"/> (half away from zero).</summary>
    public static long FromDouble(double value, int precision, string paramName)
    {
        CheckPrecision(precision, paramName);
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{value} is not a finite number.", paramName);
        }

        var scaled = Math.Round(value * DoublePowers[precision], MidpointRounding.AwayFromZero);
        return scaled is >= -9.2e18 and <= 9.2e18
            ? (long)scaled
            : throw new OverflowException($"{value} does not fit at precision {precision}.");
    }

    /// <summary>The exact decimal, written with <paramref name="precision"/> places (1.50, not 1.5).</summary>
    /// <summary>
    /// The raw count of the decimal <paramref name="value"/> stands for (its shortest form, 15 significant digits), at
    /// <paramref name="minimumPrecision"/> places or as many more as that form has (up to <see cref="MaxPrecision"/>).
    /// A value on the grid of <paramref name="minimumPrecision"/> takes the fast path: no decimal is made.
    /// </summary>
    public static (long Raw, int Precision) FromDoubleAtLeast(double value, int minimumPrecision, string paramName)
    {
        var raw = FromDouble(value, minimumPrecision, paramName);
        if (raw / DoublePowers[minimumPrecision] == value)
        {
            return (raw, minimumPrecision);
        }

        var exact = (decimal)value;
        var precision = Math.Clamp(exact.Scale, minimumPrecision, MaxPrecision);
        return (FromDecimal(Math.Round(exact, precision, MidpointRounding.AwayFromZero), precision, paramName), precision);
    }

    public static decimal ToDecimal(long raw, int precision)
    {
        var magnitude = raw < 0 ? (ulong)(-(raw + 1)) + 1 : (ulong)raw;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, raw < 0, (byte)precision);
    }

    public static double ToDouble(long raw, int precision) => raw / DoublePowers[precision];

    /// <summary><paramref name="raw"/> at <paramref name="from"/> restated at the finer or equal <paramref name="to"/>.</summary>
    public static long Rescale(long raw, int from, int to) => checked(raw * Powers[to - from]);

    /// <summary>Text as the decimal it is written as, its digits kept ("1.50" has two places).</summary>
    public static decimal ParseDecimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>A JSON number, or a string holding one, as the decimal it is written as (its digits kept).</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? ParseDecimal(reader.GetString()!) : reader.GetDecimal();

    /// <summary>The number of decimal places <paramref name="value"/> is written with (1.50 has 2).</summary>
    public static int PrecisionOf(decimal value) => value.Scale;

    /// <summary>The decimal places <paramref name="value"/> needs, trailing zeros dropped (1.50 needs 1, 0.01 needs 2).</summary>
    public static int SignificantPlaces(decimal value) => (value / 1.0000000000000000000000000000m).Scale;

    /// <summary>
    /// The precision that holds <paramref name="value"/> exactly, at no fewer than <paramref name="minimumPrecision"/> places and at
    /// most <see cref="MaxPrecision"/> (a value needing more is refused by <see cref="FromDecimal"/>).
    /// </summary>
    public static int PrecisionAtLeast(decimal value, int minimumPrecision) =>
        Math.Min(MaxPrecision, Math.Max(minimumPrecision, SignificantPlaces(value)));
}
