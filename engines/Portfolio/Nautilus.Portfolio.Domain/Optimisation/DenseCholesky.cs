namespace Nautilus.Portfolio.Domain.Optimisation;

/// <summary>In-place Cholesky factor <c>L L'</c> of a dense symmetric positive definite matrix (row-major), and its solves.</summary>
public sealed class DenseCholesky
{
    private readonly double[] _l;
    private readonly double[] _lt; // L' row by row, so the back substitution reads memory in order
    private readonly int _n;

    private DenseCholesky(double[] l, int n)
    {
        (_l, _n) = (l, n);
        _lt = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                _lt[j * n + i] = l[i * n + j];
            }
        }
    }

    /// <summary>Null when the matrix is not positive definite.</summary>
    public static DenseCholesky? TryFactor(ReadOnlySpan<double> matrix, int n)
    {
        var l = matrix.ToArray();
        for (var j = 0; j < n; j++)
        {
            var rowJ = l.AsSpan(j * n, n);
            var d = rowJ[j] - Dot(rowJ[..j], rowJ[..j]);
            if (!(d > 0) || double.IsNaN(d))
            {
                return null;
            }

            var ljj = Math.Sqrt(d);
            rowJ[j] = ljj;
            for (var i = j + 1; i < n; i++)
            {
                var rowI = l.AsSpan(i * n, n);
                rowI[j] = (rowI[j] - Dot(rowI[..j], rowJ[..j])) / ljj;
            }
        }

        return new DenseCholesky(l, n);
    }

    /// <summary>Solves <c>L L' x = b</c> in place.</summary>
    public void Solve(Span<double> b)
    {
        for (var i = 0; i < _n; i++)
        {
            var row = _l.AsSpan(i * _n, _n);
            b[i] = (b[i] - Dot(row[..i], b[..i])) / row[i];
        }

        for (var i = _n - 1; i >= 0; i--)
        {
            var row = _lt.AsSpan(i * _n, _n);
            b[i] = (b[i] - Dot(row[(i + 1)..], b[(i + 1)..])) / row[i];
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
