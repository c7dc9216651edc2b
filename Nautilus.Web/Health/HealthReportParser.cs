using System.Text.Json;

namespace Nautilus.Web.Health;

/// <summary>Reads the JSON that every Nautilus service's /health writes (see HealthResponseWriter).</summary>
public static class HealthReportParser
{
    public static ServiceStatus ParseStatus(string? text) =>
        Enum.TryParse<ServiceStatus>(text, ignoreCase: true, out var status) ? status : ServiceStatus.Unknown;

    public static (ServiceStatus Status, string? Version, string? Uptime, string? Storage, Dictionary<string, DependencyHealth> Dependencies)
        Parse(JsonElement root)
    {
        var dependencies = new Dictionary<string, DependencyHealth>();
        if (root.TryGetProperty("dependencies", out var deps) && deps.ValueKind == JsonValueKind.Object)
        {
            foreach (var dep in deps.EnumerateObject())
            {
                dependencies[dep.Name] = new DependencyHealth(
                    ParseStatus(dep.Value.TryGetProperty("status", out var s) ? s.GetString() : null),
                    dep.Value.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null);
            }
        }

        return (
            ParseStatus(root.TryGetProperty("status", out var status) ? status.GetString() : null),
            root.TryGetProperty("version", out var version) ? version.GetString() : null,
            root.TryGetProperty("uptime", out var uptime) ? uptime.GetString() : null,
            root.TryGetProperty("storage", out var storage) ? storage.GetString() : null,
            dependencies);
    }
}
