using Nautilus.Platform;

namespace Nautilus.Risk.Engine.Extensions;

/// <summary>Settings of the Risk engine's scheduled portfolio VaR (section <c>Nautilus:Risk</c>).</summary>
public sealed class RiskOptions : IValidatedOptions
{
    public const string Section = "Nautilus:Risk";

    /// <summary>How often every portfolio with positions gets its VaR computed and stored.</summary>
    public TimeSpan VarInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The confidence of the scheduled VaR and ES, and of the backtest of their history.</summary>
    public double VarConfidence { get; set; } = 0.99;

    /// <summary>Calendar days of stored daily closes the historical simulation draws its scenarios from (about 500 trading days).</summary>
    public int VarLookbackDays { get; set; } = 730;

    /// <summary>How long fetched daily closes are reused before MarketData is asked again.</summary>
    public TimeSpan HistoryCacheFor { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<string> Problems()
    {
        if (VarInterval < TimeSpan.FromSeconds(1))
        {
            yield return $"{Section}:{nameof(VarInterval)} must be at least one second, not {VarInterval}.";
        }

        if (!(VarConfidence > 0 && VarConfidence < 1))
        {
            yield return $"{Section}:{nameof(VarConfidence)} must be strictly between 0 and 1 (e.g. 0.99), not {VarConfidence}.";
        }

        if (VarLookbackDays < 30)
        {
            yield return $"{Section}:{nameof(VarLookbackDays)} must be at least 30 calendar days, not {VarLookbackDays}.";
        }
    }
}
