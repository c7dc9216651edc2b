using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.Strategy.Contracts;

/// <summary>
/// The Strategy engine over HTTP, typed. Register with <c>AddHttpClient&lt;StrategyClient&gt;(http =&gt; http.BaseAddress = new
/// Uri(StrategyClient.BaseAddress))</c>. A refusal comes back as <see cref="StrategyRequestException"/> carrying the engine's problem.
/// </summary>
public sealed class StrategyClient(HttpClient http) : EngineClient(http)
{
    public const string BaseAddress = "https+http://strategy-engine";

    public async Task<IReadOnlyList<StrategyView>> ListAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<StrategyView[]>("/api/strategies", Json, ct) ?? [];

    public async Task<StrategyView> DeployAsync(StrategyDeployment deployment, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync("/api/strategies", deployment, Json, ct);
        return await AnswerAsync<StrategyView>(response, ct);
    }

    /// <summary>Moves a deployment: <c>start</c>, <c>pause</c> or <c>stop</c>.</summary>
    public async Task<StrategyView> MoveAsync(string id, string action, CancellationToken ct = default)
    {
        using var response = await Http.PostAsync($"/api/strategies/{Uri.EscapeDataString(id)}/{action}", null, ct);
        return await AnswerAsync<StrategyView>(response, ct);
    }

    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        using var response = await Http.DeleteAsync($"/api/strategies/{Uri.EscapeDataString(id)}", ct);
        await EnsureAcceptedAsync(response, ct);
    }

    protected override EngineRequestException Refused(int status, string problem) => new StrategyRequestException(status, problem);
}

/// <summary>The Strategy engine refused a request; <see cref="Problem"/> says why, naming the field.</summary>
public sealed class StrategyRequestException(int status, string problem) : EngineRequestException("Strategy", status, problem);
