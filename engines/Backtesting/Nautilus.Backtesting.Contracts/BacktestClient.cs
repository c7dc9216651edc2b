using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.Backtesting.Contracts;

/// <summary>
/// The Backtesting engine over HTTP, typed. Register with <c>AddHttpClient&lt;BacktestClient&gt;(http =&gt; http.BaseAddress = new
/// Uri(BacktestClient.BaseAddress))</c>. A refusal comes back as <see cref="BacktestRequestException"/> carrying the engine's problem.
/// </summary>
public sealed class BacktestClient(HttpClient http)
{
    public const string BaseAddress = "https+http://backtesting-engine";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<StrategyInfo>> StrategiesAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<StrategyInfo[]>("/api/backtests/strategies", Json, ct) ?? [];

    public async Task<BacktestAccepted> RunAsync(BacktestRequest request, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("/api/backtests", request, Json, ct);
        return await ReadAsync<BacktestAccepted>(response, ct);
    }

    public async Task<IReadOnlyList<BacktestStatus>> ListAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<BacktestStatus[]>("/api/backtests", Json, ct) ?? [];

    public async Task<BacktestResults> ResultsAsync(string id, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"/api/backtests/{Uri.EscapeDataString(id)}/results", ct);
        return await ReadAsync<BacktestResults>(response, ct);
    }

    public async Task<BacktestComparison> CompareAsync(IEnumerable<string> ids, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"/api/backtests/compare?ids={Uri.EscapeDataString(string.Join(',', ids))}", ct);
        return await ReadAsync<BacktestComparison>(response, ct);
    }

    public async Task CancelAsync(string id, CancellationToken ct = default)
    {
        using var response = await http.PostAsync($"/api/backtests/{Uri.EscapeDataString(id)}/cancel", null, ct);
        await ReadAsync<BacktestStatus>(response, ct);
    }

    public async Task<SweepStatus> SweepAsync(SweepRequest request, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("/api/backtests/sweeps", request, Json, ct);
        return await ReadAsync<SweepStatus>(response, ct);
    }

    public async Task<SweepStatus> SweepStatusAsync(string id, int top = 0, CancellationToken ct = default)
    {
        using var response = await http.GetAsync($"/api/backtests/sweeps/{Uri.EscapeDataString(id)}?top={top}", ct);
        return await ReadAsync<SweepStatus>(response, ct);
    }

    private static Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        ApiProblem.ReadAnswerAsync<T>(response, Json, (status, problem) => new BacktestRequestException(status, problem), ct);
}

/// <summary>The Backtesting engine refused a request; <see cref="Problem"/> names the field at fault.</summary>
public sealed class BacktestRequestException(int status, string problem) : Exception($"Backtesting engine answered {status}: {problem}")
{
    public int Status { get; } = status;

    public string Problem { get; } = problem;
}
