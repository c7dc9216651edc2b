using Nautilus.Model;

namespace Nautilus.Backtesting.Domain;

/// <summary>A clock that only moves when the replay moves it: "now" is the time of the event being handled.</summary>
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
