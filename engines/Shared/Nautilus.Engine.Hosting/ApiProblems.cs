using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Nautilus.Engine.Hosting;

/// <summary>RFC 7807 answers that name the field at fault, the same way in every engine.</summary>
public static class ApiProblems
{
    /// <summary>400 with <c>errors: { field: [problem] }</c>.</summary>
    public static ValidationProblem Field(string field, string problem) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [problem] },
            title: $"Invalid {field}", detail: $"{field}: {problem}");

    public static ValidationProblem Fields(IEnumerable<(string Field, string Problem)> problems) =>
        TypedResults.ValidationProblem(problems.GroupBy(p => Camel(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Problem).ToArray()),
            title: "Invalid request");

    /// <summary>404 naming what was looked up and under which field.</summary>
    public static ProblemHttpResult NotFound(string field, string value, string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown {what}",
            detail: $"No {what} '{value}'.", extensions: new Dictionary<string, object?> { ["field"] = field, ["value"] = value });

    /// <summary>409 for a resource that already exists.</summary>
    public static ProblemHttpResult Conflict(string field, string value, string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"{what} exists",
            detail: $"A {what} '{value}' already exists.", extensions: new Dictionary<string, object?> { ["field"] = field, ["value"] = value });

    /// <summary>409 for an action the resource's state forbids (cancelling a filled order, the results of an unfinished run).</summary>
    public static ProblemHttpResult InvalidState(string field, string value, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in this state", detail: detail,
            extensions: new Dictionary<string, object?> { ["field"] = field, ["value"] = value });

    /// <summary>503 when another engine or server this answer needs cannot be reached; the caller may retry.</summary>
    public static ProblemHttpResult Unavailable(string dependency, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: $"{dependency} unavailable", detail: detail,
            extensions: new Dictionary<string, object?> { ["dependency"] = dependency });

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
