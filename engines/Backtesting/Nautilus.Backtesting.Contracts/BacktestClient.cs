using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.Backtesting.Contracts;

/// <summary>
/// The Backtesting engine over HTTP, typed. Register with <c>AddHttpClient&lt;BacktestClient&gt;(http =&gt; http.BaseAddress = new
/// Uri(BacktestClient.BaseAddress))</c>. A refusal comes back as <see cref="BacktestRequestException"/> carrying the engine's problem.
/// </summary>
public sealed class BacktestClient(HttpClient http) : EngineClient(http)
{
    public const string BaseAddress = "https+http://backtesting-engine";

    public async Task<IReadOnlyList<StrategyInfo>> StrategiesAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<StrategyInfo[]>("/api/backtests/strategies", Json, ct) ?? [];

    public async Task<BacktestAccepted> RunAsync(BacktestRequest request, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync("/api/backtests", request, Json, ct);
        return await AnswerAsync<BacktestAccepted>(response, ct);
    }

    public async Task<IReadOnlyList<BacktestStatus>> ListAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<BacktestStatus[]>("/api/backtests", Json, ct) ?? [];

    public async Task<BacktestResults> ResultsAsync(string id, CancellationToken ct = default)
    {
        using var response = await Http.GetAsync($"/api/backtests/{Uri.EscapeDataString(id)}/results", ct);
        return await AnswerAsync<BacktestResults>(response, ct);
    }

    public async Task<BacktestComparison> CompareAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        using var response = await Http.GetAsync($"/api/backtests/compare?ids={Uri.EscapeDataString(string.Join(',', ids))}", ct);
        return await AnswerAsync<BacktestComparison>(response, ct);
    }

    public async Task CancelAsync(string id, CancellationToken ct = default)
    {
        using var response = await Http.PostAsync($"/api/backtests/{Uri.EscapeDataString(id)}/cancel", null, ct);
        await AnswerAsync<BacktestStatus>(response, ct);
    }

    public async Task<SweepStatus> SweepAsync(SweepRequest request, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync("/api/backtests/sweeps", request, Json, ct);
        return await AnswerAsync<SweepStatus>(response, ct);
    }

    public async Task<SweepStatus> SweepStatusAsync(string id, int top = 0, CancellationToken ct = default)
    {
        using var response = await Http.GetAsync($"/api/backtests/sweeps/{Uri.EscapeDataString(id)}?top={top}", ct);
        return await AnswerAsync<SweepStatus>(response, ct);
    }

    protected override EngineRequestException Refused(int status, string problem) => new BacktestRequestException(status, problem);
}

/// <summary>The Backtesting engine refused a request; <see cref="Problem"/> names the field at fault.</summary>
public sealed class BacktestRequestException(int status, string problem) : EngineRequestException("Backtesting", status, problem);
