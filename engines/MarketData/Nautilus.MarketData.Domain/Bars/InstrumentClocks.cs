namespace Nautilus.MarketData.Domain.Bars;

/// <summary>
/// The time of each instrument, for closing its bars: the time of its newest event, advanced by the wall clock since
/// that event arrived. A quiet live instrument's bar still closes on time, and an instrument replayed from a file
/// closes its bars on the file's time — not on the live instruments' time, which would close a replayed bar at once.
/// Wall time is passed in (nanoseconds of any monotonic clock), so this stays pure.
/// </summary>
public sealed class InstrumentClocks
{
    private readonly Dictionary<string, (long EventNs, long WallNs)> _seen = [];

    /// <summary>An accepted event of <paramref name="symbol"/> at <paramref name="eventNs"/>, arriving at <paramref name="wallNs"/>.</summary>
    public void Observe(string symbol, long eventNs, long wallNs)
    {
        if (!_seen.TryGetValue(symbol, out var last) || eventNs >= last.EventNs)
        {
            _seen[symbol] = (eventNs, wallNs);
        }
    }

    /// <summary>The instrument's time at <paramref name="wallNs"/>; <see cref="long.MinValue"/> before its first event.</summary>
    public long Now(string symbol, long wallNs) =>
        _seen.TryGetValue(symbol, out var last) ? last.EventNs + Math.Max(0, wallNs - last.WallNs) : long.MinValue;
}
