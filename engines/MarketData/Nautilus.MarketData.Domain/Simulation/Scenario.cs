namespace Nautilus.MarketData.Domain.Simulation;

public enum ScenarioKind : byte { FlashCrash = 1, VolatilitySpike = 2, LiquidityDrain = 3, GapOpen = 4 }

/// <summary>
/// A market event forced onto one instrument.
/// <list type="bullet">
/// <item>FlashCrash: the price falls by <see cref="Magnitude"/> (e.g. −0.09) over <see cref="DurationSeconds"/> with
/// one-sided selling, thin books and triple volatility, then recovers over <see cref="RecoverySeconds"/>.</item>
/// <item>VolatilitySpike: volatility × <see cref="Magnitude"/> for the duration.</item>
/// <item>LiquidityDrain: resting sizes × <see cref="Magnitude"/> (e.g. 0.1) for the duration, so spreads widen.</item>
/// <item>GapOpen: the price jumps by <see cref="Magnitude"/> at once.</item>
/// </list>
/// </summary>
public sealed record Scenario(ScenarioKind Kind, double Magnitude, double DurationSeconds = 300, double RecoverySeconds = 600)
{
    public static Scenario FlashCrash(double fall = -0.09, double seconds = 300, double recovery = 600) =>
        new(ScenarioKind.FlashCrash, fall, seconds, recovery);

    public IReadOnlyList<(string Field, string Problem)> Validate()
    {
        var problems = new List<(string, string)>();
        if (!Enum.IsDefined(Kind))
        {
            problems.Add((nameof(Kind), $"one of {string.Join(", ", Enum.GetNames<ScenarioKind>())}"));
        }

        var magnitudeOk = Kind switch
        {
            ScenarioKind.FlashCrash => Magnitude is > -0.9 and < 0,
            ScenarioKind.VolatilitySpike => Magnitude is > 1 and <= 50,
            ScenarioKind.LiquidityDrain => Magnitude is > 0 and < 1,
            ScenarioKind.GapOpen => Magnitude is > -0.9 and < 10 and not 0,
            _ => true,
        };
        if (!magnitudeOk)
        {
            problems.Add((nameof(Magnitude), Kind switch
            {
                ScenarioKind.FlashCrash => "a fall between -0.9 and 0 (e.g. -0.09)",
                ScenarioKind.VolatilitySpike => "a multiplier above 1 and at most 50",
                ScenarioKind.LiquidityDrain => "a size factor between 0 and 1 (e.g. 0.1)",
                _ => "a non-zero move above -0.9",
            }));
        }

        if (DurationSeconds is <= 0 or > 86_400 || double.IsNaN(DurationSeconds))
        {
            problems.Add((nameof(DurationSeconds), "between 0 and 86,400 seconds"));
        }

        if (RecoverySeconds is < 0 or > 86_400 || double.IsNaN(RecoverySeconds))
        {
            problems.Add((nameof(RecoverySeconds), "between 0 and 86,400 seconds"));
        }

        return problems;
    }
}
