namespace Nautilus.Portfolio.Domain.Allocation;

/// <summary>HRP weights with the leaf order the clustering gave and the clustering itself (for a dendrogram).</summary>
public sealed record HrpAllocation(double[] Weights, int[] Order, Merge[] Clusters);

/// <summary>
/// Hierarchical Risk Parity (López de Prado 2016, "Building diversified portfolios that outperform out of sample"), as
/// PyPortfolioOpt computes it: distance <c>√clip((1 − ρ) / 2, 0, 1)</c>, a linkage of those distances, the dendrogram's
/// leaf order, then recursive bisection of that order into halves, each half weighted by the inverse of its
/// inverse-variance portfolio's variance.
/// </summary>
public static class HierarchicalRiskParity
{
    public static HrpAllocation Allocate(double[,] covariance, double[,] correlation, LinkageMethod linkage = LinkageMethod.Single)
    {
        var n = covariance.GetLength(0);
        if (n == 0)
        {
            throw new PortfolioInputException("assets", "HRP needs at least one asset");
        }

        for (var i = 0; i < n; i++)
        {
            if (!(covariance[i, i] > 0))
            {
                throw new PortfolioInputException("covariance", $"asset {i} has no variance: HRP weighs by inverse variance");
            }
        }

        var distance = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                distance[i, j] = i == j ? 0 : Math.Sqrt(Math.Clamp((1 - correlation[i, j]) / 2, 0, 1));
            }
        }

        var clusters = HierarchicalClustering.Linkage(distance, linkage);
        var order = HierarchicalClustering.LeafOrder(clusters, n);
        var weights = Enumerable.Repeat(1.0, n).ToArray();
        var pending = new List<ArraySegment<int>> { order };
        while (pending.Count > 0)
        {
            var halves = new List<ArraySegment<int>>();
            foreach (var cluster in pending.Where(c => c.Count > 1))
            {
                halves.Add(cluster[..(cluster.Count / 2)]);
                halves.Add(cluster[(cluster.Count / 2)..]);
            }

            for (var k = 0; k < halves.Count; k += 2)
            {
                var (first, second) = (ClusterVariance(covariance, halves[k]), ClusterVariance(covariance, halves[k + 1]));
                var alpha = 1 - first / (first + second);
                foreach (var i in halves[k])
                {
                    weights[i] *= alpha;
                }

                foreach (var i in halves[k + 1])
                {
                    weights[i] *= 1 - alpha;
                }
            }

            pending = halves;
        }

        return new HrpAllocation(weights, order, clusters);
    }

    /// <summary>Pearson correlations from a covariance matrix (rounded to six places, as PyPortfolioOpt does without returns).</summary>
    public static double[,] CorrelationOf(double[,] covariance)
    {
        var n = covariance.GetLength(0);
        var corr = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                corr[i, j] = Math.Round(covariance[i, j] / Math.Sqrt(covariance[i, i] * covariance[j, j]), 6);
            }
        }

        return corr;
    }

    /// <summary>The variance of the cluster's inverse-variance portfolio.</summary>
    private static double ClusterVariance(double[,] covariance, ArraySegment<int> members)
    {
        var inverse = members.Select(i => 1 / covariance[i, i]).ToArray();
        var total = inverse.Sum();
        var variance = 0.0;
        for (var a = 0; a < members.Count; a++)
        {
            for (var b = 0; b < members.Count; b++)
            {
                variance += inverse[a] / total * covariance[members[a], members[b]] * inverse[b] / total;
            }
        }

        return variance;
    }
}
