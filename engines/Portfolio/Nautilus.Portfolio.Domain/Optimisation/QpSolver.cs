using MathNet.Numerics.LinearAlgebra;

namespace Nautilus.Portfolio.Domain.Optimisation;

public enum QpStatus
{
    Solved,
    PrimalInfeasible,
    MaxIterations,
}

/// <summary>A solution: <see cref="Polished"/> when the active set was found and solved exactly (residuals at rounding level).</summary>
public sealed record QpSolution(double[] X, QpStatus Status, int Iterations, bool Polished, double PrimalResidual, double DualResidual);

public sealed record QpSettings(
    double Rho = 0.1,
    double Sigma = 1e-6,
    double Alpha = 1.6,
    double EpsAbs = 1e-7,
    double EpsRel = 1e-7,
    int MaxIterations = 50_000,
    double EpsInfeasible = 1e-6);

/// <summary>
/// Convex QP solver: the operator-splitting ADMM of OSQP (Stellato, Banjac, Goulart, Bemporad, Boyd 2020: "OSQP: an
/// operator splitting solver for quadratic programs"), dense factorisation of the reduced KKT matrix with the variable bounds
/// handled as an identity block, adaptive step size and the primal-infeasibility certificate; then an exact polish: the
/// active set ADMM points at is solved as an equality-constrained QP and checked (feasibility and multiplier signs), with
/// a few active-set corrections when the guess is slightly off. A polished answer is exact to rounding; an unpolished one
/// meets the ADMM tolerances.
/// </summary>
public static class QpSolver
{
    private const double RhoMin = 1e-6;
    private const double RhoMax = 1e6;
    private const double EqualityRhoScale = 1e3;
    private const int CheckEvery = 10;
    private const int AdaptEvery = 50;

    public static QpSolution Solve(QuadraticProgram qp, QpSettings? settings = null, double[]? warmStart = null)
    {
        var s = settings ?? new QpSettings();
        var n = qp.N;
        var m = qp.Rows.Count;
        var total = n + m;
        var l = new double[total];
        var u = new double[total];
        qp.Lower.CopyTo(l, 0);
        qp.Upper.CopyTo(u, 0);
        for (var r = 0; r < m; r++)
        {
            (l[n + r], u[n + r]) = (qp.Rows[r].Lower, qp.Rows[r].Upper);
        }

        var rho = new double[total];
        var rhoScalar = s.Rho;
        var factor = Factor(qp, l, u, rho, rhoScalar, s.Sigma) ?? throw new InvalidOperationException("KKT matrix not positive definite");

        var x = warmStart is { Length: var len } && len == n ? (double[])warmStart.Clone() : new double[n];
        var z = new double[total];
        var y = new double[total];
        var ax = new double[total];
        Multiply(qp, x, ax);
        for (var i = 0; i < total; i++)
        {
            z[i] = Math.Clamp(ax[i], l[i], u[i]);
        }

        var rhs = new double[n];
        var xt = new double[n];
        var zt = new double[total];
        var work = new double[total];
        var px = new double[n];
        var aty = new double[n];
        var dy = new double[total];
        var atdy = new double[n];
        double prim = double.PositiveInfinity, dual = double.PositiveInfinity;
        var status = QpStatus.MaxIterations;
        var iteration = 0;
        var polished = false;
        var nextPolish = 200;
        while (iteration < s.MaxIterations)
        {
            iteration++;
            // x̃ from (P + σI + A'ρA) x̃ = σx − q + A'(ρz − y)
            for (var i = 0; i < total; i++)
            {
                work[i] = rho[i] * z[i] - y[i];
            }

            MultiplyTransposed(qp, work, rhs);
            for (var i = 0; i < n; i++)
            {
                rhs[i] += s.Sigma * x[i] - qp.Q[i];
            }

            rhs.CopyTo(xt, 0);
            factor.Solve(xt);
            Multiply(qp, xt, zt);
            for (var i = 0; i < n; i++)
            {
                x[i] = s.Alpha * xt[i] + (1 - s.Alpha) * x[i];
            }

            for (var i = 0; i < total; i++)
            {
                var relaxed = s.Alpha * zt[i] + (1 - s.Alpha) * z[i];
                var next = Math.Clamp(relaxed + y[i] / rho[i], l[i], u[i]);
                var yNext = y[i] + rho[i] * (relaxed - next);
                dy[i] = yNext - y[i];
                y[i] = yNext;
                z[i] = next;
            }

            if (iteration % CheckEvery != 0)
            {
                continue;
            }

            var (axNorm, zNorm, pxNorm, atyNorm) = Residuals(qp, x, z, y, ax, px, aty, out prim, out dual);
            var qNorm = MaxAbs(qp.Q);
            var epsPrim = s.EpsAbs + s.EpsRel * Math.Max(axNorm, zNorm);
            var epsDual = s.EpsAbs + s.EpsRel * Math.Max(Math.Max(pxNorm, atyNorm), qNorm);
            if (prim <= epsPrim && dual <= epsDual)
            {
                status = QpStatus.Solved;
                break;
            }

            if (PrimalInfeasible(qp, dy, atdy, l, u, s.EpsInfeasible))
            {
                return new QpSolution(x, QpStatus.PrimalInfeasible, iteration, false, prim, dual);
            }

            // Try the exact answer early: ADMM usually names the active set long before it meets tight tolerances.
            if (iteration >= nextPolish && prim <= 1e-3 * (1 + zNorm) && dual <= 1e-3 * (1 + qNorm))
            {
                nextPolish = iteration * 2;
                if (Polish(qp, x, z, y, l, u) is { } exact)
                {
                    exact.CopyTo(x, 0);
                    polished = true;
                    status = QpStatus.Solved;
                    break;
                }
            }

            if (iteration % AdaptEvery == 0)
            {
                var ratio = prim / Math.Max(Math.Max(axNorm, zNorm), 1e-30)
                    / (dual / Math.Max(Math.Max(Math.Max(pxNorm, atyNorm), qNorm), 1e-30));
                var estimate = Math.Clamp(rhoScalar * Math.Sqrt(ratio), RhoMin, RhoMax);
                if (double.IsFinite(estimate) && (estimate > 5 * rhoScalar || estimate < rhoScalar / 5))
                {
                    rhoScalar = estimate;
                    factor = Factor(qp, l, u, rho, rhoScalar, s.Sigma) ?? factor;
                }
            }
        }

        if (!polished && Polish(qp, x, z, y, l, u) is { } final)
        {
            final.CopyTo(x, 0);
            polished = true;
            status = QpStatus.Solved;
        }

        if (polished)
        {
            Multiply(qp, x, ax);
            prim = 0;
            for (var i = 0; i < total; i++)
            {
                prim = Math.Max(prim, Math.Max(l[i] - ax[i], ax[i] - u[i]));
            }

            dual = 0;
        }

        return new QpSolution(x, status, iteration, polished, prim, dual);
    }

    private static DenseCholesky? Factor(QuadraticProgram qp, double[] l, double[] u, double[] rho, double rhoScalar, double sigma)
    {
        var n = qp.N;
        for (var i = 0; i < rho.Length; i++)
        {
            rho[i] = double.IsNegativeInfinity(l[i]) && double.IsPositiveInfinity(u[i]) ? RhoMin
                : l[i] == u[i] ? EqualityRhoScale * rhoScalar
                : rhoScalar;
        }

        var k = (double[])qp.P.Clone();
        for (var i = 0; i < n; i++)
        {
            k[i * n + i] += sigma + rho[i];
        }

        for (var r = 0; r < qp.Rows.Count; r++)
        {
            var row = qp.Rows[r];
            var weight = rho[n + r];
            for (var a = 0; a < row.Indices.Length; a++)
            {
                var ia = row.Indices[a] * n;
                var va = weight * row.Values[a];
                for (var b = 0; b < row.Indices.Length; b++)
                {
                    k[ia + row.Indices[b]] += va * row.Values[b];
                }
            }
        }

        return DenseCholesky.TryFactor(k, n);
    }

    /// <summary>A x: the identity block (variable bounds) then the rows.</summary>
    private static void Multiply(QuadraticProgram qp, ReadOnlySpan<double> x, Span<double> result)
    {
        x.CopyTo(result);
        for (var r = 0; r < qp.Rows.Count; r++)
        {
            result[qp.N + r] = qp.Rows[r].Dot(x);
        }
    }

    /// <summary>A' v.</summary>
    private static void MultiplyTransposed(QuadraticProgram qp, ReadOnlySpan<double> v, Span<double> result)
    {
        v[..qp.N].CopyTo(result);
        for (var r = 0; r < qp.Rows.Count; r++)
        {
            var row = qp.Rows[r];
            var vr = v[qp.N + r];
            if (vr == 0)
            {
                continue;
            }

            for (var k = 0; k < row.Indices.Length; k++)
            {
                result[row.Indices[k]] += row.Values[k] * vr;
            }
        }
    }

    private static void MultiplyP(QuadraticProgram qp, ReadOnlySpan<double> x, Span<double> result)
    {
        var n = qp.N;
        for (var i = 0; i < n; i++)
        {
            result[i] = System.Numerics.Tensors.TensorPrimitives.Dot(qp.P.AsSpan(i * n, n), x);
        }
    }

    private static (double Ax, double Z, double Px, double Aty) Residuals(QuadraticProgram qp, double[] x, double[] z, double[] y,
        double[] ax, double[] px, double[] aty, out double prim, out double dual)
    {
        Multiply(qp, x, ax);
        MultiplyP(qp, x, px);
        MultiplyTransposed(qp, y, aty);
        prim = 0;
        for (var i = 0; i < ax.Length; i++)
        {
            prim = Math.Max(prim, Math.Abs(ax[i] - z[i]));
        }

        dual = 0;
        for (var i = 0; i < qp.N; i++)
        {
            dual = Math.Max(dual, Math.Abs(px[i] + qp.Q[i] + aty[i]));
        }

        return (MaxAbs(ax), MaxAbs(z), MaxAbs(px), MaxAbs(aty));
    }

    /// <summary>
    /// OSQP's certificate: a step δy with A'δy ≈ 0 and u'max(δy, 0) + l'min(δy, 0) &lt; 0 proves no x satisfies l ≤ Ax ≤ u.
    /// </summary>
    private static bool PrimalInfeasible(QuadraticProgram qp, double[] dy, double[] atdy, double[] l, double[] u, double eps)
    {
        var norm = MaxAbs(dy);
        if (norm < 1e-12)
        {
            return false;
        }

        MultiplyTransposed(qp, dy, atdy);
        if (MaxAbs(atdy) > eps * norm)
        {
            return false;
        }

        var support = 0.0;
        for (var i = 0; i < dy.Length; i++)
        {
            if (dy[i] > eps * norm)
            {
                if (double.IsPositiveInfinity(u[i]))
                {
                    return false;
                }

                support += u[i] * dy[i];
            }
            else if (dy[i] < -eps * norm)
            {
                if (double.IsNegativeInfinity(l[i]))
                {
                    return false;
                }

                support += l[i] * dy[i];
            }
        }

        return support < -eps * norm;
    }

    private enum Side : byte
    {
        Inactive,
        Lower,
        Upper,
        Fixed,
    }

    /// <summary>
    /// The exact solution on the active set ADMM indicates, corrected a few times (a primal-dual active-set step: a free
    /// variable or row past a bound becomes active there, an active one whose multiplier has the wrong sign is freed).
    /// Null when no consistent active set is found.
    /// </summary>
    private static double[]? Polish(QuadraticProgram qp, double[] x, double[] z, double[] y, double[] l, double[] u)
    {
        var n = qp.N;
        var total = l.Length;
        var side = new Side[total];
        for (var i = 0; i < total; i++)
        {
            side[i] = l[i] == u[i] ? Side.Fixed
                : z[i] - l[i] < -y[i] ? Side.Lower
                : u[i] - z[i] < y[i] ? Side.Upper
                : Side.Inactive;
        }

        var scale = 1 + MaxAbs(qp.Q) + MaxAbs(qp.P);
        for (var attempt = 0; attempt < 50 + total; attempt++)
        {
            DropDependentRows(qp, side);
            if (SolveOnActiveSet(qp, side, l, u) is not var (candidate, multipliers))
            {
                return null;
            }

            var ax = new double[total];
            Multiply(qp, candidate, ax);
            var px = new double[n];
            MultiplyP(qp, candidate, px);
            // Row multipliers go into the gradient; a fixed variable's multiplier is what is left of it.
            var gradient = new double[n];
            for (var i = 0; i < n; i++)
            {
                gradient[i] = px[i] + qp.Q[i];
            }

            for (var r = 0; r < qp.Rows.Count; r++)
            {
                var row = qp.Rows[r];
                for (var k = 0; k < row.Indices.Length; k++)
                {
                    gradient[row.Indices[k]] += row.Values[k] * multipliers[n + r];
                }
            }

            // One change at a time, the worst first (changing every offender at once can cycle at degenerate vertices):
            // a constraint the candidate breaks becomes active; failing that, an active one with a wrong-signed multiplier is freed.
            var (worstBreak, breakAt, breakSide) = (0.0, -1, Side.Inactive);
            var (worstSign, signAt) = (0.0, -1);
            for (var i = 0; i < total; i++)
            {
                var size = 1 + Math.Max(Math.Abs(double.IsFinite(l[i]) ? l[i] : 0), Math.Abs(double.IsFinite(u[i]) ? u[i] : 0));
                var multiplier = i < n ? -gradient[i] : multipliers[i];
                switch (side[i])
                {
                    case Side.Inactive when (l[i] - ax[i]) / size > Math.Max(1e-9, worstBreak):
                        (worstBreak, breakAt, breakSide) = ((l[i] - ax[i]) / size, i, Side.Lower);
                        break;
                    case Side.Inactive when (ax[i] - u[i]) / size > Math.Max(1e-9, worstBreak):
                        (worstBreak, breakAt, breakSide) = ((ax[i] - u[i]) / size, i, Side.Upper);
                        break;
                    case Side.Lower when multiplier / scale > Math.Max(1e-9, worstSign):
                        (worstSign, signAt) = (multiplier / scale, i);
                        break;
                    case Side.Upper when -multiplier / scale > Math.Max(1e-9, worstSign):
                        (worstSign, signAt) = (-multiplier / scale, i);
                        break;
                }
            }

            if (breakAt >= 0)
            {
                side[breakAt] = breakSide;
            }
            else if (signAt >= 0)
            {
                side[signAt] = Side.Inactive;
            }
            else
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>
    /// Degenerate vertices (a turnover variable at zero with both of its rows active, say) make active rows linearly dependent
    /// on the free variables and the KKT system singular: those rows are set inactive (modified Gram-Schmidt over the free
    /// variables, in order), to be made active again by the correction step if the solution breaks them.
    /// </summary>
    private static void DropDependentRows(QuadraticProgram qp, Side[] side)
    {
        var n = qp.N;
        var basis = new List<double[]>();
        for (var r = 0; r < qp.Rows.Count; r++)
        {
            if (side[n + r] == Side.Inactive)
            {
                continue;
            }

            var row = qp.Rows[r];
            var v = new double[n];
            for (var k = 0; k < row.Indices.Length; k++)
            {
                var j = row.Indices[k];
                if (j < n && side[j] == Side.Inactive)
                {
                    v[j] += row.Values[k];
                }
            }

            var norm = Math.Sqrt(v.Sum(x => x * x));
            foreach (var b in basis)
            {
                var projection = System.Numerics.Tensors.TensorPrimitives.Dot<double>(v, b);
                for (var j = 0; j < n; j++)
                {
                    v[j] -= projection * b[j];
                }
            }

            var remaining = Math.Sqrt(v.Sum(x => x * x));
            if (remaining <= 1e-10 * Math.Max(norm, 1))
            {
                side[n + r] = Side.Inactive;
                continue;
            }

            basis.Add([.. v.Select(x => x / remaining)]);
        }
    }

    /// <summary>
    /// Minimises the objective with the active bounds and rows held as equalities: active variables are fixed at their bound and
    /// the rest solve <c>[P_FF G'; G 0] [x_F; ν] = [−q_F − P_FB x_B; b − G_B x_B]</c>. Returns x and the multipliers (rows at
    /// n + r; zero for inactive ones), or null when the system is singular.
    /// </summary>
    private static (double[] X, double[] Multipliers)? SolveOnActiveSet(QuadraticProgram qp, Side[] side, double[] l, double[] u)
    {
        var n = qp.N;
        var x = new double[n];
        var free = new List<int>();
        for (var i = 0; i < n; i++)
        {
            switch (side[i])
            {
                case Side.Lower or Side.Fixed:
                    x[i] = l[i];
                    break;
                case Side.Upper:
                    x[i] = u[i];
                    break;
                default:
                    free.Add(i);
                    break;
            }
        }

        var active = new List<int>();
        for (var r = 0; r < qp.Rows.Count; r++)
        {
            if (side[n + r] != Side.Inactive)
            {
                active.Add(r);
            }
        }

        var f = free.Count;
        var size = f + active.Count;
        var multipliers = new double[n + qp.Rows.Count];
        if (size == 0)
        {
            return (x, multipliers);
        }

        var position = new int[n];
        Array.Fill(position, -1);
        for (var k = 0; k < f; k++)
        {
            position[free[k]] = k;
        }

        var kkt = Matrix<double>.Build.Dense(size, size);
        var rhs = Vector<double>.Build.Dense(size);
        for (var a = 0; a < f; a++)
        {
            var i = free[a];
            var sum = -qp.Q[i];
            for (var j = 0; j < n; j++)
            {
                var pij = qp.P[i * n + j];
                if (position[j] >= 0)
                {
                    kkt[a, position[j]] = pij;
                }
                else
                {
                    sum -= pij * x[j];
                }
            }

            rhs[a] = sum;
        }

        for (var c = 0; c < active.Count; c++)
        {
            var r = active[c];
            var row = qp.Rows[r];
            var target = side[n + r] == Side.Upper ? row.Upper : row.Lower;
            for (var k = 0; k < row.Indices.Length; k++)
            {
                var j = row.Indices[k];
                if (position[j] >= 0)
                {
                    kkt[f + c, position[j]] = row.Values[k];
                    kkt[position[j], f + c] = row.Values[k];
                }
                else
                {
                    target -= row.Values[k] * x[j];
                }
            }

            rhs[f + c] = target;
        }

        var solution = kkt.LU().Solve(rhs);
        // A singular system (a degenerate active set) shows as a non-finite or inexact solve.
        if (solution.Any(v => !double.IsFinite(v)) || (kkt * solution - rhs).InfinityNorm() > 1e-9 * (1 + rhs.InfinityNorm()))
        {
            return null;
        }

        for (var a = 0; a < f; a++)
        {
            x[free[a]] = solution[a];
        }

        for (var c = 0; c < active.Count; c++)
        {
            multipliers[n + active[c]] = solution[f + c];
        }

        return (x, multipliers);
    }

    private static double MaxAbs(ReadOnlySpan<double> v)
    {
        var max = 0.0;
        foreach (var value in v)
        {
            max = Math.Max(max, Math.Abs(value));
        }

        return max;
    }
}
