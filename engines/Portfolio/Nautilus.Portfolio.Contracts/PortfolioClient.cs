using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.Portfolio.Contracts;

/// <summary>
/// The Portfolio engine over HTTP, typed. Register with <c>AddHttpClient&lt;PortfolioClient&gt;(http =&gt; http.BaseAddress =
/// new Uri(PortfolioClient.BaseAddress))</c>. A refusal comes back as <see cref="PortfolioRequestException"/> carrying the
/// engine's problem.
/// </summary>
public sealed class PortfolioClient(HttpClient http)
{
    /// <summary>Service discovery's name for the engine ("https+http": https where it offers it).</summary>
    public const string BaseAddress = "https+http://portfolio-engine";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<OptimizeResponse> OptimizeAsync(OptimizeRequest request, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("/api/portfolio/optimize", request, Json, ct);
        return await ApiProblem.ReadAnswerAsync<OptimizeResponse>(response, Json,
            (status, problem) => new PortfolioRequestException(status, problem), ct);
    }
}

/// <summary>The Portfolio engine refused a request; <see cref="Problem"/> names the fields at fault.</summary>
public sealed class PortfolioRequestException(int status, string problem) : Exception($"Portfolio engine answered {status}: {problem}")
{
    public int Status { get; } = status;

    public string Problem { get; } = problem;
}
