namespace Nautilus.Messaging;

/// <summary>
/// Head sampling by rate: admits at most one trace per 1/<c>perSecond</c> of time, whatever the message rate, so
/// tracing market data costs the same at a hundred ticks a second as at a hundred thousand (and the dashboard stores
/// a bounded number of spans). Lock-free; of callers racing for one slot exactly one wins.
/// </summary>
public sealed class TraceRateLimiter(double perSecond)
{
    private readonly long _intervalTicks = perSecond > 0 && double.IsFinite(perSecond)
        ? Math.Max(1, (long)(TimeSpan.TicksPerSecond / perSecond))
        : 0;

    private long _next = long.MinValue;

    /// <summary>True when a trace may start at <paramref name="utcTicks"/> (and takes the slot).</summary>
    public bool TryTake(long utcTicks)
    {
        if (_intervalTicks == 0)
        {
            return false;
        }

        var next = Volatile.Read(ref _next);
        return utcTicks >= next && Interlocked.CompareExchange(ref _next, utcTicks + _intervalTicks, next) == next;
    }
}
