using System.Net.Http.Json;
using System.Text.Json;

namespace Nautilus.Platform;

/// <summary>
/// What the engines' typed clients share: JSON as the engines write it, a request sent and its answer read as a record, and a
/// refusal thrown as the engine's own <see cref="EngineRequestException"/> carrying the problem it answered.
/// </summary>
public abstract class EngineClient(HttpClient http)
{
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>Web defaults; a client whose engine writes more (enums by name) overrides it.</summary>
    protected virtual JsonSerializerOptions Json => WebJson;

    protected HttpClient Http => http;

    /// <summary>The engine's refusal: its status and its problem in one line.</summary>
    protected abstract EngineRequestException Refused(int status, string problem);

    protected async Task<T> GetAsync<T>(string path, CancellationToken ct)
    {
        using var response = await http.GetAsync(path, ct);
        return await AnswerAsync<T>(response, ct);
    }

    protected Task<T> PostAsync<T>(string path, object? body, CancellationToken ct) => SendAsync<T>(HttpMethod.Post, path, body, ct);

    protected async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body, body.GetType(), options: Json),
        };
        using var response = await http.SendAsync(request, ct);
        return await AnswerAsync<T>(response, ct);
    }

    protected Task<T> AnswerAsync<T>(HttpResponseMessage response, CancellationToken ct) =>
        ApiProblem.ReadAnswerAsync<T>(response, Json, Refused, ct);

    /// <summary>For answers without a body: throws the refusal unless the response succeeded.</summary>
    protected async Task EnsureAcceptedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (await ApiProblem.DescribeAsync(response, ct) is { } problem)
        {
            throw Refused((int)response.StatusCode, problem);
        }
    }
}

/// <summary>An engine refused a request; <see cref="Problem"/> says why, naming the fields at fault.</summary>
public abstract class EngineRequestException(string engine, int status, string problem)
    : Exception($"{engine} engine answered {status}: {problem}")
{
    public int Status { get; } = status;

    public string Problem { get; } = problem;
}
