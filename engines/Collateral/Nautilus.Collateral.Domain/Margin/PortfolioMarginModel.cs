namespace Nautilus.Collateral.Domain.Margin;

/// <summary>
/// Risk-based portfolio margin (the OCC TIMS / FINRA 4210(g) shape): every position on one underlying is revalued over a grid of
/// price moves (±<see cref="PriceRange"/> in <see cref="PriceSteps"/> equal steps each way, 0 included) and, for options, relative
/// volatility moves (σ × (1 − <see cref="VolatilityShock"/>), σ, σ × (1 + shock)); the requirement of the underlying is the worst
/// loss over the grid, at least <see cref="MinimumPerContract"/> per option contract. Underlyings add up: no offsets between them.
/// Initial and maintenance are the same. Options are priced by Black–Scholes, rate 0, and each scenario's P&amp;L is measured from
/// the unshocked theoretical value (so a quoted price away from the model adds nothing).
/// </summary>
public sealed class PortfolioMarginModel(double priceRange = 0.15, int priceSteps = 5, double volatilityShock = 0.25,
    double minimumPerContract = 37.5) : IMarginModel
{
    public double PriceRange => priceRange;

    public int PriceSteps => priceSteps;

    public double VolatilityShock => volatilityShock;

    public double MinimumPerContract => minimumPerContract;

    public string Name => "portfolio";

    public MarginRequirement Requirement(IReadOnlyList<MarginPosition> positions)
    {
        var byUnderlying = new Dictionary<string, List<MarginPosition>>(StringComparer.Ordinal);
        foreach (var p in positions)
        {
            if (!byUnderlying.TryGetValue(p.Underlying, out var group))
            {
                byUnderlying[p.Underlying] = group = [];
            }

            group.Add(p);
        }

        var split = new List<PositionMargin>(byUnderlying.Count);
        var total = 0.0;
        foreach (var (underlying, group) in byUnderlying)
        {
            var worst = WorstLoss(group);
            var contracts = group.Where(p => p.Option is not null).Sum(p => Math.Abs(p.Quantity));
            var requirement = Math.Max(worst, minimumPerContract * contracts);
            split.Add(new PositionMargin(underlying, requirement, requirement));
            total += requirement;
        }

        return new MarginRequirement(Name, total, total, split);
    }

    /// <summary>The largest loss of the group over the grid (0 when no scenario loses).</summary>
    public double WorstLoss(IReadOnlyList<MarginPosition> group)
    {
        // Each option's unshocked theoretical value once, not once per scenario.
        var now = new double[group.Count];
        var hasOptions = false;
        for (var i = 0; i < group.Count; i++)
        {
            if (group[i].Option is { } o)
            {
                now[i] = BlackScholes.Value(o.Right, group[i].UnderlyingPrice, o.Strike, o.ExpiryYears, o.Volatility);
                hasOptions = true;
            }
        }

        var worst = 0.0;
        for (var step = -priceSteps; step <= priceSteps; step++)
        {
            var move = priceRange * step / priceSteps;
            for (var v = hasOptions ? -1 : 0; v <= (hasOptions ? 1 : 0); v++)
            {
                var pnl = 0.0;
                for (var i = 0; i < group.Count; i++)
                {
                    var p = group[i];
                    pnl += p.Option is { } option
                        ? p.Quantity * option.Multiplier * (BlackScholes.Value(option.Right, p.UnderlyingPrice * (1 + move), option.Strike,
                            option.ExpiryYears, option.Volatility * (1 + v * volatilityShock)) - now[i])
                        : p.Quantity * p.Price * move;
                }

                worst = Math.Max(worst, -pnl);
            }
        }

        return worst;
    }
}
