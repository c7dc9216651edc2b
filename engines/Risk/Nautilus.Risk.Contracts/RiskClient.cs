using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Nautilus.Model;
using Nautilus.Platform;
using Nautilus.Risk.Domain.Backtesting;
using Nautilus.Risk.Domain.Limits;

namespace Nautilus.Risk.Contracts;

/// <summary>
/// The Risk engine over HTTP, typed. Register with <c>AddHttpClient&lt;RiskClient&gt;(http =&gt; http.BaseAddress = new
/// Uri(RiskClient.BaseAddress))</c>. A refusal comes back as <see cref="RiskRequestException"/> carrying the engine's problem.
/// </summary>
public sealed class RiskClient(HttpClient http) : EngineClient(http)
{
    /// <summary>Service discovery's name for the engine ("https+http": https where it offers it).</summary>
    public const string BaseAddress = "https+http://risk-engine";

    private static readonly JsonSerializerOptions EnumsByName =
        new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected override JsonSerializerOptions Json => EnumsByName;

    public Task<VarResponse> VarAsync(VarRequest request, CancellationToken ct = default) => PostAsync<VarResponse>("/api/risk/var",
        request, ct);

    public Task<VarBacktestResult> BacktestAsync(BacktestRequest request, CancellationToken ct = default) =>
        PostAsync<VarBacktestResult>("/api/risk/backtest", request, ct);

    public async Task<IReadOnlyList<RiskLimit>> LimitsAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<RiskLimit[]>("/api/risk/limits", Json, ct) ?? [];

    public async Task<IReadOnlyList<LimitChange>> LimitHistoryAsync(int limit = 50, CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<LimitChange[]>($"/api/risk/limits/history?limit={limit}", Json, ct) ?? [];

    public Task<LimitChange> SetLimitAsync(LimitChangeRequest request, CancellationToken ct = default) =>
        SendAsync<LimitChange>(HttpMethod.Put, "/api/risk/limits", request, ct);

    public Task<LimitChange> RemoveLimitAsync(LimitScope scope, string key, LimitKind kind, string changedBy, string reason,
        CancellationToken ct = default) =>
        SendAsync<LimitChange>(HttpMethod.Delete, $"/api/risk/limits/{scope}/{kind}?key={Uri.EscapeDataString(key)}" +
                                                  $"&changedBy={Uri.EscapeDataString(changedBy)}&reason={Uri.EscapeDataString(reason)}",
                                                      null, ct);

    public async Task<TradingStatesResponse> StatesAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<TradingStatesResponse>("/api/risk/state", Json, ct)
        ?? throw new RiskRequestException(500, "the Risk engine answered no states");

    public Task<TradingStateChange> SetStateAsync(TradingStateRequest request, CancellationToken ct = default) =>
        SendAsync<TradingStateChange>(HttpMethod.Put, "/api/risk/state", request, ct);

    public async Task<IReadOnlyList<PortfolioRiskView>> PortfoliosAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<PortfolioRiskView[]>("/api/risk/portfolios", Json, ct) ?? [];

    public Task<PreTradeDecision> CheckAsync(OrderInput order, CancellationToken ct = default) =>
        PostAsync<PreTradeDecision>($"/api/risk/portfolios/{Uri.EscapeDataString(order.Portfolio.Value)}/check", order, ct);

    /// <summary>Computes and stores the portfolio's VaR now.</summary>
    public Task<PortfolioVar> ComputeVarAsync(PortfolioId portfolio, CancellationToken ct = default) =>
        SendAsync<PortfolioVar>(HttpMethod.Post, $"{PortfolioPath(portfolio)}/var", null, ct);

    /// <summary>The latest stored VaR, or null when none was computed yet.</summary>
    public async Task<PortfolioVar?> LatestVarAsync(PortfolioId portfolio, CancellationToken ct = default)
    {
        using var response = await Http.GetAsync($"{PortfolioPath(portfolio)}/var", ct);
        return response.StatusCode == System.Net.HttpStatusCode.NotFound ? null : await AnswerAsync<PortfolioVar>(response, ct);
    }

    public Task<VarHistoryResponse> VarHistoryAsync(PortfolioId portfolio, CancellationToken ct = default) =>
        SendAsync<VarHistoryResponse>(HttpMethod.Get, $"{PortfolioPath(portfolio)}/var/history", null, ct);

    public Task<StressResponse> HistoricalStressAsync(PortfolioId portfolio, HistoricalStressRequest request,
        CancellationToken ct = default) =>
        PostAsync<StressResponse>($"{PortfolioPath(portfolio)}/stress/historical", request, ct);

    public async Task<IReadOnlyList<AlertView>> AlertsAsync(int limit = 100, CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<AlertView[]>($"/api/risk/alerts?limit={limit}", Json, ct) ?? [];

    private static string PortfolioPath(PortfolioId portfolio) => $"/api/risk/portfolios/{Uri.EscapeDataString(portfolio.Value)}";

    protected override EngineRequestException Refused(int status, string problem) => new RiskRequestException(status, problem);
}

/// <summary>The Risk engine refused a request; <see cref="Problem"/> names the fields at fault.</summary>
public sealed class RiskRequestException(int status, string problem) : EngineRequestException("Risk", status, problem);
