namespace Nautilus.Portfolio.Domain.Allocation;

public enum LinkageMethod
{
    Single,
    Complete,
    Average,
    Weighted,
    Ward,
}

/// <summary>One merge of an agglomerative clustering: clusters <c>Left &lt; Right</c> (0..n−1 leaves, n+k the k-th merge).</summary>
public readonly record struct Merge(int Left, int Right, double Distance, int Size);

/// <summary>
/// Agglomerative clustering of a distance matrix with SciPy's algorithms and labelling (<c>scipy.cluster.hierarchy.linkage</c>),
/// so leaf orders agree with it: single linkage from Prim's minimum spanning tree, the others by the nearest-neighbour chain
/// with Lance-Williams updates; merges stably sorted by distance, then relabelled so each names the smaller cluster first.
/// O(n²) time.
/// </summary>
public static class HierarchicalClustering
{
    public static Merge[] Linkage(double[,] distances, LinkageMethod method)
    {
        var n = distances.GetLength(0);
        if (n < 2)
        {
            return [];
        }

        var raw = method == LinkageMethod.Single ? SpanningTree(distances) : NearestNeighbourChain(distances, method);
        var sorted = raw.Select((m, i) => (m, i)).OrderBy(p => p.m.Distance).ThenBy(p => p.i).Select(p => p.m).ToArray();
        return Label(sorted, n);
    }

    /// <summary>The leaves from left to right (a pre-order walk of the tree, left before right).</summary>
    public static int[] LeafOrder(Merge[] merges, int n)
    {
        if (n == 1)
        {
            return [0];
        }

        var order = new List<int>(n);
        var stack = new Stack<int>();
        stack.Push(n + merges.Length - 1);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node < n)
            {
                order.Add(node);
                continue;
            }

            var merge = merges[node - n];
            stack.Push(merge.Right);
            stack.Push(merge.Left);
        }

        return [.. order];
    }

    /// <summary>Prim's algorithm; merge k joins the k-th added leaf to the next at the distance it was added at.</summary>
    private static Merge[] SpanningTree(double[,] d)
    {
        var n = d.GetLength(0);
        var merged = new bool[n];
        var nearest = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
        var result = new Merge[n - 1];
        var x = 0;
        for (var k = 0; k < n - 1; k++)
        {
            merged[x] = true;
            var (best, y) = (double.PositiveInfinity, -1);
            for (var i = 0; i < n; i++)
            {
                if (merged[i])
                {
                    continue;
                }

                nearest[i] = Math.Min(nearest[i], d[x, i]);
                if (nearest[i] < best || y < 0)
                {
                    (best, y) = (nearest[i], i);
                }
            }

            result[k] = new Merge(x, y, best, 0);
            x = y;
        }

        return result;
    }

    private static Merge[] NearestNeighbourChain(double[,] distances, LinkageMethod method)
    {
        var n = distances.GetLength(0);
        var d = (double[,])distances.Clone();
        var size = Enumerable.Repeat(1, n).ToArray();
        var chain = new List<int>(n);
        var result = new Merge[n - 1];
        for (var k = 0; k < n - 1; k++)
        {
            int x, y = -1;
            double best;
            if (chain.Count == 0)
            {
                chain.Add(Array.FindIndex(size, s => s > 0));
            }

            while (true)
            {
                x = chain[^1];
                (best, y) = chain.Count > 1 ? (d[x, chain[^2]], chain[^2]) : (double.PositiveInfinity, -1);
                for (var i = 0; i < n; i++)
                {
                    if (size[i] == 0 || i == x)
                    {
                        continue;
                    }

                    if (d[x, i] < best)
                    {
                        (best, y) = (d[x, i], i);
                    }
                }

                if (chain.Count > 1 && y == chain[^2])
                {
                    break;
                }

                chain.Add(y);
            }

            chain.RemoveRange(chain.Count - 2, 2);
            if (x > y)
            {
                (x, y) = (y, x);
            }

            var (nx, ny) = (size[x], size[y]);
            result[k] = new Merge(x, y, best, nx + ny);
            size[x] = 0;
            size[y] = nx + ny;
            for (var i = 0; i < n; i++)
            {
                if (size[i] == 0 || i == y)
                {
                    continue;
                }

                d[i, y] = d[y, i] = Update(method, d[i, x], d[i, y], best, nx, ny, size[i]);
            }
        }

        return result;
    }

    /// <summary>Lance-Williams: the distance from cluster i to the union of x and y.</summary>
    private static double Update(LinkageMethod method, double dix, double diy, double dxy, int nx, int ny, int ni) => method switch
    {
        LinkageMethod.Complete => Math.Max(dix, diy),
        LinkageMethod.Average => (nx * dix + ny * diy) / (nx + ny),
        LinkageMethod.Weighted => 0.5 * (dix + diy),
        LinkageMethod.Ward => Math.Sqrt(((ni + nx) * dix * dix + (ni + ny) * diy * diy - ni * dxy * dxy) / (nx + ny + ni)),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
    };

    /// <summary>Union-find relabelling: the k-th merge becomes cluster n + k; each merge names the smaller root first.</summary>
    private static Merge[] Label(Merge[] merges, int n)
    {
        var parent = Enumerable.Range(0, 2 * n - 1).ToArray();
        var sizes = new int[2 * n - 1];
        Array.Fill(sizes, 1, 0, n);
        var result = new Merge[merges.Length];
        for (var k = 0; k < merges.Length; k++)
        {
            var (a, b) = (Find(merges[k].Left), Find(merges[k].Right));
            var (left, right) = a < b ? (a, b) : (b, a);
            var label = n + k;
            parent[left] = parent[right] = label;
            sizes[label] = sizes[left] + sizes[right];
            result[k] = new Merge(left, right, merges[k].Distance, sizes[label]);
        }

        return result;

        int Find(int x)
        {
            var root = x;
            while (parent[root] != root)
            {
                root = parent[root];
            }

            while (parent[x] != root)
            {
                (parent[x], x) = (root, parent[x]);
            }

            return root;
        }
    }
}
