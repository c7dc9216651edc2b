using System.Globalization;
using Nautilus.Contracts;
using Nautilus.Model;

namespace Nautilus.MarketData.Domain.Normalisation;

/// <summary>Times and numbers as files and venues write them, read one way everywhere.</summary>
public static class TextValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssZ", "yyyyMMdd", "yyyy/MM/dd",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ",
    ];

    /// <summary>
    /// A time written as text: ISO 8601 (with or without fraction and offset; without one it is UTC), compact dates,
    /// or an integer count since the epoch whose unit is told by its size (s, ms, µs or ns).
    /// </summary>
    public static bool TryParseTime(ReadOnlySpan<char> text, out long unixNs)
    {
        text = text.Trim();
        // A compact date (20240131) is an integer too small to be an epoch count, so it falls through to the formats.
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) && TryEpoch(count, out unixNs))
        {
            return true;
        }

        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc) ||
            DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc))
        {
            unixNs = UnixNanos.From(utc).Value;
            return true;
        }

        unixNs = 0;
        return false;
    }

    /// <summary>An epoch count in seconds, milliseconds, microseconds or nanoseconds, told apart by magnitude (years 1973–2286).</summary>
    public static bool TryEpoch(long count, out long unixNs)
    {
        unixNs = count switch
        {
            >= 100_000_000_000_000_000 => count,
            >= 100_000_000_000_000 => count * 1_000,
            >= 100_000_000_000 => count * 1_000_000,
            >= 100_000_000 and < 10_000_000_000 => count * 1_000_000_000,
            _ => 0,
        };
        return unixNs > 0;
    }

    public static bool TryParseNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
