using System.Net.Http.Json;
using System.Text.Json;

namespace Nautilus.Web.Market;

/// <summary>The feed controls of the Market view: the MarketData engine's feed and scenario endpoints.</summary>
public sealed class MarketFeedClient(IHttpClientFactory httpClients)
{
    public sealed record FeedInfo(string State, long Events, string? Error);

    private HttpClient Client => httpClients.CreateClient(MarketStream.MarketDataClient);

    public async Task<FeedInfo?> SimulatorAsync(CancellationToken ct = default)
    {
        using var response = await Client.GetAsync("/api/feeds/simulator", ct);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
        var root = json.RootElement;
        return new FeedInfo(root.GetProperty("state").GetString()!, root.GetProperty("events").GetInt64(),
            root.TryGetProperty("error", out var e) ? e.GetString() : null);
    }

    public Task<string?> StartAsync() => SendAsync("/api/feeds/simulator/start", null);

    public Task<string?> StopAsync() => SendAsync("/api/feeds/simulator/stop", null);

    /// <summary>Returns null on success, else the problem's detail.</summary>
    public Task<string?> InjectAsync(string symbol, string kind, double magnitude, double durationSeconds, double recoverySeconds) =>
        SendAsync("/api/feeds/simulator/scenarios", new { symbol, kind, magnitude, durationSeconds, recoverySeconds });

    private async Task<string?> SendAsync(string path, object? body)
    {
        using var response = body is null ? await Client.PostAsync(path, null) : await Client.PostAsJsonAsync(path, body);
        if (response.IsSuccessStatusCode)
        {
            return null;
        }

        var text = await response.Content.ReadAsStringAsync();
        try
        {
            using var problem = JsonDocument.Parse(text);
            return problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : text;
        }
        catch (JsonException)
        {
            return text;
        }
    }
}
