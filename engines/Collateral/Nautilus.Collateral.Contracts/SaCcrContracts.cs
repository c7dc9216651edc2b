namespace Nautilus.Collateral.Contracts;

/// <summary>An option's terms: <c>call</c> or <c>put</c>, bought or sold, strike, underlying price and volatility σ.</summary>
public sealed record SaCcrOptionInput(string? Type, bool? Bought, double? Strike, double? UnderlyingPrice, double? Volatility);

/// <summary>
/// A trade of a netting set. <see cref="AssetClass"/>: <c>interest-rate</c>, <c>fx</c>, <c>credit</c>, <c>equity</c>,
/// <c>commodity</c>. <see cref="HedgingSet"/>: the currency, the currency pair, or the commodity group (<c>energy</c>,
/// <c>metals</c>, <c>agricultural</c>, <c>other</c>). <see cref="Reference"/>: the credit or equity entity or index, or the commodity
/// type (<c>crude-oil</c>, <c>silver</c>, <c>electricity</c>). <see cref="Rating"/>: <c>AAA</c>…<c>CCC</c>, or <c>IG</c>/<c>SG</c>
/// for a credit index. Times in years from today.
/// </summary>
public sealed record SaCcrTradeInput(string? Id, string? AssetClass, string? HedgingSet, string? Reference, string? Rating, bool IsIndex,
    double? Notional, double? Mtm, bool Long, double? StartYears, double? EndYears, double? MaturityYears, SaCcrOptionInput? Option);

/// <summary>A netting set and, when <see cref="Margined"/>, its CSA: threshold, MTA, NICA, collateral held and MPOR in days.</summary>
public sealed record NettingSetInput(string? Id, bool Margined, double Threshold, double Mta, double Nica, double Collateral,
    double MporDays, IReadOnlyList<SaCcrTradeInput>? Trades);

/// <summary><c>POST /api/collateral/sa-ccr</c>: the netting sets to measure.</summary>
public sealed record SaCcrRequest(IReadOnlyList<NettingSetInput>? NettingSets);

/// <summary>One netting set's exposure at default and its parts; add-ons by asset class keyed as the request names them.</summary>
public sealed record NettingSetExposure(string Id, double Ead, double ReplacementCost, double Pfe, double Multiplier, double AddOn,
    IReadOnlyDictionary<string, double> AddOnByAssetClass);

/// <summary>Per netting set and the total EAD (α = 1.4, BCBS 279).</summary>
public sealed record SaCcrResponse(IReadOnlyList<NettingSetExposure> NettingSets, double TotalEad);
