using System;
using System.Numerics;
using NUnit.Framework;

namespace Dual.Tests.RedTeam;

/// <summary>
/// Sparse Jacobians of a function whose sparsity depends on a branch. Global detection must refuse the branch; a
/// local pattern is valid only where the branches go the same way, and evaluating a prepared object elsewhere must
/// not return wrong entries silently. Oracle: the dense Jacobian (one Dual&lt;double&gt; pass per column).
/// </summary>
[TestFixture]
public sealed class SparseBranchTests
{
    /// <summary>y₀ = x₀ &gt; 0 ? x₁² : x₂², y₁ = x₂·x₀, y₂ = 3x₁: at x₀ &gt; 0 the local pattern misses (0, 2).</summary>
    private struct Switching : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            y[0] = x[0] > TNum.Zero ? x[1] * x[1] : x[2] * x[2];
            y[1] = x[2] * x[0];
            y[2] = x[1] * TNum.CreateChecked(3);
        }
    }

    private static double[,] Dense(double[] x) => AutoDiff.Jacobian<double, Switching>(default, x, 3);

    [Test]
    public void Global_detection_refuses_the_branch()
        => Assert.Throws<SparsityDetectionException>(() => AutoDiff.JacobianSparsity<double, Switching>(default, new[] { 1.0, 2.0, 3.0 }, 3));

    [Test]
    public void A_local_pattern_that_branched_says_so_and_a_branch_free_one_does_not()
    {
        Assert.That(AutoDiff.JacobianSparsity<double, Switching>(default, new[] { 1.0, 2.0, 3.0 }, 3, SparsityDetection.Local).DependsOnBranches, Is.True);
        Assert.That(AutoDiff.JacobianSparsity<double, Smooth>(default, new[] { 1.0, 2.0, 3.0 }, 3, SparsityDetection.Local).DependsOnBranches, Is.False);
        Assert.That(AutoDiff.JacobianSparsity<double, Smooth>(default, new[] { 1.0, 2.0, 3.0 }, 3).DependsOnBranches, Is.False);
    }

    [Test]
    public void Preparing_from_a_branch_dependent_local_pattern_is_refused_naming_the_parameter()
    {
        var e1 = Assert.Throws<ArgumentException>(() =>
            AutoDiff.PrepareSparseJacobian<double, Switching>(default, new[] { 1.0, 2.0, 3.0 }, 3, SparsityDetection.Local))!;
        Assert.That(e1.ParamName, Is.EqualTo("detection"));
        Assert.That(e1.Message, Does.Contain("branch"));
        SparsityPattern local = AutoDiff.JacobianSparsity<double, Switching>(default, new[] { 1.0, 2.0, 3.0 }, 3, SparsityDetection.Local);
        var e2 = Assert.Throws<ArgumentException>(() => AutoDiff.PrepareSparseJacobian<double, Switching>(default, new[] { 1.0, 2.0, 3.0 }, local))!;
        Assert.That(e2.ParamName, Is.EqualTo("pattern"));
        Assert.Throws<ArgumentException>(() => AutoDiff.SparseJacobian<double, Switching>(default, new[] { -0.5, 2.0, 3.0 }, local));
        Assert.Throws<ArgumentException>(() => AutoDiff.PrepareSparseJacobian<double, Switching>(default, new[] { 1.0, 2.0, 3.0 }, local.Transpose().Transpose()),
            "a transposed pattern keeps the flag");
    }

    [Test]
    public void Preparing_a_branchy_Hessian_from_a_local_pattern_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            AutoDiff.PrepareSparseHessian<double, BranchyObjective>(default, new[] { 1.0, 2.0, 3.0 }, SparsityDetection.Local))!;
        Assert.That(e.ParamName, Is.EqualTo("detection"));
    }

    [TestCase(1.0)]
    [TestCase(-0.5)]
    public void The_one_shot_local_sparse_Jacobian_is_exact_on_either_side(double x0)
    {
        // Detected and evaluated at the same x: the pattern is the one this x needs. Oracle: the dense Jacobian.
        double[] x = [x0, -1.5, 4.0];
        SparseJacobian<double> j = AutoDiff.SparseJacobian<double, Switching>(default, x, 3, SparsityDetection.Local);
        double[,] dense = Dense(x);
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                Assert.That(j[r, c], Is.EqualTo(dense[r, c]), $"J[{r},{c}] at x0 = {x0}");
        Assert.That(j[0, x0 > 0 ? 1 : 2], Is.EqualTo(x0 > 0 ? 2 * -1.5 : 2 * 4.0), "closed form: 2x1 or 2x2");
    }

    [TestCase(1.0)]
    [TestCase(-0.5)]
    public void The_one_shot_local_sparse_Hessian_is_exact_on_either_side(double x0)
    {
        double[] x = [x0, 2.0, 3.0];
        SparseHessian<double> h = AutoDiff.SparseHessian<double, BranchyObjective>(default, x, SparsityDetection.Local);
        // f = x0 > 0 ? x1²·x2 : x2³ → closed-form Hessians.
        double[,] expected = x0 > 0
            ? new double[,] { { 0, 0, 0 }, { 0, 2 * x[2], 2 * x[1] }, { 0, 2 * x[1], 0 } }
            : new double[,] { { 0, 0, 0 }, { 0, 0, 0 }, { 0, 0, 6 * x[2] } };
        for (int r = 0; r < 3; r++)
            for (int c = 0; c < 3; c++)
                Assert.That(h[r, c], Is.EqualTo(expected[r, c]), $"H[{r},{c}] at x0 = {x0}");
    }

    [Test]
    public void A_pattern_rebuilt_with_FromCsr_is_the_callers_word_and_prepares()
    {
        SparsityPattern local = AutoDiff.JacobianSparsity<double, Switching>(default, new[] { 1.0, 2.0, 3.0 }, 3, SparsityDetection.Local);
        SparsityPattern vouched = SparsityPattern.FromCsr(local.RowCount, local.ColumnCount, local.RowOffsets, local.ColumnIndices);
        Assert.That(vouched.DependsOnBranches, Is.False);
        var prepared = AutoDiff.PrepareSparseJacobian<double, Switching>(default, new[] { 1.0, 2.0, 3.0 }, vouched);
        var result = prepared.CreateResult();
        double[] x = [0.5, -1.5, 4.0]; // the same branch: exact
        prepared.Evaluate(x, new double[3], result);
        Assert.That(result[0, 1], Is.EqualTo(2 * -1.5));
        Assert.That(result[1, 0], Is.EqualTo(4.0));
        Assert.That(result[1, 2], Is.EqualTo(0.5));
    }

    private struct Smooth : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            y[0] = x[1] * x[1];
            y[1] = x[2] * x[0];
            y[2] = TNum.Max(x[1], x[2]); // Max is not a branch: it keeps both operands' dependencies
        }
    }

    private struct BranchyObjective : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
            => x[0] > TNum.Zero ? x[1] * x[1] * x[2] : x[2] * x[2] * x[2];
    }
}
