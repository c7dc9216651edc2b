using System.Globalization;

namespace Nautilus.Strategy.Domain.Catalog;

/// <summary>A parameter of a built-in strategy: its default, bounds, whether it is a whole number, and what it does.</summary>
public sealed record ParameterSpec(string Name, double Default, double Min, double Max, bool Integer, string Description);

/// <summary>A strategy's parameters after <see cref="StrategyCatalog.Resolve"/>: every one present, checked, defaults filled in.</summary>
public sealed class StrategyParameters(IReadOnlyDictionary<string, double> values)
{
    public IReadOnlyDictionary<string, double> Values { get; } = values;

    public double this[string name] => Values.TryGetValue(name, out var value) ? value
        : throw new KeyNotFoundException($"no parameter '{name}'");

    public int Int(string name) => (int)this[name];

    public override string ToString() =>
        string.Join(", ", Values.OrderBy(v => v.Key,
            StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value.ToString(CultureInfo.InvariantCulture)}"));
}

/// <summary>A strategy name, parameter or instrument list the catalog refuses: the field (<c>parameters.fast</c>) and why.</summary>
public sealed class StrategyConfigurationException(string field, string problem) : ArgumentException($"{field}: {problem}", field)
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
