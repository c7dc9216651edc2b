using System.Text.Json;
using System.Text.Json.Serialization;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Nautilus service's <c>/health</c> answers (camelCase JSON): overall status, the service's name, version and
/// uptime, the storage mode when it stores, and each dependency. The one type it is written from and read into (the UI
/// reads it back through <see cref="Read"/>).
/// </summary>
public sealed record HealthResponse(
    string Status,
    string Engine,
    string Version,
    string Uptime,
    double UptimeSeconds,
    double TotalDurationMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Storage,
    IReadOnlyDictionary<string, HealthResponse.Dependency> Dependencies)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One dependency as its check saw it; <see cref="Data"/> is what the check adds (writer backlogs, lag…).</summary>
    public sealed record Dependency(
        string Status,
        string? Description,
        double DurationMs,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object?>? Data);

    public static async Task<HealthResponse> ReadAsync(Stream body, CancellationToken ct = default) =>
        await JsonSerializer.DeserializeAsync<HealthResponse>(body, Json, ct)
        ?? throw new JsonException("A /health answer was empty.");
}
