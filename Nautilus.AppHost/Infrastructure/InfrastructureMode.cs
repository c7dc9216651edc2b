namespace Nautilus.AppHost.Infrastructure;

/// <summary>How PostgreSQL and the two Redis buses run. Both modes give engines the same connection-string names.</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers healthy, host processes otherwise.</summary>
    Auto,

    /// <summary>TimescaleDB and Redis images (needs Docker or Podman).</summary>
    Containers,

    /// <summary><c>postgres</c> and <c>redis-server</c> run as host processes by the orchestrator.</summary>
    Host,
}
