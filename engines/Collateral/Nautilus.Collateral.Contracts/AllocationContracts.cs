namespace Nautilus.Collateral.Contracts;

/// <summary>A collateral asset: id, type (what eligibility names), market value, haircut (0.02 = 2 %), cost per unit posted.</summary>
public sealed record CollateralAssetInput(string? Id, string? Type, double? MarketValue, double? Haircut, double? Cost);

/// <summary>A requirement to cover after haircuts and the asset types its receiver accepts.</summary>
public sealed record CollateralRequirementInput(string? Id, double? Amount, IReadOnlyList<string>? EligibleTypes);

/// <summary><c>POST /api/collateral/allocate</c>: the least-cost allocation of the assets to the requirements.</summary>
public sealed record AllocationRequest(IReadOnlyList<CollateralAssetInput>? Assets,
    IReadOnlyList<CollateralRequirementInput>? Requirements);

public sealed record PostingView(string Asset, string Requirement, double MarketValue, double CollateralValue);

/// <summary>Postings, their cost, and per requirement what is left uncovered (all 0 when feasible).</summary>
public sealed record AllocationResponse(bool Feasible, IReadOnlyList<PostingView> Postings, double Cost,
    IReadOnlyDictionary<string, double> Shortfall);
