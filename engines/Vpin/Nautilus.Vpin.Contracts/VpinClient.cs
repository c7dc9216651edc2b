using System.Globalization;
using System.Net.Http.Json;
using Nautilus.Platform;

namespace Nautilus.Vpin.Contracts;

/// <summary>
/// The VPIN engine over HTTP, typed. Register with <c>AddHttpClient&lt;VpinClient&gt;(http =&gt; http.BaseAddress = new
/// Uri(VpinClient.BaseAddress))</c>. A refusal comes back as <see cref="VpinRequestException"/> carrying the engine's problem.
/// </summary>
public sealed class VpinClient(HttpClient http) : EngineClient(http)
{
    public const string BaseAddress = "https+http://vpin-engine";

    public Task<IReadOnlyList<LiveVpin>> LiveAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<LiveVpin>>("/api/vpin/live", ct);

    public Task<IReadOnlyList<VpinPoint>> HistoryAsync(string symbol, int limit = 2_000, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<VpinPoint>>(
            $"/api/vpin/history/{Uri.EscapeDataString(symbol)}?limit={limit.ToString(CultureInfo.InvariantCulture)}", ct);

    public Task<IReadOnlyList<ToxicityAlert>> AlertsAsync(int limit = 100, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<ToxicityAlert>>($"/api/vpin/alerts?limit={limit.ToString(CultureInfo.InvariantCulture)}", ct);

    public Task<IReadOnlyList<InstrumentAccuracy>> AccuracyAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<InstrumentAccuracy>>("/api/vpin/accuracy", ct);

    public async Task<InstrumentVpinSettings> PutSettingsAsync(string symbol, InstrumentVpinSettings settings,
        CancellationToken ct = default)
    {
        using var response = await Http.PutAsJsonAsync($"/api/vpin/instruments/{Uri.EscapeDataString(symbol)}/settings", settings, Json,
            ct);
        return await AnswerAsync<InstrumentVpinSettings>(response, ct);
    }

    protected override EngineRequestException Refused(int status, string problem) => new VpinRequestException(status, problem);
}

/// <summary>The VPIN engine refused a request; <see cref="EngineRequestException.Problem"/> names the fields at fault.</summary>
public sealed class VpinRequestException(int status, string problem) : EngineRequestException("VPIN", status, problem);
