using System;
using System.Numerics;
using NUnit.Framework;

namespace Dual.MathNet.Tests;

/// <summary>
/// <see cref="SparseMatrices.ToMathNet(SparseDerivative{double})"/> against hand-derived dense Jacobians and Hessians
/// (the oracle): every entry, the stored structure, MathNet's matrix-vector product, and independence from later
/// evaluations.
/// </summary>
[TestFixture]
public sealed class SparseMatrixTests
{
    /// <summary>yᵢ = xᵢ²·xᵢ₊₁ (i &lt; n − 1), yₙ₋₁ = sin(xₙ₋₁)·x₀: two entries per row, one wrapping round.</summary>
    private readonly struct Cyclic : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            int n = x.Length;
            for (int i = 0; i + 1 < n; i++)
            {
                y[i] = x[i] * x[i] * x[i + 1];
            }
            y[n - 1] = TNum.Sin(x[n - 1]) * x[0];
        }
    }

    /// <summary>f = Σ xᵢ²·xᵢ₊₁: a tridiagonal Hessian.</summary>
    private readonly struct Chain : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero;
            for (int i = 0; i + 1 < x.Length; i++)
            {
                sum += x[i] * x[i] * x[i + 1];
            }
            return sum;
        }
    }

    private static double[] Point(int n)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = 0.3 + 0.17 * i - 0.01 * i * i;
        }
        return x;
    }

    /// <summary>The closed-form Jacobian of <see cref="Cyclic"/>.</summary>
    private static double[,] CyclicJacobian(double[] x)
    {
        int n = x.Length;
        var j = new double[n, n];
        for (int i = 0; i + 1 < n; i++)
        {
            j[i, i] = 2 * x[i] * x[i + 1];
            j[i, i + 1] = x[i] * x[i];
        }
        j[n - 1, n - 1] = Math.Cos(x[n - 1]) * x[0];
        j[n - 1, 0] = Math.Sin(x[n - 1]);
        return j;
    }

    [TestCase(2)]
    [TestCase(7)]
    [TestCase(40)]
    public void A_double_Jacobian_becomes_the_same_MathNet_sparse_matrix(int n)
    {
        double[] x = Point(n);
        SparseJacobian<double> jacobian = AutoDiff.SparseJacobian<double, Cyclic>(default, x, n);
        global::MathNet.Numerics.LinearAlgebra.Double.SparseMatrix m = jacobian.ToMathNet();
        double[,] expected = CyclicJacobian(x);

        Assert.That((m.RowCount, m.ColumnCount), Is.EqualTo((n, n)));
        Assert.That(m.NonZerosCount, Is.EqualTo(2 * n), "the pattern's entries, nothing else");
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                Assert.That(m[i, k], Is.EqualTo(expected[i, k]).Within(1e-15 * Math.Max(1, Math.Abs(expected[i, k]))), $"[{i}, {k}]");
            }
        }

        var v = global::MathNet.Numerics.LinearAlgebra.Vector<double>.Build.Dense(n, k => 1.0 / (k + 1));
        var product = m * v;
        for (int i = 0; i < n; i++)
        {
            double oracle = 0;
            for (int k = 0; k < n; k++)
            {
                oracle += expected[i, k] * v[k];
            }
            Assert.That(product[i], Is.EqualTo(oracle).Within(1e-14 * Math.Max(1, Math.Abs(oracle))), $"(J·v)[{i}]");
        }
    }

    [Test]
    public void A_float_Jacobian_becomes_a_single_precision_MathNet_sparse_matrix()
    {
        const int n = 9;
        double[] xd = Point(n);
        float[] x = Array.ConvertAll(xd, v => (float)v);
        global::MathNet.Numerics.LinearAlgebra.Single.SparseMatrix m = AutoDiff.SparseJacobian<float, Cyclic>(default, x, n).ToMathNet();
        double[,] expected = CyclicJacobian(Array.ConvertAll(x, v => (double)v));

        Assert.That(m.NonZerosCount, Is.EqualTo(2 * n));
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                Assert.That(m[i, k], Is.EqualTo(expected[i, k]).Within(4e-7 * Math.Max(1, Math.Abs(expected[i, k]))), $"[{i}, {k}]");
            }
        }
    }

    [Test]
    public void A_Hessian_becomes_a_symmetric_MathNet_sparse_matrix()
    {
        const int n = 12;
        double[] x = Point(n);
        global::MathNet.Numerics.LinearAlgebra.Double.SparseMatrix h = AutoDiff.SparseHessian<double, Chain>(default, x).ToMathNet();

        // ∂²/∂xᵢ² = 2xᵢ₊₁ (i < n − 1), ∂²/∂xᵢ∂xᵢ₊₁ = 2xᵢ; everything else 0.
        for (int i = 0; i < n; i++)
        {
            for (int k = 0; k < n; k++)
            {
                double expected = i == k && i + 1 < n ? 2 * x[i + 1]
                    : k == i + 1 ? 2 * x[i]
                    : i == k + 1 ? 2 * x[k]
                    : 0;
                Assert.That(h[i, k], Is.EqualTo(expected).Within(1e-15), $"[{i}, {k}]");
            }
        }
        Assert.That(h.IsSymmetric(), Is.True);
    }

    [Test]
    public void The_MathNet_matrix_is_a_copy_that_later_evaluations_leave_alone()
    {
        const int n = 5;
        double[] x = Point(n);
        var prepared = AutoDiff.PrepareSparseJacobian<double, Cyclic>(default, x, n);
        SparseJacobian<double> jacobian = prepared.CreateResult();
        prepared.Evaluate(x, new double[n], jacobian);
        var m = jacobian.ToMathNet();
        double before = m[0, 1];

        double[] moved = Array.ConvertAll(x, v => v + 1);
        prepared.Evaluate(moved, new double[n], jacobian);
        Assert.That(jacobian[0, 1], Is.EqualTo(moved[0] * moved[0]).Within(1e-15), "the Dual matrix was refilled");
        Assert.That(m[0, 1], Is.EqualTo(before), "the MathNet matrix was not");
        Assert.That(before, Is.EqualTo(x[0] * x[0]).Within(1e-15));
    }

    [Test]
    public void A_null_matrix_is_named()
    {
        Assert.That(() => SparseMatrices.ToMathNet((SparseJacobian<double>)null!),
            Throws.ArgumentNullException.With.Property("ParamName").EqualTo("matrix"));
    }
}
