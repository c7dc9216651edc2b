using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Writes a health report as JSON: overall status, the service's name, version and uptime, and each dependency with
/// its own status, description, duration and data. A check that reports a <c>storage</c> datum (the PostgreSQL check
/// does: TimescaleDB or native partitioning) has it lifted to the top level, where operators look first.
/// </summary>
public static class HealthResponseWriter
{
    public const string StorageDataKey = "storage";

    private static readonly DateTimeOffset ProcessStart = Process.GetCurrentProcess().StartTime.ToUniversalTime();

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var configuration = context.RequestServices.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        // The orchestrator names each service after its resource (risk-engine); alone, the assembly name stands in.
        var serviceName = configuration["OTEL_SERVICE_NAME"] ?? context.RequestServices.GetRequiredService<IHostEnvironment>().ApplicationName;

        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString());
            json.WriteString("engine", serviceName);
            json.WriteString("version", ServiceVersion.Current);
            var uptime = DateTimeOffset.UtcNow - ProcessStart;
            json.WriteString("uptime", uptime.ToString(@"d\.hh\:mm\:ss"));
            json.WriteNumber("uptimeSeconds", Math.Round(uptime.TotalSeconds, 1));
            json.WriteNumber("totalDurationMs", Math.Round(report.TotalDuration.TotalMilliseconds, 2));

            var storage = report.Entries.Values
                .Select(e => e.Data.TryGetValue(StorageDataKey, out var s) ? s as string : null)
                .FirstOrDefault(s => s is not null);
            if (storage is not null)
            {
                json.WriteString(StorageDataKey, storage);
            }

            json.WriteStartObject("dependencies");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString());
                json.WriteString("description", entry.Description ?? entry.Exception?.Message);
                json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 2));
                if (entry.Data.Count > 0)
                {
                    json.WriteStartObject("data");
                    foreach (var (key, value) in entry.Data)
                    {
                        json.WritePropertyName(key);
                        JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object));
                    }
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }

        await context.Response.Body.WriteAsync(buffer.ToArray());
    }
}
