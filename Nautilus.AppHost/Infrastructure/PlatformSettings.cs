using Microsoft.Extensions.Configuration;

namespace Nautilus.AppHost.Infrastructure;

/// <summary>Everything the AppHost reads from configuration, validated once before any resource is declared.</summary>
public sealed record PlatformSettings(InfrastructureMode Mode, PortPlan Ports, string StateDirectory, string? PostgresBinDirectory,
    bool UseTimescaleDb = true)
{
    /// <summary><c>auto</c>: TimescaleDB where it is installed (host mode) or in the image (containers); <c>off</c>: plain PostgreSQL.</summary>
    public const string TimescaleDbKey = "Nautilus:Postgres:TimescaleDb";

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

        var timescale = configuration[TimescaleDbKey]?.Trim().ToLowerInvariant() switch
        {
            null or "" or "auto" => true,
            "off" => false,
            var other => throw new InfrastructureConfigurationException($"{TimescaleDbKey} is '{other}': it must be 'auto' or 'off'."),
        };

        return new PlatformSettings(mode, ports, stateDirectory, configuration["Nautilus:PostgresBinDirectory"], timescale);
    }
}
