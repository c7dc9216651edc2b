using Microsoft.Extensions.Hosting;
using Nautilus.Platform;

namespace Nautilus.Web.Health;

/// <summary>One engine's latest /health answer, as read by <see cref="PlatformHealthMonitor"/>.</summary>
public sealed record EngineHealth(
    EngineDescriptor Engine,
    ServiceStatus Status,
    string? Version,
    string? Uptime,
    string? Storage,
    IReadOnlyDictionary<string, DependencyHealth> Dependencies,
    double? ResponseMs,
    DateTimeOffset? CheckedAt,
    string? Error,
    string? BaseUrl)
{
    /// <summary>The engine as its <c>/health</c> answer describes it.</summary>
    public static EngineHealth From(EngineDescriptor engine, HealthResponse report, double responseMs, DateTimeOffset checkedAt, string? baseUrl) =>
        new(engine, StatusOf(report.Status), report.Version, report.Uptime, report.Storage,
            report.Dependencies.ToDictionary(d => d.Key, d => new DependencyHealth(StatusOf(d.Value.Status), d.Value.Description)),
            responseMs, checkedAt, null, baseUrl);

    /// <summary>A status as a health answer names it; one this UI does not know is Unknown.</summary>
    public static ServiceStatus StatusOf(string? text) =>
        Enum.TryParse<ServiceStatus>(text, ignoreCase: true, out var status) ? status : ServiceStatus.Unknown;

    public static EngineHealth Pending(EngineDescriptor engine, string? baseUrl) =>
        new(engine, ServiceStatus.Unknown, null, null, null, new Dictionary<string, DependencyHealth>(), null, null, null, baseUrl);

    public string? DocsUrl => BaseUrl is null ? null : BaseUrl.TrimEnd('/') + EndpointPaths.Docs;

    /// <summary>The port the engine really listens on (configuration may move it), else the catalog's default.</summary>
    public int Port => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.Port : Engine.DefaultPort;
}

public sealed record DependencyHealth(ServiceStatus Status, string? Description);
