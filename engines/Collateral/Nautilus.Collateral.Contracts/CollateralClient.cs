using System.Globalization;
using System.Net.Http.Json;
using Nautilus.Platform;

namespace Nautilus.Collateral.Contracts;

/// <summary>
/// The Collateral engine over HTTP, typed. Register with <c>AddHttpClient&lt;CollateralClient&gt;(http =&gt; http.BaseAddress = new
/// Uri(CollateralClient.BaseAddress))</c>. A refusal comes back as <see cref="CollateralRequestException"/> carrying the problem.
/// </summary>
public sealed class CollateralClient(HttpClient http) : EngineClient(http)
{
    public const string BaseAddress = "https+http://collateral-engine";

    public Task<IReadOnlyList<AccountMarginView>> AccountsAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<AccountMarginView>>("/api/collateral/accounts", ct);

    public Task<ForecastResponse> ForecastAsync(string account, CancellationToken ct = default) =>
        GetAsync<ForecastResponse>($"/api/collateral/accounts/{Uri.EscapeDataString(account)}/forecast", ct);

    public Task<IReadOnlyList<MarginCallView>> MarginCallsAsync(int limit = 50, CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<MarginCallView>>($"/api/collateral/margin-calls?limit={limit.ToString(CultureInfo.InvariantCulture)}", ct);

    public Task<IReadOnlyList<InventoryAsset>> InventoryAsync(CancellationToken ct = default) =>
        GetAsync<IReadOnlyList<InventoryAsset>>("/api/collateral/inventory", ct);

    public async Task<InventoryAsset> PutAssetAsync(string id, CollateralAssetInput asset, CancellationToken ct = default)
    {
        using var response = await Http.PutAsJsonAsync($"/api/collateral/inventory/{Uri.EscapeDataString(id)}", asset, Json, ct);
        return await AnswerAsync<InventoryAsset>(response, ct);
    }

    public Task<LiveAllocationView> AllocationAsync(CancellationToken ct = default) =>
        GetAsync<LiveAllocationView>("/api/collateral/allocation", ct);

    public async Task<SaCcrResponse> SaCcrAsync(SaCcrRequest request, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync("/api/collateral/sa-ccr", request, Json, ct);
        return await AnswerAsync<SaCcrResponse>(response, ct);
    }

    protected override EngineRequestException Refused(int status, string problem) => new CollateralRequestException(status, problem);
}

/// <summary>The Collateral engine refused a request; <see cref="EngineRequestException.Problem"/> names the fields at fault.</summary>
public sealed class CollateralRequestException(int status, string problem) : EngineRequestException("Collateral", status, problem);
