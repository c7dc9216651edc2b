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
    public static EngineHealth Pending(EngineDescriptor engine, string? baseUrl) =>
        new(engine, ServiceStatus.Unknown, null, null, null, new Dictionary<string, DependencyHealth>(), null, null, null, baseUrl);

    public string? DocsUrl => BaseUrl is null ? null : BaseUrl.TrimEnd('/') + EndpointPaths.Docs;

    /// <summary>The port the engine really listens on (configuration may move it), else the catalog's default.</summary>
    public int Port => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.Port : Engine.DefaultPort;
}

public sealed record DependencyHealth(ServiceStatus Status, string? Description);
