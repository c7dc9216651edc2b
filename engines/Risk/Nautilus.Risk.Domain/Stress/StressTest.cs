using Nautilus.Risk.Domain.Var;

namespace Nautilus.Risk.Domain.Stress;

/// <summary>A position to stress: its value in money, its sector, and its betas to named factors.</summary>
public sealed record StressPosition(string Instrument, double Value, string? Sector = null, IReadOnlyDictionary<string,
    double>? Betas = null);

/// <summary>
/// Hypothetical shocks as returns: per instrument, per sector, per factor. A position takes its instrument's shock if
/// there is one, else its sector's, else the sum of its betas times the factor shocks (zero without any).
/// </summary>
public sealed record HypotheticalShock(
    string Name,
    IReadOnlyDictionary<string, double>? Instruments = null,
    IReadOnlyDictionary<string, double>? Sectors = null,
    IReadOnlyDictionary<string, double>? Factors = null);

public sealed record PositionImpact(string Instrument, double Value, double Shock, double Pnl, string Source);

public sealed record StressResult(string Scenario, double Pnl, double PnlPercent, IReadOnlyList<PositionImpact> Positions);

/// <summary>Stress tests: hypothetical shocks, and historical scenarios taken from a history of returns.</summary>
public static class StressTest
{
    public static StressResult Apply(IReadOnlyList<StressPosition> positions, HypotheticalShock shock)
    {
        CheckPositions(positions);
        var impacts = new List<PositionImpact>(positions.Count);
        foreach (var position in positions)
        {
            var (value, source) = ShockOf(position, shock);
            if (!double.IsFinite(value) || value < -1)
            {
                throw new RiskInputException("shocks",
                    $"the shock of {position.Instrument} is {value}: a return must be finite and ≥ −1 (−100 %)");
            }

            impacts.Add(new PositionImpact(position.Instrument, position.Value, value, position.Value * value, source));
        }

        return Result(shock.Name, positions, impacts);
    }

    /// <summary>
    /// The <paramref name="worst"/> days of a history of returns (rows are days, columns follow <paramref name="instruments"/>)
    /// for today's positions, worst first: what each of those days would do to the portfolio now.
    /// </summary>
    public static IReadOnlyList<StressResult> WorstHistoricalDays(IReadOnlyList<StressPosition> positions,
        IReadOnlyList<string> instruments,
        double[][] returns, IReadOnlyList<string>? dates, int worst)
    {
        CheckPositions(positions);
        if (worst < 1)
        {
            throw new RiskInputException("worst", $"must be at least 1, not {worst}");
        }

        if (dates is not null && dates.Count != returns.Length)
        {
            throw new RiskInputException("dates", $"{dates.Count} dates for {returns.Length} rows of returns");
        }

        var column = instruments.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var missing = positions.FirstOrDefault(p => !column.ContainsKey(p.Instrument));
        if (missing is not null)
        {
            throw new RiskInputException("returns", $"no returns for {missing.Instrument}");
        }

        var days = new List<(int Day, double Pnl)>(returns.Length);
        for (var t = 0; t < returns.Length; t++)
        {
            if (returns[t].Length != instruments.Count)
            {
                throw new RiskInputException("returns",
                    $"row {t} has {returns[t].Length} returns where there are {instruments.Count} instruments");
            }

            var pnl = 0.0;
            foreach (var position in positions)
            {
                var r = returns[t][column[position.Instrument]];
                if (!double.IsFinite(r))
                {
                    throw new RiskInputException("returns", $"row {t} has {r} for {position.Instrument}: every return must be finite");
                }

                pnl += position.Value * r;
            }

            days.Add((t, pnl));
        }

        return days.OrderBy(d => d.Pnl).Take(worst).Select(d =>
        {
            var name = dates?[d.Day] ?? $"day {d.Day}";
            var impacts = positions.Select(p =>
            {
                var r = returns[d.Day][column[p.Instrument]];
                return new PositionImpact(p.Instrument, p.Value, r, p.Value * r, "history");
            }).ToList();
            return Result(name, positions, impacts);
        }).ToArray();
    }

    private static (double Shock, string Source) ShockOf(StressPosition position, HypotheticalShock shock)
    {
        if (shock.Instruments?.TryGetValue(position.Instrument, out var own) == true)
        {
            return (own, "instrument");
        }

        if (position.Sector is not null && shock.Sectors?.TryGetValue(position.Sector, out var sector) == true)
        {
            return (sector, "sector");
        }

        if (position.Betas is { Count: > 0 } betas && shock.Factors is { Count: > 0 } factors)
        {
            var sum = 0.0;
            foreach (var (factor, beta) in betas)
            {
                sum += beta * factors.GetValueOrDefault(factor);
            }

            return (sum, "factors");
        }

        return (0, "none");
    }

    private static StressResult Result(string name, IReadOnlyList<StressPosition> positions, List<PositionImpact> impacts)
    {
        var total = impacts.Sum(i => i.Pnl);
        var gross = positions.Sum(p => Math.Abs(p.Value));
        return new StressResult(name, total, gross > 0 ? total / gross : 0, impacts);
    }

    private static void CheckPositions(IReadOnlyList<StressPosition> positions)
    {
        if (positions.Count == 0)
        {
            throw new RiskInputException("positions", "at least one position is needed");
        }

        for (var i = 0; i < positions.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(positions[i].Instrument) || !double.IsFinite(positions[i].Value))
            {
                throw new RiskInputException($"positions[{i}]", "each position needs an instrument and a finite value");
            }
        }
    }
}
