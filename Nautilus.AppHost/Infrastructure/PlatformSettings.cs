using Microsoft.Extensions.Configuration;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>Everything the AppHost reads from configuration, validated once before any resource is declared.</summary>
public sealed record PlatformSettings(InfrastructureMode Mode, PortPlan Ports, string StateDirectory, string? PostgresBinDirectory)
{
    public static PlatformSettings From(IConfiguration configuration, bool isPublishMode, string appHostDirectory,
        Func<bool>? containerRuntimeIsHealthy = null)
    {
        var requested = InfrastructureModeSelector.Parse(configuration[InfrastructureModeSelector.ConfigurationKey]);
        var ports = PortPlan.From(configuration);
        var mode = InfrastructureModeSelector.Resolve(requested, isPublishMode, containerRuntimeIsHealthy
            ?? (() => ContainerRuntimeProbe.IsHealthy(configuration["ASPIRE_CONTAINER_RUNTIME"], TimeSpan.FromSeconds(5))));

        var state = configuration["Nautilus:StateDirectory"];
        var stateDirectory = string.IsNullOrWhiteSpace(state)
            ? Path.GetFullPath(Path.Combine(appHostDirectory, "..", ".nautilus"))
            : Path.GetFullPath(state, appHostDirectory);

        return new PlatformSettings(mode, ports, stateDirectory, configuration["Nautilus:PostgresBinDirectory"]);
    }
}
