using System.Net;
using System.Text.Json;

namespace Nautilus.IntegrationTests;

/// <summary>One GET of a service's /health, parsed.</summary>
internal sealed record HealthProbe(HttpStatusCode Code, JsonElement Body)
{
    public string Status => Body.GetProperty("status").GetString()!;

    public string DependencyStatus(string name) =>
        Body.GetProperty("dependencies").GetProperty(name).GetProperty("status").GetString()!;

    public static async Task<HealthProbe> GetAsync(HttpClient http, Uri url)
    {
        using var response = await http.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(text);
        return new HealthProbe(response.StatusCode, json.RootElement.Clone());
    }
}
