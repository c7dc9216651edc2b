using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Nautilus.Storage;

/// <summary>One page of a range query, and the cursor of the next page (null on the last).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Keyset position in a time series: the (time, sequence) of the last row returned. Opaque to callers; keyset
/// paging stays fast deep into a range where OFFSET would rescan everything before the page.
/// </summary>
public readonly record struct PageCursor(DateTime Ts, long Seq)
{
    public const int MaxLimit = 10_000;

    public string Encode() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{Ts.Ticks}:{Seq}")));

    /// <summary>Parses a cursor a previous page returned; a cursor that is not one is the caller's error.</summary>
    public static PageCursor Decode(string cursor)
    {
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor)).Split(':');
            if (parts.Length == 2 &&
                long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) &&
                long.TryParse(parts[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seq) &&
                ticks <= DateTime.MaxValue.Ticks)
            {
                return new PageCursor(new DateTime(ticks, DateTimeKind.Utc), seq);
            }
        }
        catch (FormatException)
        {
        }

        throw new ArgumentException("The cursor is not one a previous page returned.", nameof(cursor));
    }
}

/// <summary>A time range and page size, checked once for every range query.</summary>
public readonly record struct RangeQuery(string Symbol, DateTime From, DateTime To, int Limit, PageCursor? After)
{
    public static RangeQuery Create(string symbol, DateTime from, DateTime to, int limit = 1000, string? cursor = null)
    {
        if (string.IsNullOrWhiteSpace(symbol))
        {
            throw new ArgumentException("A symbol is required.", nameof(symbol));
        }

        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to:O}) before it starts ({from:O}).", nameof(to));
        }

        if (limit is < 1 or > PageCursor.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"A page holds 1 to {PageCursor.MaxLimit} rows.");
        }

        return new RangeQuery(symbol, Utc(from), Utc(to), limit, cursor is null ? null : PageCursor.Decode(cursor));
    }

    private static DateTime Utc(DateTime t) => t.Kind switch
    {
        DateTimeKind.Utc => t,
        DateTimeKind.Local => t.ToUniversalTime(),
        _ => DateTime.SpecifyKind(t, DateTimeKind.Utc),
    };
}
