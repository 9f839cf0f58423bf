using System;
using System.Collections.Generic;
using System.Linq;
using Dual;
using Dual.Samples.SparseJacobians;
using NUnit.Framework;

namespace Dual.Samples.Tests;

/// <summary>The Brusselator sample at a small grid, against a hand-derived Jacobian and an independent implicit-Euler
/// solver (MathNet's dense LU on that Jacobian).</summary>
public class SparseJacobiansTests
{
    private const int Grid = 6, Steps = 4;
    private const double TimeStep = 0.05, StartTime = 1.0;

    private static readonly BrusselatorResult Result = BrusselatorExample.Run(Grid, Steps, TimeStep, StartTime, timingBudgetMilliseconds: 5);

    /// <summary>∂f/∂state by hand: the Laplacian's α at the four neighbours and −4α on the diagonal, plus the reaction
    /// terms ∂(u²v)/∂u = 2uv, ∂(u²v)/∂v = u².</summary>
    private static double[,] AnalyticJacobian(int n, double[] state)
    {
        int nn = n * n, size = 2 * nn;
        double h = 1.0 / (n - 1), alpha = Brusselator2D.Alpha / (h * h);
        var j = new double[size, size];
        for (int y = 0; y < n; y++)
        {
            for (int x = 0; x < n; x++)
            {
                int c = x + n * y;
                int[] neighbours = [(x + n - 1) % n + n * y, (x + 1) % n + n * y, x + n * ((y + 1) % n), x + n * ((y + n - 1) % n)];
                double u = state[c], v = state[nn + c];
                foreach (int k in neighbours)
                {
                    j[c, k] += alpha;
                    j[nn + c, nn + k] += alpha;
                }
                j[c, c] += -4 * alpha + 2 * u * v - (Brusselator2D.A + 1);
                j[c, nn + c] += u * u;
                j[nn + c, c] += Brusselator2D.A - 2 * u * v;
                j[nn + c, nn + c] += -4 * alpha - u * u;
            }
        }
        return j;
    }

    [Test]
    public void Sparse_jacobian_at_the_final_state_equals_the_hand_derived_one()
    {
        double[,] expected = AnalyticJacobian(Grid, Result.FinalState);
        double[,] actual = Result.JacobianAtFinalState.ToDense();
        int size = Result.StateLength;
        Assert.That(size, Is.EqualTo(2 * Grid * Grid));
        for (int i = 0; i < size; i++)
        {
            for (int k = 0; k < size; k++)
            {
                Assert.That(actual[i, k], Is.EqualTo(expected[i, k]).Within(1e-12 * (1 + Math.Abs(expected[i, k]))), $"J[{i}, {k}]");
            }
        }
        Assert.That(Result.NonZeros, Is.EqualTo(6 * size));   // 5-point stencil + the other species at the same point
    }

    [Test]
    public void Implicit_euler_matches_an_independent_dense_newton_solve()
    {
        var f = new Brusselator2D(Grid, StartTime);
        double[] u = f.InitialState();
        int size = u.Length;
        double t = StartTime;
        for (int step = 0; step < Steps; step++)
        {
            t += TimeStep;
            double[] previous = (double[])u.Clone();
            for (int iteration = 0; iteration < 30; iteration++)
            {
                var values = new double[size];
                f.At(t).Evaluate<double>(u, values);
                double[,] jacobian = AnalyticJacobian(Grid, u);
                var matrix = new double[size, size];
                var rhs = new double[size];
                for (int i = 0; i < size; i++)
                {
                    rhs[i] = -(u[i] - previous[i] - TimeStep * values[i]);
                    for (int k = 0; k < size; k++) matrix[i, k] = (i == k ? 1 : 0) - TimeStep * jacobian[i, k];
                }
                double[] delta = global::MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfArray(matrix).Solve(global::MathNet.Numerics.LinearAlgebra.Vector<double>.Build.DenseOfArray(rhs)).ToArray();
                for (int i = 0; i < size; i++) u[i] += delta[i];
                if (delta.Max(Math.Abs) < 1e-13) break;
            }
        }
        Assert.That(Result.FinalTime, Is.EqualTo(t).Within(1e-12));
        for (int i = 0; i < size; i++)
        {
            Assert.That(Result.FinalState[i], Is.EqualTo(u[i]).Within(1e-8), $"state[{i}]");
        }
        Assert.That(Result.MaxFinalResidual, Is.LessThanOrEqualTo(1e-10));
        Assert.That(Result.NewtonIterations, Is.InRange(Steps, 10 * Steps));
    }

    [Test]
    public void Colouring_is_valid_and_needs_one_pass()
    {
        SparsityPattern pattern = Result.JacobianAtFinalState.Pattern;
        Coloring coloring = GraphColoring.ColumnColoring(pattern, ColoringOrder.Best);
        Assert.That(coloring.ColorCount, Is.EqualTo(Result.ColorCount));
        for (int i = 0; i < pattern.RowCount; i++)
        {
            var colours = new HashSet<int>();
            foreach (int k in pattern.Row(i)) Assert.That(colours.Add(coloring.Colors[k]), Is.True, $"row {i} repeats colour {coloring.Colors[k]}");
        }
        // Six entries per row need at least six colours; the best ordering is never worse than any single one.
        Assert.That(Result.ColorCount, Is.GreaterThanOrEqualTo(6).And.LessThanOrEqualTo(Result.ColorsByOrder.Values.Min()));
        Assert.That(Result.PassesPerJacobian, Is.EqualTo((Result.ColorCount + Result.ChunkSize - 1) / Result.ChunkSize));
        Assert.That(Result.PassesPerJacobian, Is.EqualTo(1));
        Assert.That(Result.DensePassesPerJacobian, Is.EqualTo((2 * Grid * Grid + 15) / 16));
    }

    [Test]
    public void Coloured_central_differences_agree_to_their_truncation_error()
    {
        Assert.That(Result.MaxFiniteDifferenceError, Is.GreaterThan(0).And.LessThan(1e-5));
        Assert.That(Result.SparseMicroseconds, Is.GreaterThan(0));
        Assert.That(Result.DenseMicroseconds, Is.GreaterThan(0));
        Assert.That(Result.FiniteDifferenceMicroseconds, Is.GreaterThan(0));
    }
}
