using Nautilus.Collateral.Contracts;
using Nautilus.Collateral.Domain.SaCcr;

namespace Nautilus.Collateral.Engine.Models;

/// <summary>SA-CCR requests to netting sets, every field checked and each fault named.</summary>
public static class SaCcrInputs
{
    public const int MaxTrades = 1_000_000;

    public static readonly IReadOnlyDictionary<string, SaCcrAssetClass> AssetClasses =
        new Dictionary<string, SaCcrAssetClass>(StringComparer.OrdinalIgnoreCase)
        {
            ["interest-rate"] = SaCcrAssetClass.InterestRate,
            ["fx"] = SaCcrAssetClass.Fx,
            ["credit"] = SaCcrAssetClass.Credit,
            ["equity"] = SaCcrAssetClass.Equity,
            ["commodity"] = SaCcrAssetClass.Commodity,
        };

    public static string NameOf(SaCcrAssetClass assetClass) => AssetClasses.First(a => a.Value == assetClass).Key;

    public static IReadOnlyList<NettingSet> Parse(SaCcrRequest request, InputProblems problems)
    {
        if (request.NettingSets is not { Count: > 0 } sets)
        {
            problems.Add("nettingSets", "at least one netting set");
            return [];
        }

        if (sets.Sum(s => s.Trades?.Count ?? 0) > MaxTrades)
        {
            problems.Add("nettingSets", $"at most {MaxTrades:N0} trades in all");
            return [];
        }

        var parsed = new List<NettingSet>(sets.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var s = 0; s < sets.Count; s++)
        {
            var set = sets[s];
            var at = $"nettingSets[{s}]";
            var id = string.IsNullOrWhiteSpace(set.Id) ? $"set-{s + 1}" : set.Id;
            if (!ids.Add(id))
            {
                problems.Add($"{at}.id", $"'{id}' names another netting set too");
            }

            if (set.Trades is not { Count: > 0 } trades)
            {
                problems.Add($"{at}.trades", "a netting set has at least one trade");
                continue;
            }

            if (set.Margined)
            {
                problems.Number(set.Threshold, $"{at}.threshold", 0);
                problems.Number(set.Mta, $"{at}.mta", 0);
                problems.Number(set.MporDays, $"{at}.mporDays", 0, 250, exclusiveMin: true,
                    problem: "is the margin period of risk in business days, above 0 (10 for a daily-margined bilateral set)");
            }

            problems.Number(set.Nica, $"{at}.nica");
            problems.Number(set.Collateral, $"{at}.collateral");
            var parsedTrades = new List<SaCcrTrade>(trades.Count);
            for (var t = 0; t < trades.Count; t++)
            {
                if (Trade(trades[t], $"{at}.trades[{t}]", t, problems) is { } trade)
                {
                    parsedTrades.Add(trade);
                }
            }

            parsed.Add(new NettingSet(id, parsedTrades, set.Margined, set.Threshold, set.Mta, set.Nica, set.Collateral,
                set.MporDays > 0 ? set.MporDays : 10));
        }

        return parsed;
    }

    private static SaCcrTrade? Trade(SaCcrTradeInput trade, string at, int index, InputProblems problems)
    {
        if (trade.AssetClass is null || !AssetClasses.TryGetValue(trade.AssetClass, out var assetClass))
        {
            problems.Add($"{at}.assetClass", "one of " + string.Join(", ", AssetClasses.Keys));
            return null;
        }

        var start = problems.Number(trade.StartYears ?? 0, $"{at}.startYears", 0);
        var end = problems.Number(trade.EndYears ?? trade.MaturityYears, $"{at}.endYears", start);
        var maturity = problems.Number(trade.MaturityYears ?? trade.EndYears, $"{at}.maturityYears", 0, exclusiveMin: true);
        var notional = problems.Number(trade.Notional, $"{at}.notional", 0);
        var mtm = problems.Number(trade.Mtm, $"{at}.mtm");
        if (string.IsNullOrWhiteSpace(trade.HedgingSet) && assetClass is not (SaCcrAssetClass.Credit or SaCcrAssetClass.Equity))
        {
            problems.Add($"{at}.hedgingSet", assetClass switch
            {
                SaCcrAssetClass.InterestRate => "the currency (USD, EUR…)",
                SaCcrAssetClass.Fx => "the currency pair (EURUSD…)",
                _ => "the commodity group: energy, metals, agricultural or other",
            });
        }
        else if (assetClass == SaCcrAssetClass.Commodity && !SupervisoryParameters.CommodityGroups.Contains(trade.HedgingSet!))
        {
            problems.Add($"{at}.hedgingSet", "the commodity group: energy, metals, agricultural or other");
        }

        if (assetClass == SaCcrAssetClass.Credit)
        {
            var ratings = trade.IsIndex ? SupervisoryParameters.CreditIndex : SupervisoryParameters.CreditSingleName;
            if (trade.Rating is null || !ratings.ContainsKey(trade.Rating))
            {
                problems.Add($"{at}.rating", trade.IsIndex ? "IG or SG for a credit index" : "AAA, AA, A, BBB, BB, B or CCC");
            }
        }

        if (assetClass is SaCcrAssetClass.Credit or SaCcrAssetClass.Equity && string.IsNullOrWhiteSpace(trade.Reference))
        {
            problems.Add($"{at}.reference", "the entity or index the trade references");
        }

        SaCcrOption? option = null;
        if (trade.Option is { } o)
        {
            var kind = o.Type?.ToLowerInvariant() switch
            {
                "call" => OptionKind.Call,
                "put" => OptionKind.Put,
                _ => (OptionKind?)null,
            };
            if (kind is null)
            {
                problems.Add($"{at}.option.type", "call or put");
            }

            var strike = problems.Number(o.Strike, $"{at}.option.strike", 0, exclusiveMin: true);
            var underlying = problems.Number(o.UnderlyingPrice, $"{at}.option.underlyingPrice", 0, exclusiveMin: true);
            var volatility = problems.Number(o.Volatility, $"{at}.option.volatility", 0, 10, exclusiveMin: true,
                problem: "an option needs its volatility σ (0.5 = 50 %), above 0");
            option = new SaCcrOption(kind ?? OptionKind.Call, o.Bought ?? true, strike, underlying, volatility);
        }

        return new SaCcrTrade(string.IsNullOrWhiteSpace(trade.Id) ? $"trade-{index + 1}" : trade.Id, assetClass, trade.HedgingSet ?? "",
            trade.Reference, trade.Rating, trade.IsIndex, notional, mtm, trade.Long, start, end, maturity, option);
    }
}
