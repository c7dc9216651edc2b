using System.Text.Json;
using Nautilus.Platform;
using Nautilus.Web.Buses;

namespace Nautilus.UnitTests.Web;

public sealed class BusActivityTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private static BusSample Sample(string engine, DateTimeOffset at, long published, long consumed, long lag, long passedOver = 0) =>
        BusSample.From(EngineCatalog.All.Single(e => e.Name == engine), at, JsonSerializer.Deserialize<BusStatsReport>($$"""
            {"group":"{{engine}}","publishQueue":0,
             "types":[{"type":"PRICE_UPDATE","bus":"marketdata-bus","published":{{published}},"conflated":3,"delayed":0,"written":0,
                       "writeRetries":0,"consumed":{{consumed}},"retried":0,"deadLettered":1,"duplicates":0,
                       "passedOver":{{passedOver}}}],
             "consumerGroups":[{"type":"PRICE_UPDATE","stream":"s","lag":{{lag}},"pending":2},
                               {"type":"FEATURE_UPDATE","stream":"f","lag":null,"pending":0}]}
            """, JsonSerializerOptions.Web)!);

    [Fact]
    public void Rates_are_counter_differences_over_the_interval_summed_over_engines()
    {
        var before = new[] { Sample("risk-engine", T0, 1_000, 500, 0), Sample("portfolio-engine", T0, 0, 100, 0) };
        var after = new[] { Sample("risk-engine", T0.AddSeconds(2), 21_000, 10_500, 40), Sample("portfolio-engine", T0.AddSeconds(2), 0, 4_100, 7, passedOver: 2_000) };

        var marketData = BusActivity.Between(before, after).Single(b => b.Bus == BusNames.MarketData);

        Assert.Equal(10_000, marketData.PublishedPerSecond);
        Assert.Equal(8_000, marketData.ConsumedPerSecond); // handled or passed over by a filter: both read off the bus
        Assert.Equal(47, marketData.Lag);
        Assert.Equal(4, marketData.Pending);
        Assert.Equal(2, marketData.DeadLettered);
        Assert.Equal(2, marketData.Engines);
    }

    [Fact]
    public void A_restarted_or_new_engine_adds_no_rate_spike()
    {
        var before = new[] { Sample("risk-engine", T0, 50_000, 50_000, 0) };
        var after = new[] { Sample("risk-engine", T0.AddSeconds(2), 10, 10, 0), Sample("collateral-engine", T0.AddSeconds(2), 9_999, 9_999, 0) };

        var marketData = BusActivity.Between(before, after).Single(b => b.Bus == BusNames.MarketData);

        Assert.Equal(0, marketData.PublishedPerSecond);
        Assert.Equal(0, marketData.ConsumedPerSecond);
    }

    [Fact]
    public void Both_buses_are_always_listed()
    {
        Assert.Equal(BusNames.All, BusActivity.Between([], []).Select(b => b.Bus));
        Assert.Equal(MessageType.FeatureUpdate, MessageRouting.FromWireName("FEATURE_UPDATE"));
        Assert.Null(MessageRouting.FromWireName("NOT_A_TYPE"));
    }
}
