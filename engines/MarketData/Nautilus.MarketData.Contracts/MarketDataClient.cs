using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace Nautilus.MarketData.Contracts;

/// <summary>
/// The MarketData engine over HTTP, typed: its clients ask it for stored data (it owns it; nobody reads its schema).
/// Register with <c>AddHttpClient&lt;MarketDataClient&gt;(http =&gt; http.BaseAddress = new Uri(MarketDataClient.BaseAddress))</c>.
/// A refusal comes back as <see cref="MarketDataRequestException"/> carrying the engine's problem.
/// </summary>
public sealed class MarketDataClient(HttpClient http)
{
    /// <summary>Service discovery's name for the engine ("https+http": https where it offers it).</summary>
    public const string BaseAddress = "https+http://marketdata-engine";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One page of stored bars of <paramref name="symbol"/> and <paramref name="interval"/> seconds in [from, to].</summary>
    public async Task<BarPage> GetBarsAsync(string symbol, int interval, DateTimeOffset from, DateTimeOffset to, int limit = 1000,
        string? cursor = null, CancellationToken ct = default)
    {
        var url = $"/api/bars/{Uri.EscapeDataString(symbol)}?interval={interval.ToString(CultureInfo.InvariantCulture)}" +
                  $"&from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}" +
                  $"&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}&limit={limit.ToString(CultureInfo.InvariantCulture)}" +
                  (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
        using var response = await http.GetAsync(url, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new MarketDataRequestException((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        return await response.Content.ReadFromJsonAsync<BarPage>(Json, ct) ?? new BarPage([], null, null);
    }

    /// <summary>The trading terms of an instrument of the master; null when the master has no such symbol.</summary>
    public async Task<InstrumentTerms?> GetInstrumentAsync(string symbol, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"/api/instruments/{Uri.EscapeDataString(symbol)}", ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new MarketDataRequestException((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        return await response.Content.ReadFromJsonAsync<InstrumentTerms>(Json, ct);
    }

    /// <summary>Figures per share of <paramref name="symbol"/> published by <paramref name="to"/>, oldest first.</summary>
    public async Task<IReadOnlyList<FundamentalsEntry>> GetFundamentalsAsync(string symbol, DateOnly to, CancellationToken ct = default)
    {
        using var response = await http.GetAsync(
            $"/api/fundamentals/{Uri.EscapeDataString(symbol)}?to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new MarketDataRequestException((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct));
        }

        return await response.Content.ReadFromJsonAsync<FundamentalsEntry[]>(Json, ct) ?? [];
    }

    /// <summary>Every feed with its state, events and settings.</summary>
    public async Task<IReadOnlyList<FeedStatus>> GetFeedsAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<FeedStatus[]>("/api/feeds", Json, ct) ?? [];

    /// <summary>Every stored bar in [from, to], following the pages, up to <paramref name="maxBars"/>.</summary>
    public async Task<IReadOnlyList<Model.Bar>> GetAllBarsAsync(string symbol, int interval, DateTimeOffset from, DateTimeOffset to,
        int maxBars = 500_000, CancellationToken ct = default)
    {
        var bars = new List<Model.Bar>();
        string? cursor = null;
        do
        {
            var page = await GetBarsAsync(symbol, interval, from, to, 10_000, cursor, ct);
            bars.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && bars.Count < maxBars);

        return bars;
    }
}

/// <summary>The MarketData engine refused a request; its problem+json is kept for the caller to pass on.</summary>
public sealed class MarketDataRequestException(int status, string problem) : Exception($"MarketData engine answered {status}: {problem}")
{
    public int Status { get; } = status;

    public string Problem { get; } = problem;
}
