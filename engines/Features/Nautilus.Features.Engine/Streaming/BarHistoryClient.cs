using System.Net.Http.Json;
using Nautilus.Model;

namespace Nautilus.Features.Engine.Streaming;

/// <summary>
/// Stored bars, asked of the MarketData engine over HTTP (it owns them; we never read its schema). Follows its
/// cursor pages. Unknown symbols and bad ranges come back as <see cref="BarHistoryException"/> with its problem.
/// </summary>
public sealed class BarHistoryClient(HttpClient http)
{
    public const string BaseAddress = "https+http://marketdata-engine";
    public const int MaxBars = 500_000;

    private sealed record BarPageDto(List<Bar> Items, string? NextCursor);

    public async Task<IReadOnlyList<Bar>> GetAsync(string symbol, int interval, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var bars = new List<Bar>();
        string? cursor = null;
        do
        {
            var url = $"/api/bars/{Uri.EscapeDataString(symbol)}?interval={interval}&from={Uri.EscapeDataString(from.ToString("O"))}" +
                      $"&to={Uri.EscapeDataString(to.ToString("O"))}&limit=10000" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var response = await http.GetAsync(url, ct);
            if (!response.IsSuccessStatusCode)
            {
                throw new BarHistoryException((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
            }

            var page = await response.Content.ReadFromJsonAsync<BarPageDto>(ct) ?? new BarPageDto([], null);
            bars.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && bars.Count < MaxBars);

        return bars;
    }
}

/// <summary>The MarketData engine refused a history request; its problem+json is passed on.</summary>
public sealed class BarHistoryException(int status, string problem) : Exception($"MarketData engine answered {status}: {problem}")
{
    public int Status { get; } = status;
    public string Problem { get; } = problem;
}
