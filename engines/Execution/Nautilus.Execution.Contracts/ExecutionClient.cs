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
public sealed class ExecutionClient(HttpClient http)
{
    public const string BaseAddress = "https+http://execution-engine";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<OrderAccepted> EnterAsync(OrderEntry entry, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync("/api/execution/orders", entry, Json, ct);
        return await ReadAsync<OrderAccepted>(response, ct);
    }

    public async Task<IReadOnlyList<ExecutionOrder>> OrdersAsync(bool openOnly = false, int limit = 200, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<ExecutionOrder[]>(
            $"/api/execution/orders?open={(openOnly ? "true" : "false")}&limit={limit.ToString(CultureInfo.InvariantCulture)}", Json,
                ct) ?? [];

    public async Task<ExecutionOrder> CancelAsync(string clientOrderId, CancellationToken ct = default)
    {
        using var response = await http.DeleteAsync($"/api/execution/orders/{Uri.EscapeDataString(clientOrderId)}", ct);
        return await ReadAsync<ExecutionOrder>(response, ct);
    }

    public async Task<ExecutionOrder> ModifyAsync(string clientOrderId, OrderModification change, CancellationToken ct = default)
    {
        using var response = await http.PatchAsJsonAsync($"/api/execution/orders/{Uri.EscapeDataString(clientOrderId)}", change, Json, ct);
        return await ReadAsync<ExecutionOrder>(response, ct);
    }

    public async Task<IReadOnlyList<ExecutionPosition>> PositionsAsync(bool openOnly = true, CancellationToken ct = default) =>
        await http.GetFromJsonAsync<ExecutionPosition[]>($"/api/execution/positions?open={(openOnly ? "true" : "false")}", Json, ct) ?? [];

    public async Task<IReadOnlyList<ExecutionAccount>> AccountsAsync(CancellationToken ct = default) =>
        await http.GetFromJsonAsync<ExecutionAccount[]>("/api/execution/accounts", Json, ct) ?? [];

    private static Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        ApiProblem.ReadAnswerAsync<T>(response, Json, (status, problem) => new ExecutionRequestException(status, problem), ct);
}

/// <summary>The Execution engine refused a request; <see cref="Problem"/> says why, naming the field.</summary>
public sealed class ExecutionRequestException(int status, string problem) : Exception($"Execution engine answered {status}: {problem}")
{
    public int Status { get; } = status;

    public string Problem { get; } = problem;
}
