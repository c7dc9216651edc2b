namespace Nautilus.Portfolio.Domain.Optimisation;

/// <summary>One linear constraint <c>lower ≤ Σ values[k]·x[indices[k]] ≤ upper</c> (±∞ for a side that is open).</summary>
public sealed record LinearRow(int[] Indices, double[] Values, double Lower, double Upper)
{
    public double Dot(ReadOnlySpan<double> x)
    {
        var sum = 0.0;
        for (var k = 0; k < Indices.Length; k++)
        {
            sum += Values[k] * x[Indices[k]];
        }

        return sum;
    }

    public bool IsEquality => Lower == Upper;
}

/// <summary>
/// A convex quadratic program: minimise <c>½ x'Px + q'x</c> subject to variable bounds <c>lower ≤ x ≤ upper</c> and sparse
/// linear rows. <c>P</c> is dense, symmetric and positive semidefinite (row-major, n × n).
/// </summary>
public sealed class QuadraticProgram
{
    public QuadraticProgram(int n)
    {
        N = n;
        P = new double[n * n];
        Q = new double[n];
        Lower = Enumerable.Repeat(double.NegativeInfinity, n).ToArray();
        Upper = Enumerable.Repeat(double.PositiveInfinity, n).ToArray();
    }

    public int N { get; }

    public double[] P { get; }

    public double[] Q { get; }

    public double[] Lower { get; }

    public double[] Upper { get; }

    public List<LinearRow> Rows { get; } = [];

    public double Objective(ReadOnlySpan<double> x)
    {
        var value = 0.0;
        for (var i = 0; i < N; i++)
        {
            var px = 0.0;
            for (var j = 0; j < N; j++)
            {
                px += P[i * N + j] * x[j];
            }

            value += x[i] * (0.5 * px + Q[i]);
        }

        return value;
    }
}
