using System;
using System.Linq;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.Sparse;

/// <summary>Compressed evaluation gives the dense Jacobian bit for bit (each lane sees exactly one column's seed) and
/// the Hessian to rounding, both checked against closed forms too.</summary>
public class SparseEvaluationTests
{
    private static double[] Point(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }

    private static double[] Dense<TFunction>(TFunction f, double[] x, int m) where TFunction : IVectorFunction
    {
        var jacobian = new double[m * x.Length];
        AutoDiff.Jacobian<double, TFunction>(f, x, new double[m], jacobian);
        return jacobian;
    }

    /// <summary>Null when every entry in the pattern equals the dense one bit for bit and the dense entries outside it are
    /// zero (of either sign: the dense pass multiplies untouched zero tangents, which can give −0).</summary>
    private static string? BitwiseDifference(SparseDerivative<double> sparse, double[] dense)
    {
        double[,] expanded = sparse.ToDense();
        int n = sparse.ColumnCount;
        for (int i = 0; i < sparse.RowCount; i++)
        {
            for (int j = 0; j < n; j++)
            {
                bool same = sparse.Pattern.Contains(i, j)
                    ? BitConverter.DoubleToInt64Bits(expanded[i, j]) == BitConverter.DoubleToInt64Bits(dense[i * n + j])
                    : dense[i * n + j] == 0;
                if (!same)
                {
                    return $"({i}, {j}): sparse {expanded[i, j]:R}, dense {dense[i * n + j]:R}";
                }
            }
        }
        return null;
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool Random_sparse_jacobians_equal_the_dense_one_bit_for_bit_at_every_chunk_size(int seed)
    {
        var random = new Random(seed);
        int m = 1 + random.Next(40), n = 1 + random.Next(40);
        var f = new SparseTestFunctions.RandomSparse(seed, m, n, 0.03 + random.NextDouble() * 0.25);
        double[] x = Point(n, seed);
        double[] dense = Dense(f, x, m);
        foreach (int k in AutoDiff.SupportedChunkSizes)
        {
            var prepared = AutoDiff.PrepareSparseJacobian<double, SparseTestFunctions.RandomSparse>(f, x, m, chunkSize: k);
            SparseJacobian<double> j = prepared.CreateResult();
            var values = new double[m];
            prepared.Evaluate(x, values, j);
            if (BitwiseDifference(j, dense) is string difference) Assert.Fail($"k = {k}: {difference}");
            if (prepared.PassCount != Math.Max(1, (prepared.ColorCount + k - 1) / k) && j.Pattern.NonZeroCount > 0) return false;
            // The closed form, independently of the library's dense path.
            for (int i = 0; i < m; i++)
                for (int c = 0; c < n; c++)
                    if (Math.Abs(j[i, c] - f.Derivative(i, c, x)) > 1e-13 * (1 + Math.Abs(f.Derivative(i, c, x)))) return false;
            var expectedValues = new double[m];
            f.Evaluate<double>(x, expectedValues);
            if (!values.AsSpan().SequenceEqual(expectedValues)) return false;
        }
        return true;
    }

    [Test]
    public void Periodic_stencil_is_computed_in_a_handful_of_passes()
    {
        var f = new SparseTestFunctions.Periodic5Point(10);
        double[] x = Point(100, 3);
        var prepared = AutoDiff.PrepareSparseJacobian<double, SparseTestFunctions.Periodic5Point>(f, x, 100);
        // The 5-point stencil on a 10×10 torus: columns within Manhattan distance 2 clash, so at least 5 colours (and 5
        // suffice when the side is a multiple of 5: colour (i + 2j) mod 5).
        Assert.That(prepared.ColorCount, Is.InRange(5, 8));
        Assert.That(prepared.PassCount, Is.EqualTo(1));
        SparseJacobian<double> j = prepared.CreateResult();
        prepared.Evaluate(x, new double[100], j);
        Assert.That(BitwiseDifference(j, Dense(f, x, 100)), Is.Null);
        Assert.That(j[0, 0], Is.EqualTo(-4 + 3 * x[0] * x[0]).Within(1e-15));
        Assert.That(j[0, 9], Is.EqualTo(1.0));
    }

    [FsCheck.NUnit.Property(MaxTest = 30)]
    public bool Random_sparse_hessians_match_the_closed_form_and_the_dense_hessian(int seed)
    {
        var random = new Random(seed);
        int n = 1 + random.Next(30);
        var f = new SparseTestFunctions.RandomSparseScalar(seed, n, random.NextDouble() * 0.15);
        double[] x = Point(n, seed);
        var prepared = AutoDiff.PrepareSparseHessian<double, SparseTestFunctions.RandomSparseScalar>(f, x);
        SparseHessian<double> h = prepared.CreateResult();
        double value = prepared.Evaluate(x, h);
        if (value != f.Evaluate<double>(x)) return false;
        double[,] closed = f.ClosedForm(x);
        var dense = new double[n * n];
        AutoDiff.Hessian<double, SparseTestFunctions.RandomSparseScalar>(f, x, new double[n], dense);
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double tolerance = 1e-13 * (1 + Math.Abs(closed[i, j]));
                if (Math.Abs(h[i, j] - closed[i, j]) > tolerance) Assert.Fail($"({i}, {j}): sparse {h[i, j]:R}, closed form {closed[i, j]:R}");
                if (Math.Abs(h[i, j] - dense[i * n + j]) > tolerance) Assert.Fail($"({i}, {j}): sparse {h[i, j]:R}, dense {dense[i * n + j]:R}");
                if (h[i, j] != h[j, i]) return false;
            }
        }
        return true;
    }

    /// <summary>A banded scalar function whose Hessian is pentadiagonal: Σ xᵢ²·x_{i+2} + cos(xᵢ).</summary>
    private readonly struct Banded : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum sum = TNum.Zero;
            for (int i = 0; i < x.Length; i++)
            {
                sum += TNum.Cos(x[i]);
                if (i + 2 < x.Length) sum += x[i] * x[i] * x[i + 2];
            }
            return sum;
        }
    }

    [Test]
    public void Banded_hessian_needs_few_colours_and_passes_and_is_exact()
    {
        int n = 200;
        double[] x = Point(n, 5);
        var prepared = AutoDiff.PrepareSparseHessian<double, Banded>(default, x);
        Assert.That(prepared.Pattern.NonZeroCount, Is.EqualTo(n + 2 * (n - 2)));   // diagonal and the ±2 bands; no ±1
        Assert.That(prepared.ColorCount, Is.LessThanOrEqualTo(4));
        Assert.That(prepared.PassCount, Is.LessThan(n / 4));                        // dense chunked: about n²/32 passes
        SparseHessian<double> h = prepared.CreateResult();
        prepared.Evaluate(x, h);
        for (int i = 0; i < n; i++)
        {
            double diagonal = -Math.Cos(x[i]) + (i + 2 < n ? 2 * x[i + 2] : 0);
            Assert.That(h[i, i], Is.EqualTo(diagonal).Within(1e-14), $"H[{i}, {i}]");
            if (i + 2 < n)
            {
                Assert.That(h[i, i + 2], Is.EqualTo(2 * x[i]).Within(1e-15));
                Assert.That(h[i + 2, i], Is.EqualTo(2 * x[i]).Within(1e-15));
            }
            if (i + 1 < n) Assert.That(h[i, i + 1], Is.EqualTo(0.0));
        }
    }

    [Test]
    public void A_supplied_pattern_gives_the_same_values_and_a_superset_gives_zeros_outside()
    {
        var f = new SparseTestFunctions.Periodic5Point(4);
        double[] x = Point(16, 9);
        SparseJacobian<double> detected = AutoDiff.SparseJacobian<double, SparseTestFunctions.Periodic5Point>(f, x, 16);
        SparseJacobian<double> supplied = AutoDiff.SparseJacobian<double, SparseTestFunctions.Periodic5Point>(f, x, f.Expected());
        Assert.That(supplied.Values, Is.EqualTo(detected.Values));
        // A looser pattern (every entry): a dense colouring, the same numbers, exact zeros elsewhere.
        var everything = new bool[16, 16];
        for (int i = 0; i < 16; i++) for (int j = 0; j < 16; j++) everything[i, j] = true;
        SparsityPattern full = SparsityPattern.FromDense(everything);
        SparseJacobian<double> loose = AutoDiff.SparseJacobian<double, SparseTestFunctions.Periodic5Point>(f, x, full);
        Assert.That(loose.ColorCount, Is.EqualTo(16));
        Assert.That(loose.ToDense(), Is.EqualTo(detected.ToDense()));
    }

    [Test]
    public void Prepared_evaluations_follow_x_and_a_new_function_instance()
    {
        var f = new SparseTestFunctions.BlockDiagonal(3);
        double[] x0 = Point(9, 1), x1 = Point(9, 2);
        var prepared = AutoDiff.PrepareSparseJacobian<double, SparseTestFunctions.BlockDiagonal>(f, x0, 9);
        SparseJacobian<double> j = prepared.CreateResult();
        var values = new double[9];
        prepared.Evaluate(x1, values, j);
        Assert.That(BitwiseDifference(j, Dense(f, x1, 9)), Is.Null);
        // The same structure with blocks of 3 is a subset of blocks of 9's: evaluating that instance with a
        // block-of-9 preparation is fine (a superset pattern), and gives its exact numbers.
        var wide = AutoDiff.PrepareSparseJacobian<double, SparseTestFunctions.BlockDiagonal>(new SparseTestFunctions.BlockDiagonal(9), x0, 9);
        SparseJacobian<double> k = wide.CreateResult();
        wide.Evaluate(f, x1, values, k);
        Assert.That(k.ToDense(), Is.EqualTo(j.ToDense()));
    }

    [Test]
    public void Prepared_jacobian_and_hessian_evaluations_allocate_nothing()
    {
        var f = new SparseTestFunctions.Periodic5Point(8);
        double[] x = Point(64, 4);
        var jacobian = AutoDiff.PrepareSparseJacobian<double, SparseTestFunctions.Periodic5Point>(f, x, 64);
        SparseJacobian<double> j = jacobian.CreateResult();
        var values = new double[64];
        jacobian.Evaluate(x, values, j);
        long before = GC.GetAllocatedBytesForCurrentThread();
        jacobian.Evaluate(x, values, j);
        jacobian.Evaluate(f, x, values, j);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));

        var hessian = AutoDiff.PrepareSparseHessian<double, Banded>(default, x);
        SparseHessian<double> h = hessian.CreateResult();
        hessian.Evaluate(x, h);
        before = GC.GetAllocatedBytesForCurrentThread();
        hessian.Evaluate(x, h);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
    }

    [Test]
    public void Empty_and_trivial_shapes()
    {
        SparseJacobian<double> none = AutoDiff.SparseJacobian<double, SparseTestFunctions.Stencil1D>(default, ReadOnlySpan<double>.Empty, 0);
        Assert.That(none.RowCount, Is.EqualTo(0));
        Assert.That(none.ColorCount, Is.EqualTo(0));
        SparseHessian<double> linear = AutoDiff.SparseHessian<double, LinearSum>(default, [1.0, 2.0, 3.0]);
        Assert.That(linear.Pattern.NonZeroCount, Is.EqualTo(0));
        Assert.That(linear.ToDense(), Is.EqualTo(new double[3, 3]));
        var prepared = AutoDiff.PrepareSparseHessian<double, LinearSum>(default, [1.0, 2.0, 3.0]);
        Assert.That(prepared.Evaluate([1.0, 2.0, 3.0], prepared.CreateResult()), Is.EqualTo(6.0));
        Assert.That(prepared.PassCount, Is.EqualTo(1));
    }

    private readonly struct LinearSum : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum sum = TNum.Zero;
            foreach (TNum item in x) sum += item;
            return sum;
        }
    }

    [Test]
    public void Sparse_matrix_vector_product_matches_the_dense_one()
    {
        var f = new SparseTestFunctions.RandomSparse(11, 20, 15, 0.2);
        double[] x = Point(15, 11), v = Point(15, 12);
        SparseJacobian<double> j = AutoDiff.SparseJacobian<double, SparseTestFunctions.RandomSparse>(f, x, 20);
        var y = new double[20];
        j.Multiply(v, y);
        for (int i = 0; i < 20; i++)
        {
            double expected = Enumerable.Range(0, 15).Sum(c => f.Derivative(i, c, x) * v[c]);
            Assert.That(y[i], Is.EqualTo(expected).Within(1e-13));
        }
    }
}
