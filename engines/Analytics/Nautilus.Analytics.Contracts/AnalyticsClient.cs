using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Analytics.Domain.Attribution;
using Nautilus.Analytics.Domain.Performance;
using Nautilus.Platform;

namespace Nautilus.Analytics.Contracts;

/// <summary>
/// The Analytics engine over HTTP, typed. Register with <c>AddHttpClient&lt;AnalyticsClient&gt;(http =&gt; http.BaseAddress = new
/// Uri(AnalyticsClient.BaseAddress))</c>. A refusal comes back as <see cref="AnalyticsRequestException"/> carrying the engine's problem.
/// </summary>
public sealed class AnalyticsClient(HttpClient http) : EngineClient(http)
{
    /// <summary>Service discovery's name for the engine ("https+http": https where it offers it).</summary>
    public const string BaseAddress = "https+http://analytics-engine";

    public async Task<IReadOnlyList<StoredPortfolio>> PortfoliosAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<StoredPortfolio[]>("/api/analytics/portfolios", Json, ct) ?? [];

    public async Task<TearSheet> PortfolioTearSheetAsync(string portfolio, int rollingWindow = 63, CancellationToken ct = default)
    {
        var window = rollingWindow.ToString(CultureInfo.InvariantCulture);
        var path = $"/api/analytics/portfolios/{Uri.EscapeDataString(portfolio)}/tearsheet?rollingWindow={window}";
        using var response = await Http.GetAsync(path, ct);
        return await AnswerAsync<TearSheet>(response, ct);
    }

    public async Task<IReadOnlyList<StrategyWithFills>> StrategiesAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<StrategyWithFills[]>("/api/analytics/strategies", Json, ct) ?? [];

    public async Task<StrategyTearSheet> StrategyTearSheetAsync(string strategy, CancellationToken ct = default)
    {
        using var response = await Http.GetAsync($"/api/analytics/strategies/{Uri.EscapeDataString(strategy)}/tearsheet", ct);
        return await AnswerAsync<StrategyTearSheet>(response, ct);
    }

    public Task<TearSheet> TearSheetAsync(TearSheetRequest request, CancellationToken ct = default) =>
        PostAsync<TearSheet>("/api/analytics/tearsheet", request, ct);

    public Task<PerformanceReport> MetricsAsync(MetricsRequest request, CancellationToken ct = default) =>
        PostAsync<PerformanceReport>("/api/analytics/metrics", request, ct);

    public Task<AttributionResult> AttributionAsync(AttributionRequest request, CancellationToken ct = default) =>
        PostAsync<AttributionResult>("/api/analytics/attribution", request, ct);

    protected override EngineRequestException Refused(int status, string problem) => new AnalyticsRequestException(status, problem);
}

/// <summary>The Analytics engine refused a request; <see cref="Problem"/> names the fields at fault.</summary>
public sealed class AnalyticsRequestException(int status, string problem) : EngineRequestException("Analytics", status, problem);
