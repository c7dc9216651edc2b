using MathNet.Numerics.Distributions;
using static Nautilus.Collateral.Domain.SaCcr.SupervisoryParameters;

namespace Nautilus.Collateral.Domain.SaCcr;

/// <summary>
/// SA-CCR exposure at default of a netting set, as BCBS 279 (March 2014) sets it out: EAD = α (RC + PFE) with α = 1.4;
/// RC = max(V − C, 0), or for a margined set max(V − C, TH + MTA − NICA, 0) (¶136–146); PFE = multiplier × aggregate add-on, the
/// multiplier min(1, 0.05 + 0.95 exp((V − C) / (2 × 0.95 × add-on))) (¶149). Each trade contributes δ × d × MF: the supervisory
/// delta (±1, or for options Black–Scholes with the given σ and the exercise date as T, ¶159), the adjusted notional (interest
/// rate and credit: notional × supervisory duration (e^{−0.05 S} − e^{−0.05 E}) / 0.05; otherwise the notional, ¶157), and the
/// maturity factor (√min(max(M, 10 business days), 1 year) unmargined, 1.5 √(MPOR / 250) margined, ¶164). Add-ons by asset class
/// ¶166–186: interest rate by currency over three maturity buckets with correlations 70 % / 30 %; FX by currency pair; credit and
/// equity by entity with a systematic factor; commodity by type within each group. The later cap of a margined set's EAD at its
/// unmargined EAD (Basel FAQ, 2018) is not applied.
/// </summary>
public static class SaCcrCalculator
{
    private const double TenBusinessDays = 10.0 / 250;

    public static SaCcrResult Calculate(NettingSet set)
    {
        double value = 0;
        foreach (var trade in set.Trades)
        {
            value += trade.MarkToMarket;
        }

        var exposure = value - set.Collateral;
        var replacementCost = set.Margined
            ? Math.Max(Math.Max(exposure, set.Threshold + set.MinimumTransferAmount - set.IndependentCollateral), 0)
            : Math.Max(exposure, 0);
        var byClass = AddOns(set);
        var addOn = 0.0;
        foreach (var a in byClass.Values)
        {
            addOn += a;
        }

        var multiplier = addOn > 0 ? Math.Min(1, 0.05 + 0.95 * Math.Exp(exposure / (2 * 0.95 * addOn))) : exposure >= 0 ? 1 : 0.05;
        var pfe = multiplier * addOn;
        return new SaCcrResult(set.Id, Alpha * (replacementCost + pfe), replacementCost, pfe, multiplier, addOn, byClass);
    }

    /// <summary>Supervisory duration SD = (e^{−0.05 S} − e^{−0.05 E}) / 0.05 (¶157), S floored at 0.</summary>
    public static double SupervisoryDuration(double start, double end) =>
        (Math.Exp(-0.05 * Math.Max(start, 0)) - Math.Exp(-0.05 * Math.Max(end, 0))) / 0.05;

    /// <summary>δ: ±1 by the primary risk factor, or an option's Black–Scholes delta with T its exercise date (¶159).</summary>
    public static double SupervisoryDelta(SaCcrTrade trade)
    {
        if (trade.Option is not { } option)
        {
            return trade.Long ? 1 : -1;
        }

        var t = Math.Max(trade.MaturityYears, 1e-9);
        var d1 = (Math.Log(option.UnderlyingPrice / option.Strike) + 0.5 * option.Volatility * option.Volatility * t) /
                 (option.Volatility * Math.Sqrt(t));
        return (option.Kind, option.Bought) switch
        {
            (OptionKind.Call, true) => Normal.CDF(0, 1, d1),
            (OptionKind.Call, false) => -Normal.CDF(0, 1, d1),
            (OptionKind.Put, true) => -Normal.CDF(0, 1, -d1),
            _ => Normal.CDF(0, 1, -d1),
        };
    }

    public static double MaturityFactor(SaCcrTrade trade, NettingSet set) => set.Margined
        ? 1.5 * Math.Sqrt(set.MarginPeriodOfRiskDays / 250)
        : Math.Sqrt(Math.Min(Math.Max(trade.MaturityYears, TenBusinessDays), 1));

    public static double AdjustedNotional(SaCcrTrade trade) => trade.AssetClass is SaCcrAssetClass.InterestRate or SaCcrAssetClass.Credit
        ? trade.Notional * SupervisoryDuration(trade.StartYears, trade.EndYears)
        : trade.Notional;

    /// <summary>δ × d × MF: the trade's signed effective notional.</summary>
    public static double EffectiveNotional(SaCcrTrade trade, NettingSet set) =>
        SupervisoryDelta(trade) * AdjustedNotional(trade) * MaturityFactor(trade, set);

    private static Dictionary<SaCcrAssetClass, double> AddOns(NettingSet set)
    {
        // Interest rate: per currency, three maturity buckets by end date.
        var rates = new Dictionary<string, (double D1, double D2, double D3)>(StringComparer.OrdinalIgnoreCase);
        var fx = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        // Credit and equity: per entity its add-on and correlation; commodity: per group, per type.
        var credit = new Dictionary<(string, bool), (double AddOn, double Rho)>();
        var equity = new Dictionary<(string, bool), (double AddOn, double Rho)>();
        var commodity = new Dictionary<string, Dictionary<string, double>>(StringComparer.OrdinalIgnoreCase);
        foreach (var trade in set.Trades)
        {
            var effective = EffectiveNotional(trade, set);
            switch (trade.AssetClass)
            {
                case SaCcrAssetClass.InterestRate:
                    var buckets = rates.GetValueOrDefault(trade.HedgingSet);
                    buckets = trade.EndYears < 1 ? buckets with { D1 = buckets.D1 + effective }
                        : trade.EndYears <= 5 ? buckets with { D2 = buckets.D2 + effective }
                        : buckets with { D3 = buckets.D3 + effective };
                    rates[trade.HedgingSet] = buckets;
                    break;
                case SaCcrAssetClass.Fx:
                    fx[trade.HedgingSet] = fx.GetValueOrDefault(trade.HedgingSet) + effective;
                    break;
                case SaCcrAssetClass.Credit:
                    var (creditFactor, creditRho) = trade.IsIndex
                        ? (CreditIndex[trade.Rating!], CreditIndexCorrelation)
                        : (CreditSingleName[trade.Rating!], CreditSingleNameCorrelation);
                    var entity = (trade.Reference ?? trade.Id, trade.IsIndex);
                    credit[entity] = (credit.GetValueOrDefault(entity).AddOn + creditFactor * effective, creditRho);
                    break;
                case SaCcrAssetClass.Equity:
                    var (equityFactor, equityRho) = trade.IsIndex
                        ? (EquityIndexFactor, EquityIndexCorrelation)
                        : (EquitySingleNameFactor, EquitySingleNameCorrelation);
                    var name = (trade.Reference ?? trade.Id, trade.IsIndex);
                    equity[name] = (equity.GetValueOrDefault(name).AddOn + equityFactor * effective, equityRho);
                    break;
                case SaCcrAssetClass.Commodity:
                    if (!commodity.TryGetValue(trade.HedgingSet, out var types))
                    {
                        commodity[trade.HedgingSet] = types = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
                    }

                    var type = trade.Reference ?? trade.HedgingSet;
                    var factor = IsElectricity(type) ? ElectricityFactor : CommodityFactor;
                    types[type] = types.GetValueOrDefault(type) + factor * effective;
                    break;
            }
        }

        var addOns = new Dictionary<SaCcrAssetClass, double>();
        if (rates.Count > 0)
        {
            addOns[SaCcrAssetClass.InterestRate] = rates.Values.Sum(d => InterestRateFactor * Math.Sqrt(Math.Max(0,
                d.D1 * d.D1 + d.D2 * d.D2 + d.D3 * d.D3 + 1.4 * d.D1 * d.D2 + 1.4 * d.D2 * d.D3 + 0.6 * d.D1 * d.D3)));
        }

        if (fx.Count > 0)
        {
            addOns[SaCcrAssetClass.Fx] = fx.Values.Sum(d => FxFactor * Math.Abs(d));
        }

        if (credit.Count > 0)
        {
            addOns[SaCcrAssetClass.Credit] = SystematicAggregate(credit.Values);
        }

        if (equity.Count > 0)
        {
            addOns[SaCcrAssetClass.Equity] = SystematicAggregate(equity.Values);
        }

        if (commodity.Count > 0)
        {
            addOns[SaCcrAssetClass.Commodity] = commodity.Values.Sum(types =>
            {
                var sum = types.Values.Sum();
                var squares = types.Values.Sum(a => a * a);
                return Math.Sqrt(CommodityCorrelation * CommodityCorrelation * sum * sum +
                                 (1 - CommodityCorrelation * CommodityCorrelation) * squares);
            });
        }

        return addOns;
    }

    /// <summary>√((Σ ρ_k A_k)² + Σ (1 − ρ_k²) A_k²): entities share one systematic factor (¶172, ¶180).</summary>
    private static double SystematicAggregate(IEnumerable<(double AddOn, double Rho)> entities)
    {
        double systematic = 0, idiosyncratic = 0;
        foreach (var (addOn, rho) in entities)
        {
            systematic += rho * addOn;
            idiosyncratic += (1 - rho * rho) * addOn * addOn;
        }

        return Math.Sqrt(systematic * systematic + idiosyncratic);
    }
}
