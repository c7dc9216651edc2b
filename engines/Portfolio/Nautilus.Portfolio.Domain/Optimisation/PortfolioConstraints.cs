namespace Nautilus.Portfolio.Domain.Optimisation;

/// <summary>A cap (and optional floor) on the total weight of the assets of one sector.</summary>
public sealed record SectorLimit(string Sector, double? Min, double? Max);

/// <summary>
/// What a portfolio may be: per-asset weight bounds (±∞ for none), fully invested (weights sum to one) or market-neutral
/// (they sum to zero), sector floors and caps, and a turnover limit (Σ|w − current| ≤ max) from current weights.
/// </summary>
public sealed record PortfolioConstraints(
    double[] LowerBounds,
    double[] UpperBounds,
    bool MarketNeutral = false,
    string[]? AssetSectors = null,
    IReadOnlyList<SectorLimit>? SectorLimits = null,
    double[]? CurrentWeights = null,
    double? MaxTurnover = null)
{
    public int Assets => LowerBounds.Length;

    public static PortfolioConstraints LongOnly(int assets) => Uniform(assets, 0, 1);

    public static PortfolioConstraints Uniform(int assets, double lower, double upper, bool marketNeutral = false) =>
        new(Enumerable.Repeat(lower, assets).ToArray(), Enumerable.Repeat(upper, assets).ToArray(), marketNeutral);

    public bool HasTurnover => MaxTurnover is not null;

    /// <summary>Refuses bounds and limits no portfolio can meet, naming the field.</summary>
    public void Validate()
    {
        var n = Assets;
        if (UpperBounds.Length != n)
        {
            throw new PortfolioInputException("bounds", $"{n} lower bounds but {UpperBounds.Length} upper bounds");
        }

        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(LowerBounds[i]) || double.IsNaN(UpperBounds[i]) || LowerBounds[i] > UpperBounds[i])
            {
                throw new PortfolioInputException($"bounds[{i}]", $"lower {LowerBounds[i]} is above upper {UpperBounds[i]}");
            }
        }

        var target = MarketNeutral ? 0.0 : 1.0;
        var (lowSum, highSum) = (LowerBounds.Sum(), UpperBounds.Sum());
        if (lowSum > target + 1e-12 || highSum < target - 1e-12)
        {
            throw new PortfolioInputException("bounds",
                $"weights between their bounds sum to between {lowSum:G6} and {highSum:G6}, never to {target}" +
                (MarketNeutral ? " (market-neutral)" : ""));
        }

        if (SectorLimits is { Count: > 0 })
        {
            if (AssetSectors is null || AssetSectors.Length != n)
            {
                throw new PortfolioInputException("sectors", $"sector limits need a sector for each of the {n} assets");
            }

            foreach (var limit in SectorLimits)
            {
                if (!AssetSectors.Contains(limit.Sector))
                {
                    throw new PortfolioInputException("sectorLimits", $"no asset is in sector '{limit.Sector}'");
                }

                if (limit.Min > limit.Max)
                {
                    throw new PortfolioInputException("sectorLimits",
                        $"sector '{limit.Sector}': minimum {limit.Min} is above maximum {limit.Max}");
                }
            }
        }

        if (MaxTurnover is { } turnover)
        {
            if (CurrentWeights is null || CurrentWeights.Length != n)
            {
                throw new PortfolioInputException("currentWeights", $"a turnover limit needs the {n} current weights");
            }

            if (!(turnover >= 0))
            {
                throw new PortfolioInputException("maxTurnover", "must be zero or more");
            }
        }
    }
}
