namespace Nautilus.Collateral.Domain.Allocation;

/// <summary>
/// A collateral asset held: its market value available, the haircut a receiver applies (0.02: 2 %), the cost of posting it (per
/// unit of market value, e.g. its funding or opportunity cost) and the asset type receivers' eligibility names.
/// </summary>
public sealed record CollateralAsset(string Id, string Type, double MarketValue, double Haircut, double Cost);

/// <summary>A requirement to cover (post-haircut value) and the asset types its receiver accepts.</summary>
public sealed record CollateralRequirement(string Id, double Amount, IReadOnlySet<string> EligibleTypes);

/// <summary>Market value of an asset posted to a requirement and the value it counts for after its haircut.</summary>
public sealed record CollateralPosting(string Asset, string Requirement, double MarketValue, double CollateralValue);

/// <summary>The cheapest allocation: postings, their total cost, and what is left uncovered (0 everywhere when feasible).</summary>
public sealed record AllocationResult(bool Feasible, IReadOnlyList<CollateralPosting> Postings, double Cost,
    IReadOnlyDictionary<string, double> Shortfall);
