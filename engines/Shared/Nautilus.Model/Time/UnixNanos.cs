using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Nautilus.Model;

/// <summary>
/// A point in time as integer nanoseconds since the Unix epoch, UTC (NautilusTrader's <c>UnixNanos</c>): what every
/// timestamp on the buses and in the model is. Converts to and from <see cref="DateTimeOffset"/> at 100 ns (a tick).
/// </summary>
[JsonConverter(typeof(UnixNanosJsonConverter))]
public readonly record struct UnixNanos(long Value) : IComparable<UnixNanos>
{
    private const long NanosPerTick = 100;

    public static UnixNanos Epoch => default;

    public static UnixNanos From(DateTimeOffset time) => new((time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * NanosPerTick);

    /// <summary>
    /// A <see cref="DateTime"/>: a local one is converted to UTC; an unspecified one is taken as UTC, as files and the
    /// database hand them over (timestamps in Nautilus are UTC throughout).
    /// </summary>
    public static UnixNanos From(DateTime time) =>
        new(((time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : time).Ticks - DateTime.UnixEpoch.Ticks) * NanosPerTick);

    public static UnixNanos Now(TimeProvider clock) => From(clock.GetUtcNow());

    public DateTimeOffset ToDateTimeOffset() => DateTimeOffset.UnixEpoch.AddTicks(Value / NanosPerTick);

    public DateTime ToUtcDateTime() => DateTime.UnixEpoch.AddTicks(Value / NanosPerTick);

    public static UnixNanos operator +(UnixNanos time, TimeSpan span) => new(time.Value + span.Ticks * NanosPerTick);

    public static UnixNanos operator -(UnixNanos time, TimeSpan span) => new(time.Value - span.Ticks * NanosPerTick);

    public static TimeSpan operator -(UnixNanos later, UnixNanos earlier) => TimeSpan.FromTicks((later.Value - earlier.Value) / NanosPerTick);

    public static bool operator <(UnixNanos a, UnixNanos b) => a.Value < b.Value;

    public static bool operator >(UnixNanos a, UnixNanos b) => a.Value > b.Value;

    public static bool operator <=(UnixNanos a, UnixNanos b) => a.Value <= b.Value;

    public static bool operator >=(UnixNanos a, UnixNanos b) => a.Value >= b.Value;

    public int CompareTo(UnixNanos other) => Value.CompareTo(other.Value);

    /// <summary>ISO 8601 in UTC with nanoseconds, e.g. <c>2026-11-30T17:00:00.123456789Z</c>.</summary>
    public override string ToString()
    {
        var seconds = Math.DivRem(Value, 1_000_000_000L, out var nanos);
        if (nanos < 0)
        {
            seconds--;
            nanos += 1_000_000_000L;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) +
               "." + nanos.ToString("D9", CultureInfo.InvariantCulture) + "Z";
    }
}

/// <summary>JSON: the integer nanoseconds.</summary>
public sealed class UnixNanosJsonConverter : JsonConverter<UnixNanos>
{
    public override UnixNanos Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());

    public override void Write(Utf8JsonWriter writer, UnixNanos value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
