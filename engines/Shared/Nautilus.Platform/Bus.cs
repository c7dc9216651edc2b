namespace Nautilus.Platform;

/// <summary>The two Redis buses. Their names are the Aspire resource and connection-string names.</summary>
public enum Bus
{
    /// <summary>Star topology: the MarketData engine (and fills from Execution) publish, everyone consumes.</summary>
    MarketData,

    /// <summary>Mesh topology: engine-to-engine business messages.</summary>
    EngineLogic,
}

public static class BusNames
{
    public const string MarketData = "marketdata-bus";
    public const string EngineLogic = "engine-logic-bus";

    public static IReadOnlyList<string> All { get; } = [MarketData, EngineLogic];

    public static string Of(Bus bus) => bus switch
    {
        Bus.MarketData => MarketData,
        Bus.EngineLogic => EngineLogic,
        _ => throw new ArgumentOutOfRangeException(nameof(bus), bus, "Unknown bus."),
    };
}
