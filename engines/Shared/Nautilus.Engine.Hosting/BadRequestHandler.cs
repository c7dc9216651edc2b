using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Nautilus.Engine.Hosting;

/// <summary>
/// A body or parameter that cannot be read (malformed JSON, a string where a number goes, a missing required value)
/// answers 400 problem+json naming the field — taken from the JSON path (<c>$.weights[2]</c> → <c>weights[2]</c>) or the
/// parameter — instead of an empty 400 or a 500.
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        var (field, problem) = bad.InnerException is JsonException json
            ? (FieldOf(json.Path), json.Message.Split(" Path:")[0])
            : (ParameterOf(bad.Message), bad.Message);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        var details = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [problem] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = $"Invalid {field}",
            Detail = $"{field}: {problem}",
        };
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = details,
            Exception = exception
        });
    }

    /// <summary><c>$.positions[1].value</c> → <c>positions[1].value</c>; the whole body when there is no path.</summary>
    public static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.",
            StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>ASP.NET names a bad parameter in quotes: <c>Failed to bind parameter "int interval" from "x".</c></summary>
    private static string ParameterOf(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start >= 0 ? message.IndexOf('"', start + 1) : -1;
        return end > start ? message[(start + 1)..end].Split(' ').Last() : "request";
    }
}
