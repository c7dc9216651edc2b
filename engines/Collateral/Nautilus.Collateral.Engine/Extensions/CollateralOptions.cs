using Nautilus.Collateral.Engine.Models;
using Nautilus.Platform;

namespace Nautilus.Collateral.Engine.Extensions;

/// <summary>How accounts are margined live and how far ahead their margin calls are forecast.</summary>
public sealed class CollateralOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Collateral";

    /// <summary>The margin model of every account: reg-t, portfolio or simm-equity-delta.</summary>
    public string Model { get; set; } = "reg-t";

    /// <summary>How often each account's utilisation and forecast are recomputed.</summary>
    public TimeSpan EvaluateEvery { get; set; } = TimeSpan.FromSeconds(5);

    public int HorizonMinutes { get; set; } = 60;

    /// <summary>The quantile of the adverse move the forecast assumes (0.99).</summary>
    public double Quantile { get; set; } = 0.99;

    /// <summary>An instrument's volatility until five one-minute returns of it are seen (annual; 0.3 = 30 %).</summary>
    public double FallbackAnnualVolatility { get; set; } = 0.3;

    /// <summary>The inventory types accounts' requirements accept in the live allocation (empty: every type).</summary>
    public List<string> EligibleTypes { get; set; } = [];

    public IEnumerable<string> Problems()
    {
        if (!MarginInputs.Models.ContainsKey(Model))
        {
            yield return $"{Section}:{nameof(Model)} must be one of {string.Join(", ", MarginInputs.Models.Keys)}, not '{Model}'.";
        }

        if (EvaluateEvery < TimeSpan.FromMilliseconds(100) || HorizonMinutes is < 1 or > 1_440)
        {
            yield return $"{Section}: EvaluateEvery is at least 100 ms and HorizonMinutes 1 to 1,440.";
        }

        if (Quantile is <= 0.5 or >= 1 || FallbackAnnualVolatility is <= 0 or > 10)
        {
            yield return $"{Section}: Quantile is above 0.5 and below 1; FallbackAnnualVolatility above 0 and at most 10.";
        }
    }
}
