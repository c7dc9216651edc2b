namespace Nautilus.Portfolio.Contracts;

/// <summary>
/// <c>POST /api/portfolio/nodes</c> (and <c>PUT /api/portfolio/nodes/{id}</c>, where the id, kind and parent stay): a node of the
/// book. <see cref="Kind"/>: Client, Household, Trust, Account, Portfolio or Sleeve; a Household or Trust sits under a
/// Client, an Account under a Client, Household or Trust, a Portfolio under an Account, a Sleeve under a Portfolio.
/// <see cref="Currency"/>: the node's own (an account's currency, a portfolio's base currency); inherited when omitted.
/// <see cref="OpeningCash"/>: a portfolio's funding, in its base currency (its trades move cash from there).
/// </summary>
public sealed record NodeRequest(string? Id, string? Kind, string? Name, string? ParentId = null, string? Currency = null,
    SleeveGoalEntry? Goal = null, double? OpeningCash = null);

/// <summary>A sleeve's goal: target weights by instrument (summing to 1), its horizon in years, optionally a target return.</summary>
public sealed record SleeveGoalEntry(IReadOnlyDictionary<string, double>? TargetWeights, double HorizonYears, double? TargetReturn = null,
    string? Description = null);

/// <summary>A node as stored, with the currency it reports in (its own or the nearest ancestor's; USD at the top).</summary>
public sealed record NodeView(string Id, string Kind, string Name, string? ParentId, string Currency, bool OwnCurrency,
    SleeveGoalEntry? Goal,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, double OpeningCash = 0);
