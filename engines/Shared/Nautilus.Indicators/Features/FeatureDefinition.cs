using Nautilus.Model;

namespace Nautilus.Indicators.Features;

/// <summary>One parameter of a feature: its name, default and the smallest value it accepts.</summary>
public sealed record FeatureParameter(string Name, double Default, double Minimum, bool Integer = true);

/// <summary>
/// A feature of the catalog: what it computes, its parameters, the values it outputs (keys are the canonical spec,
/// plus a suffix for multi-line indicators such as <c>macd(12,26,9).signal</c>), and how to build it.
/// </summary>
public sealed record FeatureDefinition(
    string Name, string Description, IReadOnlyList<FeatureParameter> Parameters, IReadOnlyList<string> Outputs,
    Func<double[], IFeature> Create);

/// <summary>A built feature: updated bar by bar, it yields its values once ready.</summary>
public interface IFeature
{
    int WarmUpPeriod { get; }

    bool Update(Bar bar);

    /// <summary>Output suffix ("" for the main value) and value.</summary>
    IEnumerable<(string Output, double Value)> Values { get; }
}
