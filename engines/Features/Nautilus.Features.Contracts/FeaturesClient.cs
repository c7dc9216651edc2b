using System.Globalization;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.Features.Contracts;

/// <summary>
/// The Features engine over HTTP, typed. Register with <c>AddHttpClient&lt;FeaturesClient&gt;(http =&gt; http.BaseAddress = new
/// Uri(FeaturesClient.BaseAddress))</c>. A refusal comes back as <see cref="FeaturesRequestException"/> carrying the problem.
/// </summary>
public sealed class FeaturesClient(HttpClient http) : EngineClient(http)
{
    public const string BaseAddress = "https+http://features-engine";

    /// <summary>Features of a symbol's stored bars of <paramref name="interval"/> seconds in [from, to], computed by the engine.</summary>
    public async Task<FeatureSeries> OverHistoryAsync(string symbol, int interval, DateTimeOffset from, DateTimeOffset to,
        IReadOnlyList<string> features, CancellationToken ct = default)
    {
        var query = string.Create(CultureInfo.InvariantCulture,
            $"interval={interval}&from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}" +
            $"&to={Uri.EscapeDataString(to.ToString("O", CultureInfo.InvariantCulture))}" +
            $"&features={Uri.EscapeDataString(string.Join(';', features))}");
        using var response = await Http.GetAsync($"/api/features/{Uri.EscapeDataString(symbol)}?{query}", ct);
        return await ApiProblem.ReadAnswerAsync<FeatureSeries>(response, Json,
            (status, problem) => new FeaturesRequestException(status, problem), ct);
    }

    protected override EngineRequestException Refused(int status, string problem) => new FeaturesRequestException(status, problem);
}

/// <summary>The Features engine refused a request; <see cref="Problem"/> names the fields at fault.</summary>
public sealed class FeaturesRequestException(int status, string problem) : EngineRequestException("Features", status, problem);
