using System;
using System.Linq;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.Sparse;

/// <summary>Sparsity detection finds exactly the structure the code has, and says so when it cannot.</summary>
public class DetectionTests
{
    private static double[] Point(int n, int seed = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble() + 0.25).ToArray();
    }

    private static void AssertPattern(SparsityPattern actual, SparsityPattern expected)
    {
        Assert.That(actual.RowCount, Is.EqualTo(expected.RowCount));
        Assert.That(actual.ColumnCount, Is.EqualTo(expected.ColumnCount));
        for (int i = 0; i < expected.RowCount; i++)
        {
            Assert.That(actual.Row(i).ToArray(), Is.EqualTo(expected.Row(i).ToArray()), $"row {i}");
        }
        Assert.That(actual, Is.EqualTo(expected));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(17)]
    public void One_dimensional_stencil_is_tridiagonal(int n)
        => AssertPattern(AutoDiff.JacobianSparsity<double, SparseTestFunctions.Stencil1D>(default, Point(n), n), SparseTestFunctions.Stencil1D.Expected(n));

    [TestCase(3)]
    [TestCase(6)]
    public void Two_dimensional_five_point_stencil_wraps_periodically(int side)
    {
        var f = new SparseTestFunctions.Periodic5Point(side);
        int n = side * side;
        SparsityPattern pattern = AutoDiff.JacobianSparsity<double, SparseTestFunctions.Periodic5Point>(f, Point(n), n);
        AssertPattern(pattern, f.Expected());
        // The corner (0, 0) reaches across both seams: (side−1, 0) and (0, side−1).
        Assert.That(pattern.Contains(0, side - 1), Is.True);
        Assert.That(pattern.Contains(0, side * (side - 1)), Is.True);
        if (side > 3)
        {
            Assert.That(pattern.Row(0).Length, Is.EqualTo(5));
        }
    }

    [Test]
    public void Block_diagonal_and_arrowhead()
    {
        var blocks = new SparseTestFunctions.BlockDiagonal(4);
        AssertPattern(AutoDiff.JacobianSparsity<double, SparseTestFunctions.BlockDiagonal>(blocks, Point(10), 10), blocks.Expected(10));
        AssertPattern(AutoDiff.JacobianSparsity<double, SparseTestFunctions.Arrowhead>(default, Point(9), 9), SparseTestFunctions.Arrowhead.Expected(9));
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool Random_sparse_functions_give_their_construction_pattern(int seed)
    {
        var random = new Random(seed);
        int m = 1 + random.Next(30), n = 1 + random.Next(30);
        var f = new SparseTestFunctions.RandomSparse(seed, m, n, 0.05 + random.NextDouble() * 0.3);
        return AutoDiff.JacobianSparsity<double, SparseTestFunctions.RandomSparse>(f, Point(n, seed), m).Equals(f.Expected);
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool Random_scalar_functions_give_their_construction_hessian_pattern(int seed)
    {
        var random = new Random(seed);
        int n = 1 + random.Next(25);
        var f = new SparseTestFunctions.RandomSparseScalar(seed, n, random.NextDouble() * 0.2);
        return AutoDiff.HessianSparsity<double, SparseTestFunctions.RandomSparseScalar>(f, Point(n, seed)).Equals(f.Expected());
    }

    // ---------------------------------------------------------------------------------------------
    // Hessian rules, one at a time.
    // ---------------------------------------------------------------------------------------------

    private static bool[,] HessianMask<TFunction>(TFunction f, int n) where TFunction : IScalarFunction
        => AutoDiff.HessianSparsity<double, TFunction>(f, Point(n)).ToDense();

    private readonly struct Product : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum> => x[0] * x[1] + x[2] * x[2] + x[3];
    }

    [Test]
    public void A_product_creates_the_cross_pair_only_and_a_square_its_diagonal()
    {
        bool[,] h = HessianMask(default(Product), 4);
        Assert.That(h, Is.EqualTo(new bool[,]
        {
            { false, true, false, false },
            { true, false, false, false },
            { false, false, true, false },
            { false, false, false, false },
        }));
    }

    private readonly struct Quotient : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum> => x[0] / x[1] + x[2] / TNum.CreateTruncating(3);
    }

    [Test]
    public void A_quotient_is_linear_in_the_numerator_and_nonlinear_in_the_denominator()
    {
        // ∂²(a/b)/∂a² = 0, ∂²/∂a∂b = −1/b², ∂²/∂b² = 2a/b³; dividing by a constant is linear.
        bool[,] h = HessianMask(default(Quotient), 3);
        Assert.That(h, Is.EqualTo(new bool[,] { { false, true, false }, { true, true, false }, { false, false, false } }));
    }

    private readonly struct PiecewiseLinear : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
            => TNum.Abs(x[0]) + TNum.Max(x[1], x[2]) + TNum.Clamp(x[3], TNum.Zero, TNum.One) + TNum.Floor(x[4] * x[4]) + TNum.CopySign(x[5], x[6]);
    }

    [Test]
    public void Selections_and_steps_create_no_pairs()
    {
        // Abs, Max, Clamp, CopySign are piecewise linear; Floor has zero derivative and drops x₄ altogether.
        Assert.That(HessianMask(default(PiecewiseLinear), 7).Cast<bool>().Any(b => b), Is.False);
        var jacobian = AutoDiff.JacobianSparsity<double, AsVector<PiecewiseLinear>>(default, Point(7), 1);
        Assert.That(jacobian.Row(0).ToArray(), Is.EqualTo(new[] { 0, 1, 2, 3, 5 }));
    }

    /// <summary>A scalar function as a one-output vector function.</summary>
    private readonly struct AsVector<TScalar> : IVectorFunction where TScalar : struct, IScalarFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum> => y[0] = default(TScalar).Evaluate(x);
    }

    private readonly struct Composite : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
            => TNum.Exp(x[0] + x[1]) + TNum.Sin(x[2]) * x[3] + TNum.Pow(x[4], x[5]) + TNum.Atan2(x[6], TNum.One);
    }

    [Test]
    public void Nonlinear_functions_couple_everything_inside_them()
    {
        bool[,] h = HessianMask(default(Composite), 7);
        var expected = new bool[7, 7];
        void Set(int i, int j) => expected[i, j] = expected[j, i] = true;
        Set(0, 0); Set(0, 1); Set(1, 1);           // exp(x₀ + x₁)
        Set(2, 2); Set(2, 3);                      // sin(x₂)·x₃: no (3, 3)
        Set(4, 4); Set(4, 5); Set(5, 5);           // x₄^x₅
        Set(6, 6);                                 // atan2(x₆, 1)
        Assert.That(h, Is.EqualTo(expected));
    }

    private readonly struct DeadProduct : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum unused = x[0] * x[1];
            _ = unused;
            return x[0] + x[1];
        }
    }

    [Test]
    public void A_product_that_does_not_reach_the_output_adds_nothing()
        => Assert.That(HessianMask(default(DeadProduct), 2).Cast<bool>().Any(b => b), Is.False);

    // ---------------------------------------------------------------------------------------------
    // Outputs never written, constants, branches.
    // ---------------------------------------------------------------------------------------------

    private readonly struct WritesSome : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            y[0] = x[1];
            y[2] = TNum.CreateTruncating(7);   // a constant: no dependencies
            // y[1] and y[3] are never written.
        }
    }

    [Test]
    public void Outputs_never_written_and_constants_are_empty_rows()
    {
        SparsityPattern pattern = AutoDiff.JacobianSparsity<double, WritesSome>(default, Point(2), 4);
        Assert.That(pattern.NonZeroCount, Is.EqualTo(1));
        Assert.That(pattern.Contains(0, 1), Is.True);
        SparseJacobian<double> j = AutoDiff.SparseJacobian<double, WritesSome>(default, Point(2), 4);
        Assert.That(j.ToDense(), Is.EqualTo(new double[,] { { 0, 1 }, { 0, 0 }, { 0, 0 }, { 0, 0 } }));
    }

    private readonly struct Branchy : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            for (int i = 0; i < x.Length; i++)
            {
                y[i] = x[i] > TNum.Zero ? x[i] * x[(i + 1) % x.Length] : x[i];
            }
        }
    }

    [Test]
    public void Global_detection_refuses_a_branch_on_an_input_and_names_it()
    {
        var error = Assert.Throws<SparsityDetectionException>(() => AutoDiff.JacobianSparsity<double, Branchy>(default, [1.0, -1.0, 2.0], 3));
        Assert.That(error!.Message, Does.Contain("x[0]").And.Contain("SparsityDetection.Local").And.Contain("comparison"));
    }

    [Test]
    public void Local_detection_follows_the_branches_taken_at_x()
    {
        SparsityPattern pattern = AutoDiff.JacobianSparsity<double, Branchy>(default, [1.0, -1.0, 2.0], 3, SparsityDetection.Local);
        Assert.That(pattern.ToDense(), Is.EqualTo(new bool[,] { { true, true, false }, { false, true, false }, { true, false, true } }));
    }

    private readonly struct ConstantBranch : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            TNum two = TNum.CreateTruncating(2);
            y[0] = two > TNum.One && TNum.IsFinite(two) ? x[0] * two : x[1];   // decided on constants: fine globally
            y[1] = x[1] == TNum.Zero ? TNum.Zero : x[1] * x[1];                // Dual's shortcut: x₁ has a tangent, so not taken
        }
    }

    [Test]
    public void Branches_on_constants_and_equality_shortcuts_work_globally()
    {
        SparsityPattern pattern = AutoDiff.JacobianSparsity<double, ConstantBranch>(default, [0.0, 0.0], 2);
        Assert.That(pattern.ToDense(), Is.EqualTo(new bool[,] { { true, false }, { false, true } }));
    }

    private readonly struct Indexing : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
            => y[0] = x[int.CreateTruncating(TNum.Floor(x[0])) + 1];
    }

    [Test]
    public void An_integer_index_computed_from_an_input_is_refused_globally_and_followed_locally()
    {
        // Floor has zero derivative, so the index carries no dependency, but its number depends on x.
        var error = Assert.Throws<SparsityDetectionException>(() => AutoDiff.JacobianSparsity<double, Indexing>(default, [1.5, 0, 0, 0], 1));
        Assert.That(error!.Message, Does.Contain("Floor").And.Contain("Int32"));
        SparsityPattern local = AutoDiff.JacobianSparsity<double, Indexing>(default, [1.5, 0, 0, 0], 1, SparsityDetection.Local);
        Assert.That(local.Row(0).ToArray(), Is.EqualTo(new[] { 2 }));
    }

    private readonly struct DropsDerivative : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
            => y[0] = TNum.CreateTruncating(double.CreateTruncating(x[0]) * 2);
    }

    [Test]
    public void Converting_an_input_dependent_value_out_is_refused_in_both_modes()
    {
        foreach (SparsityDetection mode in new[] { SparsityDetection.Global, SparsityDetection.Local })
        {
            var error = Assert.Throws<SparsityDetectionException>(() => AutoDiff.JacobianSparsity<double, DropsDerivative>(default, [1.0], 1, mode));
            Assert.That(error!.Message, Does.Contain("x[0]").And.Contain("Double"));
        }
    }

    private readonly struct Predicates : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
            => y[0] = TNum.IsNaN(x[0]) ? x[0] : x[0] * x[1];
    }

    [Test]
    public void Predicates_on_inputs_need_local_mode()
    {
        var error = Assert.Throws<SparsityDetectionException>(() => AutoDiff.JacobianSparsity<double, Predicates>(default, [1.0, 2.0], 1));
        Assert.That(error!.Message, Does.Contain("IsNaN"));
        Assert.That(AutoDiff.JacobianSparsity<double, Predicates>(default, [1.0, 2.0], 1, SparsityDetection.Local).Row(0).ToArray(), Is.EqualTo(new[] { 0, 1 }));
    }

    [Test]
    public void Min_and_max_keep_both_operands_even_locally()
    {
        // The dual picks one operand's tangent, and which one can change with x: the pattern keeps both.
        SparsityPattern pattern = AutoDiff.JacobianSparsity<double, MinMax>(default, [1.0, 5.0], 1, SparsityDetection.Local);
        Assert.That(pattern.Row(0).ToArray(), Is.EqualTo(new[] { 0, 1 }));
    }

    private readonly struct MinMax : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum> => y[0] = TNum.Min(x[0], x[1]);
    }

    [Test]
    public void Unknown_detection_mode_is_refused()
        => Assert.Throws<ArgumentOutOfRangeException>(() => AutoDiff.JacobianSparsity<double, MinMax>(default, [1.0, 2.0], 1, (SparsityDetection)7));
}
