using Nautilus.Platform;

namespace Nautilus.Web.Buses;

/// <summary>One engine's /api/bus/stats at one moment: cumulative counters per bus, and its consumer groups' backlog.</summary>
public sealed record BusSample(string Engine, DateTimeOffset At, IReadOnlyDictionary<string, BusCounters> Buses)
{
    /// <summary>An engine's /api/bus/stats, read as the record the engine writes it from.</summary>
    public static BusSample From(EngineDescriptor engine, DateTimeOffset at, BusStatsReport report)
    {
        // Every bus the engine is connected to counts as reporting, even before it has sent or heard anything.
        var buses = engine.Buses.ToDictionary(BusNames.Of, _ => new BusCounters());
        BusCounters For(string bus) => buses.TryGetValue(bus, out var c) ? c : buses[bus] = new BusCounters();

        foreach (var type in report.Types)
        {
            var counters = For(type.Bus);
            counters.Published += type.Published;
            // Read off the bus: handled, or passed over by a subscription's filter (Features wants bars only).
            counters.Consumed += type.Consumed + type.PassedOver;
            counters.Conflated += type.Conflated;
            counters.DeadLettered += type.DeadLettered;
        }

        foreach (var group in report.ConsumerGroups)
        {
            if (MessageRouting.FromWireName(group.Type) is not { } type)
            {
                continue;
            }

            var counters = For(BusNames.Of(MessageRouting.BusOf(type)));
            counters.Lag += group.Lag ?? 0;
            counters.Pending += group.Pending;
        }

        return new BusSample(engine.Name, at, buses);
    }
}

public sealed class BusCounters
{
    public long Published { get; set; }
    public long Consumed { get; set; }
    public long Conflated { get; set; }
    public long DeadLettered { get; set; }
    public long Lag { get; set; }
    public long Pending { get; set; }
}

/// <summary>What a bus is doing now, summed over every engine: rates over the last polling interval, and backlog.</summary>
public sealed record BusActivity(
    string Bus, double PublishedPerSecond, double ConsumedPerSecond, long Lag, long Pending, long DeadLettered, long Conflated,
    int Engines)
{
    /// <summary>
    /// Rates from two rounds of samples. An engine missing from either round, or whose counters went down (it
    /// restarted), adds nothing to the rate rather than a negative or a spike.
    /// </summary>
    public static IReadOnlyList<BusActivity> Between(IReadOnlyList<BusSample> previous, IReadOnlyList<BusSample> current)
    {
        var before = previous.ToDictionary(s => s.Engine);
        return BusNames.All.Select(bus =>
        {
            double published = 0, consumed = 0;
            long lag = 0, pending = 0, dead = 0, conflated = 0;
            var engines = 0;
            foreach (var sample in current)
            {
                if (!sample.Buses.TryGetValue(bus, out var now))
                {
                    continue;
                }

                engines++;
                lag += now.Lag;
                pending += now.Pending;
                dead += now.DeadLettered;
                conflated += now.Conflated;
                if (before.TryGetValue(sample.Engine, out var old) && old.Buses.TryGetValue(bus, out var then) &&
                    (sample.At - old.At).TotalSeconds is var seconds and > 0 &&
                    now.Published >= then.Published && now.Consumed >= then.Consumed)
                {
                    published += (now.Published - then.Published) / seconds;
                    consumed += (now.Consumed - then.Consumed) / seconds;
                }
            }

            return new BusActivity(bus, published, consumed, lag, pending, dead, conflated, engines);
        }).ToArray();
    }
}
