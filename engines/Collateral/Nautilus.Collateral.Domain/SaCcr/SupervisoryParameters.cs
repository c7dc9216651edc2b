namespace Nautilus.Collateral.Domain.SaCcr;

/// <summary>
/// BCBS 279 (March 2014, "The standardised approach for measuring counterparty credit risk exposures"), Table 2: supervisory factors,
/// correlations and option volatilities by asset class and subclass; α = 1.4 (¶128).
/// </summary>
public static class SupervisoryParameters
{
    public const double Alpha = 1.4;

    public const double InterestRateFactor = 0.005;
    public const double FxFactor = 0.04;

    public const double InterestRateVolatility = 0.50;
    public const double FxVolatility = 0.15;

    /// <summary>Single-name credit by rating; indices by IG or SG.</summary>
    public static readonly IReadOnlyDictionary<string, double> CreditSingleName =
        new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
        {
            ["AAA"] = 0.0038,
            ["AA"] = 0.0038,
            ["A"] = 0.0042,
            ["BBB"] = 0.0054,
            ["BB"] = 0.0106,
            ["B"] = 0.016,
            ["CCC"] = 0.06,
        };

    public static readonly IReadOnlyDictionary<string, double> CreditIndex =
        new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase)
        {
            ["IG"] = 0.0038,
            ["SG"] = 0.0106,
        };

    public const double CreditSingleNameCorrelation = 0.5;
    public const double CreditIndexCorrelation = 0.8;
    public const double CreditSingleNameVolatility = 1.0;
    public const double CreditIndexVolatility = 0.8;

    public const double EquitySingleNameFactor = 0.32;
    public const double EquityIndexFactor = 0.20;
    public const double EquitySingleNameCorrelation = 0.5;
    public const double EquityIndexCorrelation = 0.8;
    public const double EquitySingleNameVolatility = 1.2;
    public const double EquityIndexVolatility = 0.75;

    /// <summary>Commodity groups (hedging sets) of Table 2.</summary>
    public static readonly IReadOnlySet<string> CommodityGroups = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "energy", "metals", "agricultural", "other",
    };

    /// <summary>Electricity 40 %, every other commodity type 18 %; correlation 40 %; σ 150 % for electricity, 70 % otherwise.</summary>
    public const double ElectricityFactor = 0.40;
    public const double CommodityFactor = 0.18;
    public const double CommodityCorrelation = 0.4;
    public const double ElectricityVolatility = 1.5;
    public const double CommodityVolatility = 0.7;

    public static bool IsElectricity(string? reference) => string.Equals(reference, "electricity", StringComparison.OrdinalIgnoreCase);
}
