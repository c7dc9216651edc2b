using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Writes a health report as a <see cref="HealthResponse"/>: overall status, the service's name, version and uptime,
/// and each dependency with its own status, description, duration and data. A check that reports a <c>storage</c>
/// datum (the PostgreSQL check does) has it lifted to the top level, where operators look first.
/// </summary>
public static class HealthResponseWriter
{
    public const string StorageDataKey = "storage";

    private static readonly DateTimeOffset ProcessStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var configuration = context.RequestServices.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        // The orchestrator names each service after its resource (risk-engine); alone, the assembly name stands in.
        var serviceName = configuration["OTEL_SERVICE_NAME"] ?? context.RequestServices.GetRequiredService<IHostEnvironment>().ApplicationName;
        var uptime = DateTimeOffset.UtcNow - ProcessStart;
        var storage = report.Entries.Values
            .Select(e => e.Data.TryGetValue(StorageDataKey, out var s) ? s as string : null)
            .FirstOrDefault(s => s is not null);
        var response = new HealthResponse(report.Status.ToString(), serviceName, ServiceVersion.Current, uptime.ToString(@"d\.hh\:mm\:ss"),
            Math.Round(uptime.TotalSeconds, 1), Math.Round(report.TotalDuration.TotalMilliseconds, 2), storage,
            report.Entries.ToDictionary(e => e.Key, e => new HealthResponse.Dependency(e.Value.Status.ToString(),
                e.Value.Description ?? e.Value.Exception?.Message, Math.Round(e.Value.Duration.TotalMilliseconds, 2),
                e.Value.Data.Count > 0 ? e.Value.Data.ToDictionary(d => d.Key, d => (object?)d.Value) : null)));
        await JsonSerializer.SerializeAsync(context.Response.Body, response, HealthResponse.Json, context.RequestAborted);
    }
}
