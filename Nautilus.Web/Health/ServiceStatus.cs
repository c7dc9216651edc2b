namespace Nautilus.Web.Health;

/// <summary>How a service or resource looks from the operator's seat.</summary>
public enum ServiceStatus
{
    Unknown,
    Healthy,
    Degraded,
    Unhealthy,

    /// <summary>No HTTP answer at all: the process is down or not yet started.</summary>
    Unreachable,
}
