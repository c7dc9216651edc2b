using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.Factor.Contracts;

/// <summary>
/// The Factor engine over HTTP, typed. Register with <c>AddHttpClient&lt;FactorClient&gt;(http =&gt; http.BaseAddress = new
/// Uri(FactorClient.BaseAddress))</c>. A refusal comes back as <see cref="FactorRequestException"/> carrying the engine's problem.
/// </summary>
public sealed class FactorClient(HttpClient http) : EngineClient(http)
{
    public const string BaseAddress = "https+http://factor-engine";

    public Task<IReadOnlyList<FactorRunView>> RunsAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<FactorRunView>>("/api/factors/runs", ct);

    public async Task<FactorRunView> RunAsync(FactorRunRequest request, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync("/api/factors/runs", request, Json, ct);
        return await AnswerAsync<FactorRunView>(response, ct);
    }

    public Task<FactorReturnSeries> ReturnsAsync(string run, CancellationToken ct = default) =>
        GetAsync<FactorReturnSeries>($"/api/factors/runs/{Uri.EscapeDataString(run)}/returns", ct);

    public async Task<RiskDecompositionResponse> RiskAsync(string run, PortfolioRiskRequest request, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync($"/api/factors/runs/{Uri.EscapeDataString(run)}/risk", request, Json, ct);
        return await AnswerAsync<RiskDecompositionResponse>(response, ct);
    }

    protected override EngineRequestException Refused(int status, string problem) => new FactorRequestException(status, problem);
}

/// <summary>The Factor engine refused a request; <see cref="Problem"/> names the fields at fault.</summary>
public sealed class FactorRequestException(int status, string problem) : EngineRequestException("Factor", status, problem);
