namespace Nautilus.AppHost.Infrastructure;

/// <summary>Chooses the infrastructure mode from configuration and what the machine offers. Pure, so it is unit-tested.</summary>
public static class InfrastructureModeSelector
{
    public const string ConfigurationKey = "Nautilus:Infrastructure";

    public static InfrastructureMode Parse(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return InfrastructureMode.Auto;
        }

        return configured.Trim().ToLowerInvariant() switch
        {
            "auto" => InfrastructureMode.Auto,
            "containers" or "container" => InfrastructureMode.Containers,
            "host" => InfrastructureMode.Host,
            _ => throw new InfrastructureConfigurationException(
                $"{ConfigurationKey} is '{configured}'; it must be one of: auto, containers, host."),
        };
    }

    /// <summary>
    /// Publishing always describes containers (deployment targets run them). Otherwise an explicit choice wins, and
    /// <c>auto</c> asks the container runtime; the probe runs only when its answer matters.
    /// </summary>
    public static InfrastructureMode Resolve(InfrastructureMode requested, bool isPublishMode, Func<bool> containerRuntimeIsHealthy)
    {
        if (isPublishMode)
        {
            return InfrastructureMode.Containers;
        }

        return requested switch
        {
            InfrastructureMode.Containers or InfrastructureMode.Host => requested,
            _ => containerRuntimeIsHealthy() ? InfrastructureMode.Containers : InfrastructureMode.Host,
        };
    }
}
