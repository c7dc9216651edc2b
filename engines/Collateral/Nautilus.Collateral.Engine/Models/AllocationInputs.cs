using Nautilus.Collateral.Contracts;
using Nautilus.Collateral.Domain.Allocation;

namespace Nautilus.Collateral.Engine.Models;

/// <summary>Allocation requests to assets and requirements, every field checked and each fault named.</summary>
public static class AllocationInputs
{
    public const int MaxVariables = 1_000_000;

    public static (IReadOnlyList<CollateralAsset>, IReadOnlyList<CollateralRequirement>) Parse(AllocationRequest request,
        InputProblems problems)
    {
        if (request.Assets is not { } assets)
        {
            problems.Add("assets", "the collateral held (may be empty)");
            return ([], []);
        }

        if (request.Requirements is not { Count: > 0 } requirements)
        {
            problems.Add("requirements", "at least one requirement");
            return ([], []);
        }

        if ((long)assets.Count * requirements.Count > MaxVariables)
        {
            problems.Add("assets", $"assets × requirements at most {MaxVariables:N0}");
            return ([], []);
        }

        var parsedAssets = assets.Select((a, i) => Asset(a, $"assets[{i}]", problems)).ToArray();
        var parsedRequirements = requirements.Select((r, j) =>
        {
            var at = $"requirements[{j}]";
            if (string.IsNullOrWhiteSpace(r.Id))
            {
                problems.Add($"{at}.id", "is required");
            }

            if (r.EligibleTypes is not { Count: > 0 })
            {
                problems.Add($"{at}.eligibleTypes", "the asset types the receiver accepts");
            }

            return new CollateralRequirement(r.Id ?? "", problems.Number(r.Amount, $"{at}.amount", 0),
                new HashSet<string>(r.EligibleTypes ?? [], StringComparer.OrdinalIgnoreCase));
        }).ToArray();
        Unique(parsedAssets.Select(a => a.Id), "assets", problems);
        Unique(parsedRequirements.Select(r => r.Id), "requirements", problems);
        return (parsedAssets, parsedRequirements);
    }

    public static CollateralAsset Asset(CollateralAssetInput a, string at, InputProblems problems)
    {
        if (string.IsNullOrWhiteSpace(a.Id))
        {
            problems.Add($"{at}.id", "is required");
        }

        if (string.IsNullOrWhiteSpace(a.Type))
        {
            problems.Add($"{at}.type", "the asset type eligibility names (cash, government, equity…)");
        }

        return new CollateralAsset(a.Id ?? "", a.Type ?? "", problems.Number(a.MarketValue, $"{at}.marketValue", 0),
            problems.Number(a.Haircut, $"{at}.haircut", 0, 1, problem: "a haircut from 0 up to (not including) 1"),
            problems.Number(a.Cost ?? 0, $"{at}.cost", 0));
    }

    public static AllocationResponse View(AllocationResult result) =>
        new(result.Feasible, [.. result.Postings.Select(p => new PostingView(p.Asset, p.Requirement, p.MarketValue, p.CollateralValue))],
            result.Cost, result.Shortfall);

    private static void Unique(IEnumerable<string> ids, string field, InputProblems problems)
    {
        var duplicate = ids.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Key.Length > 0 && g.Count() > 1);
        if (duplicate is not null)
        {
            problems.Add(field, $"'{duplicate.Key}' appears twice");
        }
    }
}
