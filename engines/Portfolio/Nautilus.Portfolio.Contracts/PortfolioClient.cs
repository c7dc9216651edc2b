using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.Portfolio.Contracts;

/// <summary>
/// The Portfolio engine over HTTP, typed. Register with <c>AddHttpClient&lt;PortfolioClient&gt;(http =&gt; http.BaseAddress =
/// new Uri(PortfolioClient.BaseAddress))</c>. A refusal comes back as <see cref="PortfolioRequestException"/> carrying the
/// engine's problem.
/// </summary>
public sealed class PortfolioClient(HttpClient http) : EngineClient(http)
{
    /// <summary>Service discovery's name for the engine ("https+http": https where it offers it).</summary>
    public const string BaseAddress = "https+http://portfolio-engine";

    public async Task<OptimizeResponse> OptimizeAsync(OptimizeRequest request, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync("/api/portfolio/optimize", request, Json, ct);
        return await AnswerAsync<OptimizeResponse>(response, ct);
    }

    public Task<IReadOnlyList<NodeView>> NodesAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<NodeView>>("/api/portfolio/nodes", ct);

    public async Task<NodeView> CreateNodeAsync(NodeRequest request, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync("/api/portfolio/nodes", request, Json, ct);
        return await AnswerAsync<NodeView>(response, ct);
    }

    public Task<IReadOnlyList<PortfolioSummary>> PortfoliosAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<PortfolioSummary>>("/api/portfolio/portfolios", ct);

    /// <summary>The live valuation; a portfolio that cannot be valued yet is refused with the reason.</summary>
    public Task<LiveValuationView> ValuationAsync(string portfolio, string method = "fifo", CancellationToken ct = default) =>
        GetAsync<LiveValuationView>($"/api/portfolio/portfolios/{Uri.EscapeDataString(portfolio)}/valuation?method={method}", ct);

    public Task<IReadOnlyList<NavPoint>> NavAsync(string portfolio, int limit = 5_000, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<NavPoint>>($"/api/portfolio/portfolios/{Uri.EscapeDataString(portfolio)}/nav?limit={limit}", ct);

    public Task<IReadOnlyList<ProposalView>> ProposalsAsync(string portfolio, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<ProposalView>>($"/api/portfolio/portfolios/{Uri.EscapeDataString(portfolio)}/proposals", ct);

    public async Task<ProposalView> ProposeAsync(string portfolio, ProposalRequest request, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync($"/api/portfolio/portfolios/{Uri.EscapeDataString(portfolio)}/proposals",
            request, Json, ct);
        return await AnswerAsync<ProposalView>(response, ct);
    }

    public async Task<ProposalView> ApproveAsync(string proposalId, CancellationToken ct = default)
    {
        using var response = await Http.PostAsync($"/api/portfolio/proposals/{Uri.EscapeDataString(proposalId)}/approve", null, ct);
        return await AnswerAsync<ProposalView>(response, ct);
    }

    protected override EngineRequestException Refused(int status, string problem) => new PortfolioRequestException(status, problem);
}

/// <summary>The Portfolio engine refused a request; <see cref="Problem"/> names the fields at fault.</summary>
public sealed class PortfolioRequestException(int status, string problem) : EngineRequestException("Portfolio", status, problem);
