namespace Nautilus.MarketData.Domain.Simulation;

/// <summary>
/// The simulated market. Returns follow a factor model — market, sector and own shocks with loadings
/// <see cref="MarketLoading"/>, <see cref="SectorLoading"/> and the rest idiosyncratic, so two stocks of a sector
/// correlate at about MarketLoading² + SectorLoading², of different sectors at MarketLoading² — scaled by a
/// stochastic volatility (log-volatility mean-reverting, spread <see cref="LogVolatilityStdDev"/>), plus Poisson
/// jumps. Order flow (limit adds, cancels, market orders) drives a 10-level book; informed-trading episodes push
/// one-sided flow and a drift, which is what VPIN and risk should detect. Activity follows an intraday U-shape.
/// </summary>
public sealed record SimulatorOptions
{
    public ulong Seed { get; init; } = 42;

    /// <summary>Events per second over all instruments, on average over a session.</summary>
    public double EventsPerSecond { get; init; } = 2_000;

    public double TradeFraction { get; init; } = 0.25;
    public double CancelFraction { get; init; } = 0.30;

    public double MarketLoading { get; init; } = 0.5;
    public double SectorLoading { get; init; } = 0.5;

    /// <summary>Standard deviation of log-volatility around its mean (0.35: volatility mostly within ×0.5 … ×2).</summary>
    public double LogVolatilityStdDev { get; init; } = 0.35;

    /// <summary>Half-life of a volatility shock, seconds.</summary>
    public double VolatilityHalfLifeSeconds { get; init; } = 3_600;

    public double JumpsPerDay { get; init; } = 0.5;
    public double JumpStdDev { get; init; } = 0.015;

    public double InformedEpisodesPerDay { get; init; } = 3;
    public double InformedEpisodeSeconds { get; init; } = 900;

    /// <summary>How far the buy probability of market orders moves toward the informed side (0.5 + bias).</summary>
    public double InformedBias { get; init; } = 0.3;

    /// <summary>Log-price drift over a whole informed episode.</summary>
    public double InformedMove { get; init; } = 0.015;

    /// <summary>
    /// Permanent impact: log-price move per lot traded (Kyle's lambda). 0 by default: flow then moves the book only
    /// transiently and the scripted processes (diffusion, informed drift, scenarios) set where prices go — with
    /// impact on, the size of a move depends on the event rate chosen.
    /// </summary>
    public double ImpactPerLot { get; init; }

    /// <summary>Mean market-order size in lots (log-normal).</summary>
    public double MeanOrderLots { get; init; } = 100;

    /// <summary>Mean resting size of a level in lots.</summary>
    public double MeanLevelLots { get; init; } = 500;

    /// <summary>Length of a trading session, seconds (6.5 h); activity is U-shaped over it and days have this length.</summary>
    public double SessionSeconds { get; init; } = 23_400;

    /// <summary>Time of the first event, Unix nanoseconds.</summary>
    public long StartNs { get; init; } = 1_767_000_000_000_000_000;

    public IReadOnlyList<(string Field, string Problem)> Validate()
    {
        var problems = new List<(string, string)>();
        if (EventsPerSecond is <= 0 or > 10_000_000 || double.IsNaN(EventsPerSecond))
        {
            problems.Add((nameof(EventsPerSecond), "between 0 (exclusive) and 10,000,000"));
        }

        if (TradeFraction < 0 || CancelFraction < 0 || TradeFraction + CancelFraction >= 1)
        {
            problems.Add((nameof(TradeFraction), "trade and cancel fractions are non-negative and sum below 1"));
        }

        if (MarketLoading < 0 || SectorLoading < 0 || MarketLoading * MarketLoading + SectorLoading * SectorLoading > 1)
        {
            problems.Add((nameof(MarketLoading), "loadings are non-negative with MarketLoading² + SectorLoading² ≤ 1"));
        }

        if (InformedBias is < 0 or >= 0.5)
        {
            problems.Add((nameof(InformedBias), "between 0 and 0.5"));
        }

        return problems;
    }
}
