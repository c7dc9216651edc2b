using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Nautilus.Platform;

namespace Nautilus.Execution.Contracts;

/// <summary>
/// The Execution engine over HTTP, typed: order entry, the blotter, cancel and modify, positions and accounts. Register with
/// <c>AddHttpClient&lt;ExecutionClient&gt;(http =&gt; http.BaseAddress = new Uri(ExecutionClient.BaseAddress))</c>. A refusal comes
/// back as <see cref="ExecutionRequestException"/> carrying the engine's problem.
/// </summary>
public sealed class ExecutionClient(HttpClient http) : EngineClient(http)
{
    public const string BaseAddress = "https+http://execution-engine";

    public async Task<OrderAccepted> EnterAsync(OrderEntry entry, CancellationToken ct = default)
    {
        using var response = await Http.PostAsJsonAsync("/api/execution/orders", entry, Json, ct);
        return await AnswerAsync<OrderAccepted>(response, ct);
    }

    public async Task<IReadOnlyList<ExecutionOrder>> OrdersAsync(bool openOnly = false, int limit = 200, CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<ExecutionOrder[]>(
            $"/api/execution/orders?open={(openOnly ? "true" : "false")}&limit={limit.ToString(CultureInfo.InvariantCulture)}", Json,
                ct) ?? [];

    public async Task<ExecutionOrder> CancelAsync(string clientOrderId, CancellationToken ct = default)
    {
        using var response = await Http.DeleteAsync($"/api/execution/orders/{Uri.EscapeDataString(clientOrderId)}", ct);
        return await AnswerAsync<ExecutionOrder>(response, ct);
    }

    public async Task<ExecutionOrder> ModifyAsync(string clientOrderId, OrderModification change, CancellationToken ct = default)
    {
        using var response = await Http.PatchAsJsonAsync($"/api/execution/orders/{Uri.EscapeDataString(clientOrderId)}", change, Json, ct);
        return await AnswerAsync<ExecutionOrder>(response, ct);
    }

    public async Task<IReadOnlyList<ExecutionPosition>> PositionsAsync(bool openOnly = true, CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<ExecutionPosition[]>($"/api/execution/positions?open={(openOnly ? "true" : "false")}", Json, ct) ?? [];

    public async Task<IReadOnlyList<ExecutionAccount>> AccountsAsync(CancellationToken ct = default) =>
        await Http.GetFromJsonAsync<ExecutionAccount[]>("/api/execution/accounts", Json, ct) ?? [];

    protected override EngineRequestException Refused(int status, string problem) => new ExecutionRequestException(status, problem);
}

/// <summary>The Execution engine refused a request; <see cref="Problem"/> says why, naming the field.</summary>
public sealed class ExecutionRequestException(int status, string problem) : EngineRequestException("Execution", status, problem);
