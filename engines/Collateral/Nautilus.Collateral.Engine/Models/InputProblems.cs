namespace Nautilus.Collateral.Engine.Models;

/// <summary>The problems found in a request, each under the path of its field (<c>nettingSets[0].trades[1].rating</c>).</summary>
public sealed class InputProblems
{
    private readonly List<(string Field, string Problem)> _problems = [];

    public IReadOnlyList<(string Field, string Problem)> All => _problems;

    public bool Any => _problems.Count > 0;

    public void Add(string field, string problem) => _problems.Add((field, problem));

    /// <summary>The value when it is a finite number within the bounds; else the problem is noted and 0 returned.</summary>
    public double Number(double? value, string field, double min = double.NegativeInfinity, double max = double.PositiveInfinity,
        bool exclusiveMin = false, string? problem = null)
    {
        if (value is { } v && double.IsFinite(v) && (exclusiveMin ? v > min : v >= min) && v <= max)
        {
            return v;
        }

        Add(field, problem ?? (value is null ? "is required" : Bounds(min, max, exclusiveMin)));
        return 0;
    }

    private static string Bounds(double min, double max, bool exclusiveMin) =>
        (double.IsNegativeInfinity(min), double.IsPositiveInfinity(max)) switch
        {
            (true, true) => "is a finite number",
            (false, true) => exclusiveMin ? $"is above {min}" : $"is at least {min}",
            (true, false) => $"is at most {max}",
            _ => exclusiveMin ? $"is above {min} and at most {max}" : $"is between {min} and {max}",
        };
}
