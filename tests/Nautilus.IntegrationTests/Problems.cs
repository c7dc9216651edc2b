using System.Net;
using System.Text;
using System.Text.Json;

namespace Nautilus.IntegrationTests;

/// <summary>Engines answer bad input with RFC 7807 problem+json naming the field: read and asserted the same way everywhere.</summary>
public static class Problems
{
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Posts <paramref name="json"/> as it is and asserts a 400 whose <c>errors</c> name <paramref name="field"/>.</summary>
    public static async Task AssertRefusedAsync(HttpClient http, Uri url, string json, string field, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, url)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        using var response = await http.SendAsync(request);
        var problem = await ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} in {problem}");
    }
}
