using Nautilus.Model;

namespace Nautilus.Portfolio.Domain.Structure;

/// <summary>The levels of a family office's book, top down.</summary>
public enum NodeKind
{
    Client,
    Household,
    Trust,
    Account,
    Portfolio,
    Sleeve,
}

/// <summary>A sleeve's goal: target weights by instrument, a horizon, and optionally the return it aims for.</summary>
public sealed record SleeveGoal(IReadOnlyDictionary<string, double> TargetWeights, double HorizonYears, double? TargetReturn = null,
    string? Description = null);

/// <summary>
/// One node of the book: a client, the households and trusts under it, their accounts (each in a currency), the portfolios in an
/// account (each valued in a base currency) and the goal-based sleeves of a portfolio. A node without a currency takes its
/// parent's. A portfolio is funded with <see cref="OpeningCash"/> in its base currency; its trades move cash from there.
/// </summary>
public sealed record PortfolioNode(string Id, NodeKind Kind, string Name, string? ParentId, Currency? Currency = null,
    SleeveGoal? Goal = null, double OpeningCash = 0)
{
    /// <summary>The kinds a node of <paramref name="kind"/> may sit under (none: a top-level client).</summary>
    public static IReadOnlyList<NodeKind> ParentsOf(NodeKind kind) => kind switch
    {
        NodeKind.Client => [],
        NodeKind.Household or NodeKind.Trust => [NodeKind.Client],
        NodeKind.Account => [NodeKind.Client, NodeKind.Household, NodeKind.Trust],
        NodeKind.Portfolio => [NodeKind.Account],
        NodeKind.Sleeve => [NodeKind.Portfolio],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Refuses a node that cannot stand under <paramref name="parent"/> or has an impossible goal, naming the field.</summary>
    public void Validate(PortfolioNode? parent)
    {
        if (string.IsNullOrWhiteSpace(Id) || Id.Length > 64 || !Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            throw new PortfolioInputException("id", "1 to 64 letters, digits, '-', '_' or '.'");
        }

        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new PortfolioInputException("name", "a node needs a name");
        }

        var allowed = ParentsOf(Kind);
        if (parent is null && allowed.Count > 0)
        {
            throw new PortfolioInputException("parentId", $"a {Kind} sits under a {string.Join(" or ", allowed)}");
        }

        if (parent is not null && !allowed.Contains(parent.Kind))
        {
            throw new PortfolioInputException("parentId", allowed.Count == 0
                ? $"a {Kind} is at the top of the book"
                : $"a {Kind} sits under a {string.Join(" or ", allowed)}, not a {parent.Kind}");
        }

        if (Kind == NodeKind.Sleeve)
        {
            if (Goal is not { } goal)
            {
                throw new PortfolioInputException("goal", "a sleeve needs its target weights and horizon");
            }

            if (goal.TargetWeights.Count == 0 || goal.TargetWeights.Values.Any(w => !(w >= 0) || w > 1))
            {
                throw new PortfolioInputException("goal.targetWeights", "one or more weights, each from 0 to 1");
            }

            if (Math.Abs(goal.TargetWeights.Values.Sum() - 1) > 1e-9)
            {
                throw new PortfolioInputException("goal.targetWeights", $"sum to {goal.TargetWeights.Values.Sum():G6}, not 1");
            }

            if (!(goal.HorizonYears > 0) || goal.HorizonYears > 100)
            {
                throw new PortfolioInputException("goal.horizonYears", "must be more than 0 and at most 100 years");
            }
        }
        else if (Goal is not null)
        {
            throw new PortfolioInputException("goal", "only sleeves have goals");
        }

        if (!double.IsFinite(OpeningCash) || OpeningCash < 0)
        {
            throw new PortfolioInputException("openingCash", "zero or more, in the portfolio's base currency");
        }

        if (OpeningCash != 0 && Kind != NodeKind.Portfolio)
        {
            throw new PortfolioInputException("openingCash", "only portfolios hold cash");
        }
    }
}
