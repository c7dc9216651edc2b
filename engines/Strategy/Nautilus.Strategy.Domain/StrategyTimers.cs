using Nautilus.Model;

namespace Nautilus.Strategy.Domain;

/// <summary>
/// A strategy's timers on event time: each fires at its next due time once an event at or after it arrives, in order, as
/// often as it fell due. The backtester and the live engine both drive them from their events, so a strategy's timers
/// fire identically in either.
/// </summary>
public sealed class StrategyTimers
{
    private readonly List<(string Name, TimeSpan Interval, UnixNanos Next)> _timers = [];

    public int Count => _timers.Count;

    public void Set(string name, TimeSpan interval, UnixNanos now)
    {
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "a timer's interval must be positive");
        }

        Cancel(name);
        _timers.Add((name, interval, now + interval));
    }

    public void Cancel(string name) => _timers.RemoveAll(t => t.Name == name);

    /// <summary>Fires every timer due at or before <paramref name="until"/>; <paramref name="fire"/> gets its name and due time.</summary>
    public void Fire(UnixNanos until, Action<string, UnixNanos> fire)
    {
        for (var t = 0; t < _timers.Count; t++)
        {
            while (_timers[t].Next <= until)
            {
                var (name, interval, next) = _timers[t];
                _timers[t] = (name, interval, next + interval);
                fire(name, next);
                if (t >= _timers.Count || _timers[t].Name != name)
                {
                    break;
                }
            }
        }
    }
}
