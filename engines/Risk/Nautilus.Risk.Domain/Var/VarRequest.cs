namespace Nautilus.Risk.Domain.Var;

public enum VarMethod { Historical, Parametric, CornishFisher, MonteCarlo }

/// <summary>How a one-period figure becomes a horizon figure.</summary>
public enum HorizonScaling
{
    /// <summary>σ grows with √h and the mean with h (i.i.d. returns); historical and simulated losses scale by √h.</summary>
    SquareRootOfTime,

    /// <summary>The scenarios already are horizon outcomes: nothing is scaled.</summary>
    None,
}

/// <summary>
/// What a VaR figure is asked for: confidence c in (0, 1), horizon in periods of the scenarios (days for daily P&amp;L),
/// and for Monte Carlo the number of paths, the seed and whether paths come in antithetic pairs.
/// </summary>
public sealed record VarSettings(
    double Confidence,
    int HorizonDays = 1,
    HorizonScaling Scaling = HorizonScaling.SquareRootOfTime,
    int Paths = 100_000,
    ulong Seed = 1,
    bool Antithetic = false)
{
    public const int MaxPaths = 10_000_000;

    /// <summary>The problems of these settings as (field, problem), empty when usable.</summary>
    public IEnumerable<(string Field, string Problem)> Problems()
    {
        if (!(Confidence > 0 && Confidence < 1))
        {
            yield return ("confidence", $"must be strictly between 0 and 1 (e.g. 0.99), not {Confidence}");
        }

        if (HorizonDays < 1)
        {
            yield return ("horizonDays", $"must be a whole number of periods ≥ 1, not {HorizonDays}");
        }

        if (Paths is < 100 or > MaxPaths)
        {
            yield return ("paths", $"must be from 100 to {MaxPaths:N0}, not {Paths}");
        }
    }

    /// <summary>The factor a one-period loss is multiplied by: √h, or 1 without scaling.</summary>
    public double VolatilityScale => Scaling == HorizonScaling.SquareRootOfTime ? Math.Sqrt(HorizonDays) : 1;

    /// <summary>The factor a one-period mean is multiplied by: h, or 1 without scaling.</summary>
    public double MeanScale => Scaling == HorizonScaling.SquareRootOfTime ? HorizonDays : 1;
}

/// <summary>
/// VaR and ES as positive losses (a gain at the quantile gives a negative VaR), with each asset's Euler component
/// (components sum to <see cref="Var"/>) and marginal VaR (∂VaR/∂position: component / position) when assets were given.
/// </summary>
public sealed record VarResult(
    double Var,
    double Es,
    VarMethod Method,
    double Confidence,
    int HorizonDays,
    IReadOnlyList<double>? Components,
    IReadOnlyList<double>? Marginal,
    IReadOnlyList<string> Notes);

/// <summary>An input a VaR cannot be computed from, naming the request field at fault.</summary>
public sealed class RiskInputException(string field, string problem) : ArgumentException($"{field}: {problem}", field)
{
    public string Field { get; } = field;

    public string Problem { get; } = problem;
}
