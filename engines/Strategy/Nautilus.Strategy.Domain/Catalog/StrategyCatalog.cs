using System.Globalization;
using Nautilus.Strategy.Domain.Builtins;

namespace Nautilus.Strategy.Domain.Catalog;

/// <summary>
/// A built-in strategy: its name, what it does, how many instruments it trades (0: one or more), its parameters, a
/// rule across parameters (fast below slow) and how to make one.
/// </summary>
public sealed record StrategyDefinition(
    string Name,
    string Description,
    int Instruments,
    IReadOnlyList<ParameterSpec> Parameters,
    Func<StrategyParameters, TradingStrategy> Create,
    Func<StrategyParameters, (string Field, string Problem)?>? Rule = null);

/// <summary>The built-in strategies by name, and the one place their parameters are checked.</summary>
public static class StrategyCatalog
{
    public static IReadOnlyList<StrategyDefinition> All { get; } =
        [SmaCrossStrategy.Definition, MeanReversionStrategy.Definition, PairsTradingStrategy.Definition];

    public static StrategyDefinition Get(string? name) =>
        All.FirstOrDefault(d => d.Name == name)
        ?? throw new StrategyConfigurationException("strategy",
            $"unknown strategy '{name}': one of {string.Join(", ", All.Select(d => d.Name))}");

    /// <summary>Checks <paramref name="given"/> against the definition; every parameter present, defaults filled in.</summary>
    public static StrategyParameters Resolve(StrategyDefinition definition, IReadOnlyDictionary<string, double>? given, int instruments)
    {
        if (definition.Instruments > 0 && instruments != definition.Instruments)
        {
            throw new StrategyConfigurationException("instruments",
                $"{definition.Name} trades exactly {definition.Instruments} instrument(s); {instruments} given");
        }

        if (instruments < 1)
        {
            throw new StrategyConfigurationException("instruments", $"{definition.Name} needs at least one instrument");
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (name, value) in given ?? new Dictionary<string, double>())
        {
            var spec = definition.Parameters.FirstOrDefault(p => p.Name == name)
                ?? throw new StrategyConfigurationException($"parameters.{name}",
                    $"unknown parameter of {definition.Name}; its parameters are "
                    + string.Join(", ", definition.Parameters.Select(p => p.Name)));
            if (!double.IsFinite(value) || value < spec.Min || value > spec.Max)
            {
                throw new StrategyConfigurationException($"parameters.{name}",
                    $"{value.ToString(CultureInfo.InvariantCulture)} is outside [{spec.Min.ToString(CultureInfo.InvariantCulture)}, "
                    + $"{spec.Max.ToString(CultureInfo.InvariantCulture)}]");
            }

            if (spec.Integer && value != Math.Floor(value))
            {
                throw new StrategyConfigurationException($"parameters.{name}",
                    $"{value.ToString(CultureInfo.InvariantCulture)} must be a whole number");
            }

            values[name] = value;
        }

        foreach (var spec in definition.Parameters)
        {
            values.TryAdd(spec.Name, spec.Default);
        }

        var parameters = new StrategyParameters(values);
        if (definition.Rule?.Invoke(parameters) is { } broken)
        {
            throw new StrategyConfigurationException(broken.Field, broken.Problem);
        }

        return parameters;
    }

    /// <summary>A checked strategy ready to attach.</summary>
    public static TradingStrategy Create(string name, IReadOnlyDictionary<string, double>? parameters, int instruments)
    {
        var definition = Get(name);
        return definition.Create(Resolve(definition, parameters, instruments));
    }
}
