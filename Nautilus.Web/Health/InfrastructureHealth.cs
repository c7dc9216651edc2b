namespace Nautilus.Web.Health;

/// <summary>
/// An infrastructure resource (PostgreSQL, a bus) as the engines that use it see it: healthy when every engine that
/// reports on it says so. Seen from the engines, because their view decides whether the platform works.
/// </summary>
public sealed record InfrastructureHealth(string Name, string Role, ServiceStatus Status, int HealthyReports, int Reports, int Users)
{
    public static InfrastructureHealth From(string name, string role, IReadOnlyList<EngineHealth> users)
    {
        var reports = users
            .Select(e => e.Dependencies.TryGetValue(name, out var d) ? d.Status : (ServiceStatus?)null)
            .OfType<ServiceStatus>()
            .ToArray();
        var healthy = reports.Count(s => s == ServiceStatus.Healthy);
        var status = reports.Length == 0 ? ServiceStatus.Unknown
            : healthy == reports.Length ? ServiceStatus.Healthy
            : healthy > 0 ? ServiceStatus.Degraded
            : ServiceStatus.Unhealthy;
        return new InfrastructureHealth(name, role, status, healthy, reports.Length, users.Count);
    }
}
