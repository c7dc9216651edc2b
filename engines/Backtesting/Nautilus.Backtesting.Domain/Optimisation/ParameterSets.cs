using System.Globalization;

namespace Nautilus.Backtesting.Domain.Optimisation;

/// <summary>The parameter combinations of a sweep: a full grid, or seeded random draws from ranges.</summary>
public static class ParameterSets
{
    /// <summary>How many combinations a grid has (without building them): the product of its value counts.</summary>
    public static long CountOf(IReadOnlyDictionary<string, double[]> grid) =>
        grid.Count == 0 ? 0 : grid.Values.Aggregate(1L, (n, values) => values.Length == 0 ? 0 : SaturatingMultiply(n, values.Length));

    /// <summary>Every combination, the first parameter (by name) varying slowest; <paramref name="max"/> guards the size.</summary>
    public static IReadOnlyList<Dictionary<string, double>> Grid(IReadOnlyDictionary<string, double[]> grid, long max)
    {
        var count = CountOf(grid);
        if (count == 0)
        {
            throw new BacktestInputException("grid", "give at least one parameter with at least one value");
        }

        if (count > max)
        {
            var (n, limit) = (count.ToString("N0", CultureInfo.InvariantCulture), max.ToString("N0", CultureInfo.InvariantCulture));
            throw new BacktestInputException("grid", $"{n} combinations; at most {limit}");
        }

        var names = grid.Keys.Order(StringComparer.Ordinal).ToArray();
        var sets = new List<Dictionary<string, double>>((int)count);
        var index = new int[names.Length];
        for (var n = 0; n < count; n++)
        {
            var set = new Dictionary<string, double>(names.Length, StringComparer.Ordinal);
            for (var k = 0; k < names.Length; k++)
            {
                set[names[k]] = grid[names[k]][index[k]];
            }

            sets.Add(set);
            for (var k = names.Length - 1; k >= 0; k--)
            {
                if (++index[k] < grid[names[k]].Length)
                {
                    break;
                }

                index[k] = 0;
            }
        }

        return sets;
    }

    /// <summary><paramref name="samples"/> draws from the ranges with a seeded generator: the same seed, the same sets.</summary>
    public static IReadOnlyList<Dictionary<string, double>> Random(IReadOnlyDictionary<string, (double Min, double Max,
        bool Integer)> ranges,
        int samples, int seed, long max)
    {
        if (ranges.Count == 0)
        {
            throw new BacktestInputException("ranges", "give at least one parameter range");
        }

        if (samples < 1 || samples > max)
        {
            throw new BacktestInputException("samples",
                $"{samples} draws; between 1 and {max.ToString("N0", CultureInfo.InvariantCulture)}");
        }

        foreach (var (name, (min, maxValue, _)) in ranges)
        {
            if (!double.IsFinite(min) || !double.IsFinite(maxValue) || min > maxValue)
            {
                throw new BacktestInputException($"ranges.{name}", $"[{min}, {maxValue}] is not a range");
            }
        }

        var random = new Random(seed);
        var names = ranges.Keys.Order(StringComparer.Ordinal).ToArray();
        return [.. Enumerable.Range(0, samples).Select(_ => names.ToDictionary(n => n, n =>
        {
            var (min, maxValue, integer) = ranges[n];
            return integer
                ? Math.Floor(min + random.NextDouble() * (Math.Floor(maxValue) - Math.Ceiling(min) + 1))
                    : min + random.NextDouble() * (maxValue - min);
        }, StringComparer.Ordinal))];
    }

    private static long SaturatingMultiply(long a, long b) => a > long.MaxValue / b ? long.MaxValue : a * b;
}
