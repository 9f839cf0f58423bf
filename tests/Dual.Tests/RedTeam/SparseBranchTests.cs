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
    public void A_local_pattern_is_exact_where_the_branch_goes_the_same_way()
    {
        var prepared = AutoDiff.PrepareSparseJacobian<double, Switching>(default, new[] { 1.0, 2.0, 3.0 }, 3, SparsityDetection.Local);
        var result = prepared.CreateResult();
        var values = new double[3];
        double[] x = [0.5, -1.5, 4.0];
        prepared.Evaluate(x, values, result);
        double[,] dense = Dense(x);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.That(result[i, j], Is.EqualTo(dense[i, j]), $"J[{i},{j}]");
            }
        }
    }

    [Test]
    [Ignore("known: a Local pattern evaluated where a branch flips adds the other branch's entries into a same-coloured " +
            "neighbour (documented in docs/sparse.md, but a silent wrong number; detecting it needs the branch outcomes " +
            "recorded at preparation and checked on each Evaluate, which the Dual evaluation has no hook for)")]
    public void A_prepared_local_pattern_never_returns_wrong_entries_after_the_branch_flips()
    {
        var prepared = AutoDiff.PrepareSparseJacobian<double, Switching>(default, new[] { 1.0, 2.0, 3.0 }, 3, SparsityDetection.Local);
        var result = prepared.CreateResult();
        var values = new double[3];
        double[] x = [-0.5, -1.5, 4.0];
        try
        {
            prepared.Evaluate(x, values, result);
        }
        catch (InvalidOperationException)
        {
            return; // refusing is acceptable
        }
        double[,] dense = Dense(x);
        for (int i = 0; i < 3; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.That(result[i, j], Is.EqualTo(dense[i, j]), $"J[{i},{j}] at x₀ < 0");
            }
        }
    }
}
