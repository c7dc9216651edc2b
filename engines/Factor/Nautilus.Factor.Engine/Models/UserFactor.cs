using Nautilus.Factor.Domain;
using Nautilus.Indicators.Features;

namespace Nautilus.Factor.Engine.Models;

/// <summary>
/// A user-defined style factor: one value of a Features engine feature, named as the Features engine keys it (its spec with
/// defaults filled in, <c>rsi(14)</c>, and the output for features with several, <c>bb(20,2).width</c>). The style is called
/// <c>feature:</c> and that key.
/// </summary>
public sealed record UserFactor(string Style, string Spec, string ValueKey)
{
    public const string Prefix = "feature:";

    /// <summary>Reads the factors asked for; a spec the catalog does not know, or an output it does not have, names the entry.</summary>
    public static IReadOnlyList<UserFactor> Parse(IReadOnlyList<string>? texts)
    {
        var factors = new List<UserFactor>();
        for (var i = 0; i < (texts?.Count ?? 0); i++)
        {
            var factor = ParseOne(texts![i], $"userFactors[{i}]");
            if (factors.Any(f => f.ValueKey == factor.ValueKey))
            {
                throw new FactorInputException($"userFactors[{i}]", $"'{factor.ValueKey}' is asked for twice");
            }

            factors.Add(factor);
        }

        return factors;
    }

    private static UserFactor ParseOne(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FactorInputException(field, "a feature such as rsi(14) or bb(20,2).width");
        }

        // The output follows the last '.' outside the parentheses (arguments may be decimals: bb(20,2.5).upper).
        var close = text.LastIndexOf(')');
        var dot = text.IndexOf('.', close + 1);
        var (specText, output) = dot < 0 ? (text.Trim(), "") : (text[..dot].Trim(), text[(dot + 1)..].Trim());
        FeatureDefinition definition;
        string key;
        try
        {
            (definition, _, key) = FeatureCatalog.Resolve(FeatureSpec.Parse(specText));
        }
        catch (FormatException ex)
        {
            throw new FactorInputException(field, ex.Message);
        }

        if (!definition.Outputs.Contains(output))
        {
            var outputs = definition.Outputs.Select(o => o.Length == 0 ? key : $"{key}.{o}");
            throw new FactorInputException(field, $"{key} has no output '{output}'; it has {string.Join(", ", outputs)}");
        }

        var valueKey = output.Length == 0 ? key : $"{key}.{output}";
        return new UserFactor(Prefix + valueKey, key, valueKey);
    }
}
