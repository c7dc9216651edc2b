using System.Net.Http.Json;
using System.Text.Json;

namespace Nautilus.Platform;

/// <summary>
/// An engine's refusal as RFC 7807 problem+json (every engine answers bad input this way): read by typed clients so
/// they can pass on which fields were wrong and why, instead of walking the JSON.
/// </summary>
public sealed record ApiProblem(string? Type, string? Title, int? Status, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>"field: problem; field: problem", else the detail, else the title.</summary>
    public string Describe() =>
        Errors is { Count: > 0 }
            ? string.Join("; ", Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))
            : Detail ?? Title ?? $"status {Status}";

    /// <summary>The problem of a failed response; a body that is not problem+json becomes the detail as it came.</summary>
    public static async Task<ApiProblem> ReadAsync(HttpResponseMessage response, CancellationToken ct = default)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try
        {
            if (JsonSerializer.Deserialize<ApiProblem>(text, Json) is { } problem && (problem.Title ?? problem.Detail) is not null)
            {
                return problem;
            }
        }
        catch (JsonException)
        {
        }

        return new ApiProblem(null, response.ReasonPhrase, (int)response.StatusCode, text, null);
    }

    /// <summary>
    /// A typed client's answer: the body as <typeparamref name="T"/> on success; on a refusal the exception
    /// <paramref name="refused"/> makes of the status and the problem described in one line.
    /// </summary>
    public static async Task<T> ReadAnswerAsync<T>(HttpResponseMessage response, JsonSerializerOptions json, Func<int, string,
        Exception> refused,
        CancellationToken ct = default)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw refused((int)response.StatusCode, (await ReadAsync(response, ct)).Describe());
        }

        return await response.Content.ReadFromJsonAsync<T>(json, ct)
               ?? throw refused(500, $"{response.RequestMessage?.RequestUri} answered nothing");
    }

    /// <summary>Null for a success; else the problem described in one line.</summary>
    public static async Task<string?> DescribeAsync(HttpResponseMessage response, CancellationToken ct = default) =>
        response.IsSuccessStatusCode ? null : (await ReadAsync(response, ct)).Describe();
}
