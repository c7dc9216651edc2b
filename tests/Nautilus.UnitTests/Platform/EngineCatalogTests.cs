using Nautilus.Platform;

namespace Nautilus.UnitTests.Platform;

public class EngineCatalogTests
{
    [Fact]
    public void There_are_thirteen_engines_with_unique_names_and_ports()
    {
        Assert.Equal(13, EngineCatalog.All.Count);
        Assert.Equal(13, EngineCatalog.All.Select(e => e.Name).Distinct().Count());
        Assert.Equal(13, EngineCatalog.All.Select(e => e.DefaultPort).Distinct().Count());
    }

    [Fact]
    public void Ports_are_those_of_the_architecture() =>
        Assert.Equal(
            [8100, 8110, 8200, 8300, 8400, 8500, 8600, 8700, 8800, 8900, 9000, 9500, 10000],
            EngineCatalog.All.Select(e => e.DefaultPort));

    [Theory]
    [InlineData(MessageType.MarketData, Bus.MarketData)]
    [InlineData(MessageType.PriceUpdate, Bus.MarketData)]
    [InlineData(MessageType.TradeExecution, Bus.MarketData)]
    [InlineData(MessageType.FeatureUpdate, Bus.EngineLogic)]
    [InlineData(MessageType.OrderRequest, Bus.EngineLogic)]
    [InlineData(MessageType.EngineHealth, Bus.EngineLogic)]
    public void Each_type_travels_on_the_bus_the_architecture_gives_it(MessageType type, Bus bus) =>
        Assert.Equal(bus, MessageRouting.BusOf(type));

    [Fact]
    public void Every_message_type_has_a_distinct_wire_name()
    {
        var names = Enum.GetValues<MessageType>().Select(MessageRouting.WireName).ToArray();
        Assert.Equal(names.Length, names.Distinct().Count());
        Assert.Contains("VPIN_CALCULATION", names);
    }

    [Fact]
    public void An_undefined_message_type_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageRouting.BusOf((MessageType)999));

    [Fact]
    public void Buses_follow_from_the_message_types_an_engine_uses()
    {
        // MarketData publishes MARKET_DATA (market-data bus) and its health (logic bus).
        Assert.Equal([Bus.MarketData, Bus.EngineLogic], EngineCatalog.MarketDataEngine.Buses);
        // Backtesting replays history from the database and reports progress: logic bus only.
        Assert.Equal([Bus.EngineLogic], EngineCatalog.Backtesting.Buses);
        Assert.False(EngineCatalog.Ml.Uses(Bus.MarketData));
        Assert.True(EngineCatalog.Execution.Uses(Bus.MarketData));
    }

    [Fact]
    public void Every_consumed_type_has_a_publisher()
    {
        var published = EngineCatalog.All.SelectMany(e => e.Publishes).ToHashSet();
        var orphans = EngineCatalog.All.SelectMany(e => e.Consumes).Where(t => !published.Contains(t)).Distinct();
        Assert.Empty(orphans);
    }

    [Fact]
    public void Engines_are_found_by_name_case_insensitively()
    {
        Assert.Same(EngineCatalog.Vpin, EngineCatalog.Find("VPIN-engine"));
        Assert.Null(EngineCatalog.Find("nope-engine"));
    }
}
