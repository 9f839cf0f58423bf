using System;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.Sparse;

/// <summary>Bad shapes are ArgumentExceptions that name the parameter and both sizes.</summary>
public class ArgumentTests
{
    private static void AssertNames(TestDelegate call, string parameter, params string[] fragments)
    {
        var error = Assert.Catch<ArgumentException>(call);
        Assert.That(error!.ParamName, Is.EqualTo(parameter));
        foreach (string fragment in fragments)
        {
            Assert.That(error.Message, Does.Contain(fragment));
        }
    }

    private static PreparedSparseJacobian<double, SparseTestFunctions.Stencil1D> Tridiagonal(int n)
        => AutoDiff.PrepareSparseJacobian<double, SparseTestFunctions.Stencil1D>(default, new double[n], n);

    [Test]
    public void Evaluate_with_x_of_the_wrong_length()
    {
        var prepared = Tridiagonal(5);
        AssertNames(() => prepared.Evaluate(new double[4], new double[5], prepared.CreateResult()), "x", "4", "5");
    }

    [Test]
    public void Evaluate_with_values_of_the_wrong_length()
    {
        var prepared = Tridiagonal(5);
        AssertNames(() => prepared.Evaluate(new double[5], new double[6], prepared.CreateResult()), "values", "6", "5");
    }

    [Test]
    public void Evaluate_into_a_result_of_another_pattern()
    {
        var prepared = Tridiagonal(5);
        AssertNames(() => prepared.Evaluate(new double[5], new double[5], Tridiagonal(6).CreateResult()), "result", "6×6", "5×5");
    }

    [Test]
    public void Supplied_jacobian_pattern_with_the_wrong_column_count()
        => AssertNames(() => AutoDiff.PrepareSparseJacobian<double, SparseTestFunctions.Stencil1D>(default, new double[4], SparseTestFunctions.Stencil1D.Expected(5)),
            "pattern", "5 columns", "length 4");

    [Test]
    public void Supplied_hessian_pattern_of_the_wrong_size_or_not_symmetric()
    {
        AssertNames(() => AutoDiff.PrepareSparseHessian<double, LinearScalar>(default, new double[3], SparseTestFunctions.Stencil1D.Expected(4)),
            "pattern", "4×4", "length 3");
        AssertNames(() => AutoDiff.SparseHessian<double, LinearScalar>(default, new double[3], SparsityPattern.FromEntries(3, 3, [(0, 2)])),
            "pattern", "symmetric");
    }

    [Test]
    public void Negative_output_length()
        => AssertNames(() => AutoDiff.SparseJacobian<double, SparseTestFunctions.Stencil1D>(default, new double[3], -1), "outputLength", "-1");

    [Test]
    public void Output_length_shorter_than_the_function_writes()
    {
        AssertNames(() => AutoDiff.SparseJacobian<double, SparseTestFunctions.Stencil1D>(default, new double[3], 2), "outputLength", "length 3", "length 2");
        AssertNames(() => AutoDiff.PrepareSparseJacobian<double, SparseTestFunctions.Stencil1D>(default, new double[3], 2), "outputLength", "length 2");
    }

    [Test]
    public void Output_length_longer_than_the_function_writes_gives_empty_rows()
    {
        SparseJacobian<double> j = AutoDiff.SparseJacobian<double, SparseTestFunctions.Stencil1D>(default, [1.0, 2.0], 3);
        Assert.That(j.ToDense(), Is.EqualTo(new double[,] { { 0, 1 }, { 1, 2 }, { 0, 0 } }));   // ∂(x₀² − 2x₀ + x₁)/∂x = (2x₀ − 2, 1)
    }

    [Test]
    public void Unsupported_chunk_sizes()
    {
        AssertNames(() => AutoDiff.PrepareSparseJacobian<double, SparseTestFunctions.Stencil1D>(default, new double[3], 3, chunkSize: 3), "chunkSize", "3");
        AssertNames(() => AutoDiff.PrepareSparseHessian<double, LinearScalar>(default, new double[3], chunkSize: 1), "chunkSize", "1");
    }

    [Test]
    public void Hessian_evaluate_with_x_of_the_wrong_length()
    {
        var prepared = AutoDiff.PrepareSparseHessian<double, LinearScalar>(default, new double[3]);
        AssertNames(() => prepared.Evaluate(new double[2], prepared.CreateResult()), "x", "2", "3");
    }

    [Test]
    public void Invalid_csr_structures()
    {
        AssertNames(() => SparsityPattern.FromCsr(2, 3, [0, 1], [0]), "rowOffsets", "length 2", "3");
        AssertNames(() => SparsityPattern.FromCsr(2, 3, [0, 1, 3], [0, 2]), "rowOffsets", "2");
        AssertNames(() => SparsityPattern.FromCsr(2, 3, [0, 1, 2], [0, 3]), "columnIndices", "column 3", "[0, 3)");
        AssertNames(() => SparsityPattern.FromCsr(1, 3, [0, 2], [2, 1]), "columnIndices", "increasing");
        AssertNames(() => SparsityPattern.FromEntries(2, 2, [(2, 0)]), "entries", "(2, 0)", "2×2");
        SparsityPattern ok = SparsityPattern.FromCsr(2, 3, [0, 1, 3], [2, 0, 1]);
        Assert.That(ok.ToDense(), Is.EqualTo(new bool[,] { { false, false, true }, { true, true, false } }));
        Assert.That(ok.Transpose().ToDense(), Is.EqualTo(new bool[,] { { false, true }, { false, true }, { true, false } }));
    }

    private readonly struct LinearScalar : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : System.Numerics.IFloatingPointIeee754<TNum> => x[0];
    }
}
