using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.Strategy.Contracts;

/// <summary>
/// The Strategy engine over HTTP, typed. Register with <c>AddHttpClient&lt;StrategyClient&gt;(http =&gt; http.BaseAddress = new
/// Uri(StrategyClient.BaseAddress))</c>. A refusal comes back as <see cref="StrategyRequestException"/> carrying the engine's problem.
/// </summary>
public sealed class StrategyClient(HttpClient http)
{
    public const string BaseAddress = "https+http://strategy-engine";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<StrategyView>> ListAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<StrategyView[]>("/api/strategies", Json, ct) ?? [];

    public async Task<StrategyView> DeployAsync(StrategyDeployment deployment, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("/api/strategies", deployment, Json, ct);
        return await ReadAsync<StrategyView>(response, ct);
    }

    /// <summary>Moves a deployment: <c>start</c>, <c>pause</c> or <c>stop</c>.</summary>
    public async Task<StrategyView> MoveAsync(string id, string action, CancellationToken ct = default)
    {
        using var response = await http.PostAsync($"/api/strategies/{Uri.EscapeDataString(id)}/{action}", null, ct);
        return await ReadAsync<StrategyView>(response, ct);
    }

    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        using var response = await http.DeleteAsync($"/api/strategies/{Uri.EscapeDataString(id)}", ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new StrategyRequestException((int)response.StatusCode, await ApiProblem.DescribeAsync(response, ct) ?? "refused");
        }
    }

    private static Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        ApiProblem.ReadAnswerAsync<T>(response, Json, (status, problem) => new StrategyRequestException(status, problem), ct);
}

/// <summary>The Strategy engine refused a request; <see cref="Problem"/> says why, naming the field.</summary>
public sealed class StrategyRequestException(int status, string problem) : Exception($"Strategy engine answered {status}: {problem}")
{
    public int Status { get; } = status;

    public string Problem { get; } = problem;
}
