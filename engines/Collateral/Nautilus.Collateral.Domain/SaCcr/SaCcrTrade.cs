namespace Nautilus.Collateral.Domain.SaCcr;

public enum SaCcrAssetClass
{
    InterestRate,
    Fx,
    Credit,
    Equity,
    Commodity,
}

public enum OptionKind
{
    Call,
    Put,
}

/// <summary>An option's terms for its supervisory delta (BCBS 279 ¶159): bought or sold, strike, underlying price, volatility σ.</summary>
public sealed record SaCcrOption(OptionKind Kind, bool Bought, double Strike, double UnderlyingPrice, double Volatility);

/// <summary>
/// A derivative trade as SA-CCR sees it (BCBS 279 ¶155–170). <see cref="HedgingSet"/>: the currency (interest rate), the currency
/// pair (FX) or the commodity group (energy, metals, agricultural, other); credit and equity trades form one hedging set per asset
/// class. <see cref="Reference"/>: the entity or index (credit, equity) or the commodity type. <see cref="Rating"/>: AAA…CCC for a
/// single-name credit, IG or SG for an index. <see cref="Long"/>: long in the primary risk factor. Times in years from today: S
/// (start), E (end) for interest-rate and credit supervisory duration, M (maturity) for the maturity factor; an option's exercise
/// date is its maturity.
/// </summary>
public sealed record SaCcrTrade(
    string Id,
    SaCcrAssetClass AssetClass,
    string HedgingSet,
    string? Reference,
    string? Rating,
    bool IsIndex,
    double Notional,
    double MarkToMarket,
    bool Long,
    double StartYears,
    double EndYears,
    double MaturityYears,
    SaCcrOption? Option);

/// <summary>
/// A netting set: its trades and, when margined, the CSA terms (threshold TH, minimum transfer amount MTA, net independent
/// collateral amount NICA, margin period of risk in business days); <see cref="Collateral"/> is the collateral held C (net of
/// posted; haircut values).
/// </summary>
public sealed record NettingSet(string Id, IReadOnlyList<SaCcrTrade> Trades, bool Margined = false, double Threshold = 0,
    double MinimumTransferAmount = 0, double IndependentCollateral = 0, double Collateral = 0, double MarginPeriodOfRiskDays = 10);

/// <summary>EAD = α (RC + PFE), PFE = multiplier × add-on, and the add-on of each asset class present.</summary>
public sealed record SaCcrResult(string NettingSet, double Ead, double ReplacementCost, double Pfe, double Multiplier, double AddOn,
    IReadOnlyDictionary<SaCcrAssetClass, double> AddOnByAssetClass);
