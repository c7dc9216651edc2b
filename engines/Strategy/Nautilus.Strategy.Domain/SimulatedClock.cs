using Nautilus.Model;

namespace Nautilus.Strategy.Domain;

/// <summary>
/// A clock that only moves when its owner moves it: "now" is the time of the event being handled. The backtester moves it
/// through history; the live Strategy engine to each event's time, so a strategy reads the same time for the same bar either way.
/// </summary>
public sealed class SimulatedClock : TimeProvider
{
    private const long NanosPerTick = 100;

    public UnixNanos Now { get; private set; }

    public void Set(UnixNanos now) => Now = now;

    public override DateTimeOffset GetUtcNow() => Now.ToDateTimeOffset();

    public override long GetTimestamp() => Now.Value / NanosPerTick;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
}
