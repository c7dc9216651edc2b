using System.Globalization;
using System.Text.RegularExpressions;

namespace Nautilus.Indicators.Features;

/// <summary>
/// A feature as users write it: a catalog name with optional parameters, <c>rsi</c>, <c>sma(50)</c>,
/// <c>bb(20,2.5)</c>. Missing parameters take the catalog's defaults.
/// </summary>
public sealed partial record FeatureSpec(string Name, IReadOnlyList<double> Arguments)
{
    [GeneratedRegex(@"^\s*(?<name>[a-z_]+)\s*(\(\s*(?<args>[^)]*)\))?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>Parses a spec; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static FeatureSpec Parse(string text)
    {
        var match = Pattern().Match(text ?? "");
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a feature: write a name with optional parameters, e.g. sma(50).");
        }

        var args = new List<double>();
        if (match.Groups["args"].Success && match.Groups["args"].Value.Trim().Length > 0)
        {
            foreach (var part in match.Groups["args"].Value.Split(','))
            {
                if (!double.TryParse(part.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
                {
                    throw new FormatException($"'{part.Trim()}' in '{text}' is not a number.");
                }

                args.Add(value);
            }
        }

        return new FeatureSpec(match.Groups["name"].Value.ToLowerInvariant(), args);
    }
}
