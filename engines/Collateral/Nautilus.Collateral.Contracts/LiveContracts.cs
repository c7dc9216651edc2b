namespace Nautilus.Collateral.Contracts;

/// <summary>
/// An account margined live: model, equity, initial and maintenance requirement, utilisation (maintenance ÷ equity), the projected
/// utilisation at the horizon and the minutes until it reaches 1 (null: not within the horizon), when computed.
/// </summary>
public sealed record AccountMarginView(string Account, string Model, double Equity, double Initial, double Maintenance,
    double Utilisation, double ProjectedUtilisation, int? CallInMinutes, int Positions, DateTimeOffset At);

/// <summary>A published MARGIN_CALL: when, due by (its lead time), utilisation then, and the projected requirement and equity.</summary>
public sealed record MarginCallView(long Id, string Account, DateTimeOffset At, DateTimeOffset DueBy, int LeadMinutes,
    double Utilisation, decimal Required, decimal Available, decimal Shortfall, string Currency);

/// <summary>An asset of the collateral inventory: type, market value, haircut, cost per unit posted, when it was last set.</summary>
public sealed record InventoryAsset(string Id, string Type, double MarketValue, double Haircut, double Cost, DateTimeOffset At);

/// <summary>
/// The inventory allocated to the accounts' live maintenance requirements at least cost: each account a requirement, every asset
/// type eligible unless <c>Nautilus:Collateral:EligibleTypes</c> narrows them.
/// </summary>
public sealed record LiveAllocationView(IReadOnlyList<CollateralRequirementInput> Requirements, AllocationResponse Allocation);
