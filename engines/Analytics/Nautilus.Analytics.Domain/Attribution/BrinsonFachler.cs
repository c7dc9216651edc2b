using Nautilus.Analytics.Domain.Performance;

namespace Nautilus.Analytics.Domain.Attribution;

/// <summary>A segment (sector, asset class) of the portfolio and the benchmark over one period: weights and returns.</summary>
public sealed record AttributionSegment(string Name, double PortfolioWeight, double BenchmarkWeight, double PortfolioReturn,
    double BenchmarkReturn);

public sealed record SegmentEffects(string Name, double Allocation, double Selection, double Interaction, double Total);

/// <summary>The active return Rp − Rb split into allocation, selection and interaction, per segment and in total.</summary>
public sealed record AttributionResult(
    double PortfolioReturn, double BenchmarkReturn, double ActiveReturn,
    double Allocation, double Selection, double Interaction, IReadOnlyList<SegmentEffects> Segments);

/// <summary>
/// Brinson-Fachler (1985) single-period attribution: allocation (w_p − w_b)(r_b − R_b), selection w_b(r_p − r_b),
/// interaction (w_p − w_b)(r_p − r_b), with R_b = Σ w_b·r_b; the three effects sum to R_p − R_b exactly.
/// </summary>
public static class BrinsonFachler
{
    public const double WeightTolerance = 1e-6;

    public static AttributionResult Attribute(IReadOnlyList<AttributionSegment> segments)
    {
        if (segments.Count == 0)
        {
            throw new PerformanceInputException("segments", "at least one segment is needed");
        }

        for (var i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            if (!double.IsFinite(s.PortfolioWeight) || !double.IsFinite(s.BenchmarkWeight) || !double.IsFinite(s.PortfolioReturn) ||
                !double.IsFinite(s.BenchmarkReturn))
            {
                throw new PerformanceInputException($"segments[{i}]", "weights and returns must be finite numbers");
            }
        }

        foreach (var (field, total) in new[] { ("portfolioWeight", segments.Sum(s => s.PortfolioWeight)), ("benchmarkWeight",
            segments.Sum(s => s.BenchmarkWeight)) })
        {
            if (Math.Abs(total - 1) > WeightTolerance)
            {
                throw new PerformanceInputException($"segments.{field}", $"the weights sum to {total}, not 1");
            }
        }

        var rp = segments.Sum(s => s.PortfolioWeight * s.PortfolioReturn);
        var rb = segments.Sum(s => s.BenchmarkWeight * s.BenchmarkReturn);
        var effects = segments.Select(s =>
        {
            var allocation = (s.PortfolioWeight - s.BenchmarkWeight) * (s.BenchmarkReturn - rb);
            var selection = s.BenchmarkWeight * (s.PortfolioReturn - s.BenchmarkReturn);
            var interaction = (s.PortfolioWeight - s.BenchmarkWeight) * (s.PortfolioReturn - s.BenchmarkReturn);
            return new SegmentEffects(s.Name, allocation, selection, interaction, allocation + selection + interaction);
        }).ToArray();
        return new AttributionResult(rp, rb, rp - rb, effects.Sum(e => e.Allocation), effects.Sum(e => e.Selection),
            effects.Sum(e => e.Interaction), effects);
    }
}
