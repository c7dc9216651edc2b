using Nautilus.Model;

namespace Nautilus.Indicators.Features;

/// <summary>
/// Features of one series of bars, updated bar by bar. The same class serves the engine's streaming updates and its
/// computation over history, so a feature has one implementation and one set of numbers.
/// </summary>
public sealed class FeatureSet
{
    private readonly (string Key, IFeature Feature)[] _features;

    /// <summary>Builds the set; a bad spec throws <see cref="FormatException"/> naming it.</summary>
    public FeatureSet(IEnumerable<string> specs)
    {
        var features = new List<(string, IFeature)>();
        foreach (var text in specs)
        {
            var (definition, args, key) = FeatureCatalog.Resolve(FeatureSpec.Parse(text));
            if (features.All(f => f.Item1 != key))
            {
                features.Add((key, definition.Create(args)));
            }
        }

        if (features.Count == 0)
        {
            throw new FormatException("Ask for at least one feature.");
        }

        _features = [.. features];
    }

    public IReadOnlyList<string> Keys => _features.Select(f => f.Key).ToArray();

    /// <summary>Bars until every feature is ready.</summary>
    public int WarmUpPeriod => _features.Max(f => f.Feature.WarmUpPeriod);

    /// <summary>Feeds one bar; returns the values of the features that are ready (key, or key.output).</summary>
    public Dictionary<string, double> Update(Bar bar)
    {
        var values = new Dictionary<string, double>();
        foreach (var (key, feature) in _features)
        {
            if (!feature.Update(bar))
            {
                continue;
            }

            foreach (var (output, value) in feature.Values)
            {
                if (double.IsFinite(value))
                {
                    values[output.Length == 0 ? key : $"{key}.{output}"] = value;
                }
            }
        }

        return values;
    }
}
