using Google.OrTools.LinearSolver;

namespace Nautilus.Collateral.Domain.Allocation;

/// <summary>
/// Cheapest-to-deliver allocation of collateral, a linear programme solved by GLOP (Google OR-Tools): x_ij ≥ 0, the market value of
/// asset i posted to requirement j (only where j accepts i's type); minimise Σ cost_i x_ij + M Σ u_j subject to Σ_j x_ij ≤ MV_i
/// (no asset posted beyond what is held) and Σ_i (1 − h_i) x_ij + u_j ≥ R_j (each requirement covered after haircuts). u_j ≥ 0 is
/// the shortfall, priced far above any asset's cost so that it is used only when the inventory cannot cover j: the programme is
/// always feasible, and an uncovered amount is reported rather than refused.
/// </summary>
public static class CollateralAllocator
{
    private const double ShortfallPenalty = 1e6;
    private const double Tolerance = 1e-7;

    public static AllocationResult Allocate(IReadOnlyList<CollateralAsset> assets, IReadOnlyList<CollateralRequirement> requirements)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver here");
        var objective = solver.Objective();
        objective.SetMinimization();
        var x = new Variable?[assets.Count, requirements.Count];
        var held = assets.Select(a => solver.MakeConstraint(double.NegativeInfinity, a.MarketValue, $"held_{a.Id}")).ToArray();
        var shortfall = new Variable[requirements.Count];
        for (var j = 0; j < requirements.Count; j++)
        {
            var requirement = requirements[j];
            var covered = solver.MakeConstraint(requirement.Amount, double.PositiveInfinity, $"cover_{requirement.Id}");
            shortfall[j] = solver.MakeNumVar(0, double.PositiveInfinity, $"short_{requirement.Id}");
            covered.SetCoefficient(shortfall[j], 1);
            objective.SetCoefficient(shortfall[j], ShortfallPenalty);
            for (var i = 0; i < assets.Count; i++)
            {
                var asset = assets[i];
                if (!requirement.EligibleTypes.Contains(asset.Type) || asset.Haircut >= 1)
                {
                    continue;
                }

                var v = solver.MakeNumVar(0, double.PositiveInfinity, $"x_{i}_{j}");
                x[i, j] = v;
                held[i].SetCoefficient(v, 1);
                covered.SetCoefficient(v, 1 - asset.Haircut);
                objective.SetCoefficient(v, asset.Cost);
            }
        }

        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"GLOP ended {status} on an always-feasible programme");
        }

        var postings = new List<CollateralPosting>();
        var cost = 0.0;
        for (var i = 0; i < assets.Count; i++)
        {
            for (var j = 0; j < requirements.Count; j++)
            {
                if (x[i, j] is { } v && v.SolutionValue() > Tolerance)
                {
                    var value = v.SolutionValue();
                    postings.Add(new CollateralPosting(assets[i].Id, requirements[j].Id, value, value * (1 - assets[i].Haircut)));
                    cost += value * assets[i].Cost;
                }
            }
        }

        var gaps = requirements.Select((r, j) => (r.Id, Gap: shortfall[j].SolutionValue()))
            .ToDictionary(g => g.Id, g => g.Gap > Tolerance ? g.Gap : 0.0, StringComparer.Ordinal);
        return new AllocationResult(gaps.Values.All(g => g == 0), postings, cost, gaps);
    }
}
