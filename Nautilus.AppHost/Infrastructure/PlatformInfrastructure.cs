using Nautilus.Platform;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>The database and the two buses, as engines see them: resources with connection strings.</summary>
public sealed record PlatformInfrastructure(
    IResourceBuilder<IResourceWithConnectionString> Database,
    IResourceBuilder<IResourceWithConnectionString> MarketDataBus,
    IResourceBuilder<IResourceWithConnectionString> EngineLogicBus)
{
    public IResourceBuilder<IResourceWithConnectionString> Bus(Bus bus) => bus switch
    {
        Platform.Bus.MarketData => MarketDataBus,
        Platform.Bus.EngineLogic => EngineLogicBus,
        _ => throw new ArgumentOutOfRangeException(nameof(bus)),
    };
}
