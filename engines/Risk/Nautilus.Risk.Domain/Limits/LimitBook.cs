using Nautilus.Model;

namespace Nautilus.Risk.Domain.Limits;

/// <summary>
/// The limits in force, indexed by scope and key so a check finds the ones that apply without scanning. Immutable: a
/// change makes a new book (checks in flight keep the one they started with).
/// </summary>
public sealed class LimitBook
{
    private readonly Dictionary<(LimitScope, string, LimitKind), double> _limits;

    public LimitBook(IEnumerable<RiskLimit> limits)
    {
        var all = limits.ToArray();
        var problems = all.SelectMany((l, i) => l.Problems().Select(p => ($"limits[{i}].{p.Field}", p.Problem))).ToArray();
        if (problems.Length > 0)
        {
            throw new LimitConflictException(problems);
        }

        var duplicate = all.GroupBy(l => (l.Scope, l.Key, l.Kind)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new LimitConflictException([("limits",
                $"two {duplicate.Key.Kind} limits for {duplicate.Key.Scope} '{duplicate.Key.Key}' contradict each other")]);
        }

        Limits = all;
        _limits = all.ToDictionary(l => (l.Scope, l.Key, l.Kind), l => l.Value);
    }

    public static LimitBook Empty { get; } = new([]);

    /// <summary>The scopes whose limits bind a whole portfolio: the global ones and the portfolio's own.</summary>
    public static (LimitScope Scope, string Key)[] PortfolioScopes(PortfolioId portfolio) =>
        [(LimitScope.Global, ""), (LimitScope.Portfolio, portfolio.Value)];

    public IReadOnlyList<RiskLimit> Limits { get; }

    public bool TryGet(LimitScope scope, string key, LimitKind kind, out double value) => _limits.TryGetValue((scope, key, kind),
        out value);
}

/// <summary>Limits that cannot be in force together, each problem with its field.</summary>
public sealed class LimitConflictException(IReadOnlyList<(string Field, string Problem)> problems)
    : ArgumentException(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Problem}")))
{
    public IReadOnlyList<(string Field, string Problem)> Problems { get; } = problems;
}
