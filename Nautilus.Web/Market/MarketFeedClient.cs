using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.MarketData.Contracts;
using Nautilus.Platform;

namespace Nautilus.Web.Market;

/// <summary>The feed controls of the Market view: the MarketData engine's feed and scenario endpoints.</summary>
public sealed class MarketFeedClient(IHttpClientFactory httpClients)
{
    /// <summary>One feed of the MarketData engine as its list shows it; settings as the JSON it was started with.</summary>
    public sealed record FeedRow(string Name, string Description, string State, long Events, string? Error, string Settings);

    /// <summary>What an uploaded tick file holds (or why it was refused), in one line for the page.</summary>
    public sealed record UploadResult(bool Stored, string Summary, IReadOnlyList<string> RowErrors);

    public const string UploadClient = "marketdata-upload";

    private HttpClient Client => httpClients.CreateClient(MarketStream.MarketDataHttp);

    public Task<string?> StartAsync() => SendAsync("/api/feeds/simulator/start", null);

    public async Task<IReadOnlyList<FeedRow>> FeedsAsync(CancellationToken ct = default)
    {
        var feeds = await new MarketDataClient(Client).GetFeedsAsync(ct);
        return feeds.Select(f => new FeedRow(f.Name, f.Description, f.State.ToString(), f.Events, f.Error,
            f.Settings is JsonElement { ValueKind: JsonValueKind.Object } settings ? settings.GetRawText() : "{}")).ToArray();
    }

    /// <summary>Starts any feed with settings typed by the operator; returns null on success, else the problem.</summary>
    public async Task<string?> StartFeedAsync(string name, string settingsJson)
    {
        using var content = new StringContent(string.IsNullOrWhiteSpace(settingsJson) ? "{}" : settingsJson, System.Text.Encoding.UTF8,
            "application/json");
        using var response = await Client.PostAsync($"/api/feeds/{Uri.EscapeDataString(name)}/start", content);
        return await ProblemOfAsync(response);
    }

    public async Task<string?> StopFeedAsync(string name)
    {
        using var response = await Client.PostAsync($"/api/feeds/{Uri.EscapeDataString(name)}/stop", null);
        return await ProblemOfAsync(response);
    }

    /// <summary>Stores a CSV or Parquet tick file where the tick-replay feed plays it from.</summary>
    public async Task<UploadResult> UploadReplayFileAsync(string name, Stream file, CancellationToken ct = default)
    {
        using var content = new StreamContent(file);
        content.Headers.ContentType =
            new(name.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? "application/vnd.apache.parquet" : "text/csv");
        using var response = await httpClients.CreateClient(UploadClient)
            .PutAsync($"/api/replay/files/{Uri.EscapeDataString(name)}", content, ct);
        if (!response.IsSuccessStatusCode)
        {
            return new UploadResult(false, await ProblemOfAsync(response) ?? response.StatusCode.ToString(), []);
        }

        var r = await response.Content.ReadFromJsonAsync<TickFileReport>(ct)
            ?? throw new JsonException("The upload answered no report.");
        return new UploadResult(true,
            $"{r.Name} stored: {r.Rows} rows ({r.Trades} trades, {r.Quotes} quotes), {r.Accepted} will be accepted, {r.Rejected} refused",
            r.Errors.Select(e => $"line {e.Line}, {e.Field}: {e.Problem}").ToArray());
    }

    /// <summary>Returns null on success, else the problem's detail.</summary>
    public Task<string?> InjectAsync(string symbol, string kind, double magnitude, double durationSeconds, double recoverySeconds) =>
        SendAsync("/api/feeds/simulator/scenarios", new { symbol, kind, magnitude, durationSeconds, recoverySeconds });

    private async Task<string?> SendAsync(string path, object? body)
    {
        using var response = body is null ? await Client.PostAsync(path, null) : await Client.PostAsJsonAsync(path, body);
        return await ProblemOfAsync(response);
    }

    private static Task<string?> ProblemOfAsync(HttpResponseMessage response) => ApiProblem.DescribeAsync(response);
}
