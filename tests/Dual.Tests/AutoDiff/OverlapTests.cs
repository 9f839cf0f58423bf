using System;
using System.Linq;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>
/// Outputs that share memory with the inputs (in-place Newton updates: <c>values: x</c>, <c>gradient: x</c>, and
/// shifted overlaps) give exactly the result of separate buffers, in every span overload, with n = 20 inputs so that
/// every chunk size needs several passes. Two outputs that share memory are an <see cref="ArgumentException"/>
/// naming both. The separate-buffer results are themselves checked against hand-derived derivatives.
/// </summary>
public class OverlapTests
{
    private const int N = 20;

    private static readonly int[] Chunks = [1, 2, 4, 8, 16, 32];

    private static readonly int[] Offsets = [0, 1, 3, 7, -1, -5];

    private static double[] Point() => Enumerable.Range(0, N).Select(i => 0.3 + 0.05 * i * (i % 3 == 0 ? -1 : 1)).ToArray();

    private static double[] Direction() => Enumerable.Range(0, N).Select(i => 0.5 - 0.1 * (i % 7)).ToArray();

    /// <summary>yᵢ = sin(xᵢ)·x_{i+1} + xᵢ²·x_{i+3} (indices mod n), m = n.</summary>
    private struct Ring : IVectorFunction, IScalarFunction
    {
        public readonly void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            int n = x.Length;
            for (int i = 0; i < n; i++)
            {
                y[i] = TNum.Sin(x[i]) * x[(i + 1) % n] + x[i] * x[i] * x[(i + 3) % n];
            }
        }

        /// <summary>Σ yᵢ.</summary>
        public readonly TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
        {
            int n = x.Length;
            TNum sum = TNum.Zero;
            for (int i = 0; i < n; i++)
            {
                sum += TNum.Sin(x[i]) * x[(i + 1) % n] + x[i] * x[i] * x[(i + 3) % n];
            }
            return sum;
        }

        public static double[,] AnalyticJacobian(double[] x)
        {
            int n = x.Length;
            var j = new double[n, n];
            for (int i = 0; i < n; i++)
            {
                j[i, i] += Math.Cos(x[i]) * x[(i + 1) % n] + 2 * x[i] * x[(i + 3) % n];
                j[i, (i + 1) % n] += Math.Sin(x[i]);
                j[i, (i + 3) % n] += x[i] * x[i];
            }
            return j;
        }
    }

    private static void RingDelegate(ReadOnlySpan<Dual<double>> x, Span<Dual<double>> y) => default(Ring).Evaluate(x, y);

    private static Dual<double> SumDelegate(ReadOnlySpan<Dual<double>> x) => default(Ring).Evaluate(x);

    private static Dual<Dual<double>> SumDelegate2(ReadOnlySpan<Dual<Dual<double>>> x) => default(Ring).Evaluate(x);

    /// <summary>
    /// A buffer holding the input x at <c>inputAt</c> and the output region at <c>outputAt</c>, overlapping whenever
    /// the two ranges meet. Returns the buffer; the caller slices it.
    /// </summary>
    private static double[] Shared(double[] x, int inputAt, int outputLength, int outputAt)
    {
        int length = Math.Max(inputAt + x.Length, outputAt + outputLength);
        var buffer = new double[length];
        Array.Fill(buffer, double.NaN); // anything not written as an input must not be read as one
        x.CopyTo(buffer, inputAt);
        return buffer;
    }

    private static (int InputAt, int OutputAt) Placement(int offset) => offset >= 0 ? (0, offset) : (-offset, 0);

    private static void AssertBitIdentical(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, string what)
    {
        Assert.That(actual.Length, Is.EqualTo(expected.Length), what);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.That(BitConverter.DoubleToInt64Bits(actual[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected[i])),
                $"{what}[{i}]: {actual[i]:R} vs separate buffers {expected[i]:R}");
        }
    }

    private static void AssertMatchesAnalytic(double[] jacobian, double[,] analytic)
    {
        for (int i = 0; i < analytic.GetLength(0); i++)
        {
            for (int j = 0; j < analytic.GetLength(1); j++)
            {
                Assert.That(jacobian[i * analytic.GetLength(1) + j], Is.EqualTo(analytic[i, j]).Within(1e-14 * Math.Max(1, Math.Abs(analytic[i, j]))), $"J[{i},{j}]");
            }
        }
    }

    // ---- Jacobian ---------------------------------------------------------------------------------------------

    [Test]
    public void Jacobian_values_over_x_in_place_or_shifted_equals_separate_buffers([ValueSource(nameof(Offsets))] int offset, [Values(0, 1, 2, 4, 8, 16, 32)] int chunk)
    {
        double[] x = Point();
        var expectedValues = new double[N];
        var expectedJacobian = new double[N * N];
        Run(x, expectedValues, expectedJacobian, chunk);
        AssertMatchesAnalytic(expectedJacobian, Ring.AnalyticJacobian(x));

        (int inputAt, int outputAt) = Placement(offset);
        double[] buffer = Shared(x, inputAt, N, outputAt);
        var jacobian = new double[N * N];
        Run(buffer.AsSpan(inputAt, N), buffer.AsSpan(outputAt, N), jacobian, chunk);
        AssertBitIdentical(expectedValues, buffer.AsSpan(outputAt, N), "values");
        AssertBitIdentical(expectedJacobian, jacobian, "jacobian");

        static void Run(ReadOnlySpan<double> x, Span<double> values, Span<double> jacobian, int chunk)
        {
            if (chunk == 0)
            {
                AutoDiff.Jacobian<double>(RingDelegate, x, values, jacobian);
            }
            else
            {
                AutoDiff.Jacobian<double, Ring>(default, x, values, jacobian, chunk);
            }
        }
    }

    [Test]
    public void Jacobian_matrix_over_x_equals_separate_buffers([ValueSource(nameof(Offsets))] int offset, [Values(0, 1, 4, 16)] int chunk)
    {
        double[] x = Point();
        var expectedValues = new double[N];
        var expectedJacobian = new double[N * N];
        AutoDiff.Jacobian<double, Ring>(default, x, expectedValues, expectedJacobian, Math.Max(chunk, 1));

        // x lies inside the Jacobian's own buffer (offset ≥ 0: at the start of a row band; < 0: straddling its start).
        (int inputAt, int outputAt) = Placement(offset * 17);
        double[] buffer = Shared(x, inputAt, N * N, outputAt);
        var values = new double[N];
        Span<double> jacobian = buffer.AsSpan(outputAt, N * N);
        if (chunk == 0)
        {
            AutoDiff.Jacobian<double>(RingDelegate, buffer.AsSpan(inputAt, N), values, jacobian);
        }
        else
        {
            AutoDiff.Jacobian<double, Ring>(default, buffer.AsSpan(inputAt, N), values, jacobian, chunk);
        }
        AssertBitIdentical(expectedValues, values, "values");
        AssertBitIdentical(expectedJacobian, jacobian, "jacobian");
    }

    [Test]
    public void Jacobian_values_overlapping_jacobian_is_refused_naming_both()
    {
        double[] x = Point();
        var buffer = new double[N * N + N];
        AssertOutputsRefused(() => AutoDiff.Jacobian<double>(RingDelegate, x, buffer.AsSpan(N * N - 1, N), buffer.AsSpan(0, N * N)), "values", "jacobian");
        AssertOutputsRefused(() => AutoDiff.Jacobian<double, Ring>(default, x, buffer.AsSpan(5, N), buffer.AsSpan(0, N * N)), "values", "jacobian");
    }

    // ---- Gradient ---------------------------------------------------------------------------------------------

    [Test]
    public void Gradient_over_x_in_place_or_shifted_equals_separate_buffers([ValueSource(nameof(Offsets))] int offset, [Values(-1, 1, 2, 4, 8, 16, 32)] int chunk)
    {
        double[] x = Point();
        var expected = new double[N];
        double expectedValue = Run(x, expected, chunk);
        double[,] analytic = Ring.AnalyticJacobian(x);
        for (int j = 0; j < N; j++)
        {
            double column = 0;
            for (int i = 0; i < N; i++) column += analytic[i, j];
            Assert.That(expected[j], Is.EqualTo(column).Within(1e-13), $"∂/∂x{j}");
        }

        (int inputAt, int outputAt) = Placement(offset);
        double[] buffer = Shared(x, inputAt, N, outputAt);
        double value = Run(buffer.AsSpan(inputAt, N), buffer.AsSpan(outputAt, N), chunk);
        Assert.That(value, Is.EqualTo(expectedValue));
        AssertBitIdentical(expected, buffer.AsSpan(outputAt, N), "gradient");

        static double Run(ReadOnlySpan<double> x, Span<double> gradient, int chunk)
            => chunk < 0 ? AutoDiff.Gradient<double>(SumDelegate, x, gradient) : AutoDiff.Gradient<double, Ring>(default, x, gradient, chunk);
    }

    // ---- Jvp --------------------------------------------------------------------------------------------------

    [Test]
    public void Jvp_outputs_over_x_or_v_equal_separate_buffers([ValueSource(nameof(Offsets))] int offset, [Values] bool overV, [Values] bool generic)
    {
        double[] x = Point(), v = Direction();
        var expectedValues = new double[N];
        var expectedJvp = new double[N];
        Run(x, v, expectedValues, expectedJvp, generic);
        double[,] analytic = Ring.AnalyticJacobian(x);
        for (int i = 0; i < N; i++)
        {
            double jv = 0;
            for (int j = 0; j < N; j++) jv += analytic[i, j] * v[j];
            Assert.That(expectedJvp[i], Is.EqualTo(jv).Within(1e-14), $"(J·v)[{i}]");
        }

        (int inputAt, int outputAt) = Placement(offset);
        double[] source = overV ? v : x;
        double[] buffer = Shared(source, inputAt, N, outputAt);
        ReadOnlySpan<double> input = buffer.AsSpan(inputAt, N);
        var other = new double[N];
        if (overV)
        {
            Run(x, input, other, buffer.AsSpan(outputAt, N), generic);
            AssertBitIdentical(expectedJvp, buffer.AsSpan(outputAt, N), "jvp over v");
            AssertBitIdentical(expectedValues, other, "values");
        }
        else
        {
            Run(input, v, buffer.AsSpan(outputAt, N), other, generic);
            AssertBitIdentical(expectedValues, buffer.AsSpan(outputAt, N), "values over x");
            AssertBitIdentical(expectedJvp, other, "jvp");
        }

        static void Run(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> values, Span<double> jvp, bool generic)
        {
            if (generic)
            {
                AutoDiff.Jvp<double, Ring>(default, x, v, values, jvp);
            }
            else
            {
                AutoDiff.Jvp<double>(RingDelegate, x, v, values, jvp);
            }
        }
    }

    [Test]
    public void Jvp_values_overlapping_jvp_is_refused_naming_both()
    {
        double[] x = Point(), v = Direction();
        var buffer = new double[N + 3];
        AssertOutputsRefused(() => AutoDiff.Jvp<double>(RingDelegate, x, v, buffer.AsSpan(0, N), buffer.AsSpan(3, N)), "values", "jvp");
        AssertOutputsRefused(() => AutoDiff.Jvp<double, Ring>(default, x, v, buffer.AsSpan(0, N), buffer.AsSpan(0, N)), "values", "jvp");
    }

    // ---- Hessian and Hvp --------------------------------------------------------------------------------------

    [Test]
    public void Hessian_gradient_over_x_equals_separate_buffers([ValueSource(nameof(Offsets))] int offset, [Values(-1, 1, 2, 4, 8, 16, 32)] int chunk)
    {
        double[] x = Point();
        var expectedGradient = new double[N];
        var expectedHessian = new double[N * N];
        double expectedValue = Run(x, expectedGradient, expectedHessian, chunk);
        AssertHessianAnalytic(x, expectedHessian);

        (int inputAt, int outputAt) = Placement(offset);
        double[] buffer = Shared(x, inputAt, N, outputAt);
        var hessian = new double[N * N];
        double value = Run(buffer.AsSpan(inputAt, N), buffer.AsSpan(outputAt, N), hessian, chunk);
        Assert.That(value, Is.EqualTo(expectedValue));
        AssertBitIdentical(expectedGradient, buffer.AsSpan(outputAt, N), "gradient");
        AssertBitIdentical(expectedHessian, hessian, "hessian");

        // And x inside the Hessian's buffer.
        double[] big = Shared(x, inputAt * 11, N * N, outputAt * 11);
        var gradient = new double[N];
        Run(big.AsSpan(inputAt * 11, N), gradient, big.AsSpan(outputAt * 11, N * N), chunk);
        AssertBitIdentical(expectedGradient, gradient, "gradient (x inside hessian)");
        AssertBitIdentical(expectedHessian, big.AsSpan(outputAt * 11, N * N), "hessian over x");

        static double Run(ReadOnlySpan<double> x, Span<double> gradient, Span<double> hessian, int chunk)
            => chunk < 0 ? AutoDiff.Hessian<double>(SumDelegate2, x, gradient, hessian) : AutoDiff.Hessian<double, Ring>(default, x, gradient, hessian, chunk);
    }

    private static void AssertHessianAnalytic(double[] x, double[] hessian)
    {
        // H of Σ sin(xᵢ)x_{i+1} + xᵢ²x_{i+3}: diagonal −sin(xᵢ)x_{i+1} + 2x_{i+3}; (i, i+1): cos xᵢ; (i, i+3): 2xᵢ.
        var h = new double[N, N];
        for (int i = 0; i < N; i++)
        {
            int a = (i + 1) % N, b = (i + 3) % N;
            h[i, i] += -Math.Sin(x[i]) * x[a] + 2 * x[b];
            h[i, a] += Math.Cos(x[i]);
            h[a, i] += Math.Cos(x[i]);
            h[i, b] += 2 * x[i];
            h[b, i] += 2 * x[i];
        }
        AssertMatchesAnalytic(hessian, h);
    }

    [Test]
    public void Hessian_gradient_overlapping_hessian_is_refused_naming_both()
    {
        double[] x = Point();
        var buffer = new double[N * N + N];
        AssertOutputsRefused(() => AutoDiff.Hessian<double>(SumDelegate2, x, buffer.AsSpan(N * N - 2, N), buffer.AsSpan(0, N * N)), "gradient", "hessian");
        AssertOutputsRefused(() => AutoDiff.Hessian<double, Ring>(default, x, buffer.AsSpan(0, N), buffer.AsSpan(1, N * N)), "gradient", "hessian");
    }

    [Test]
    public void Hvp_over_x_or_v_equals_separate_buffers([ValueSource(nameof(Offsets))] int offset, [Values] bool overV, [Values] bool generic)
    {
        double[] x = Point(), v = Direction();
        var expected = new double[N];
        double expectedValue = Run(x, v, expected, generic);
        var expectedHessian = new double[N * N];
        AutoDiff.Hessian<double, Ring>(default, x, new double[N], expectedHessian);
        for (int i = 0; i < N; i++)
        {
            double hv = 0;
            for (int j = 0; j < N; j++) hv += expectedHessian[i * N + j] * v[j];
            Assert.That(expected[i], Is.EqualTo(hv).Within(1e-14), $"(H·v)[{i}]");
        }

        (int inputAt, int outputAt) = Placement(offset);
        double[] buffer = Shared(overV ? v : x, inputAt, N, outputAt);
        double value = overV
            ? Run(x, buffer.AsSpan(inputAt, N), buffer.AsSpan(outputAt, N), generic)
            : Run(buffer.AsSpan(inputAt, N), v, buffer.AsSpan(outputAt, N), generic);
        Assert.That(value, Is.EqualTo(expectedValue));
        AssertBitIdentical(expected, buffer.AsSpan(outputAt, N), overV ? "hvp over v" : "hvp over x");

        static double Run(ReadOnlySpan<double> x, ReadOnlySpan<double> v, Span<double> hvp, bool generic)
            => generic ? AutoDiff.Hvp<double, Ring>(default, x, v, hvp) : AutoDiff.Hvp<double>(SumDelegate2, x, v, hvp);
    }

    // ---- Derivative of a curve and Softmax ------------------------------------------------------------------

    private struct Curve : ICurveFunction
    {
        public readonly void Evaluate<TNum>(TNum t, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
        {
            for (int i = 0; i < y.Length; i++) y[i] = TNum.Sin(t * TNum.CreateTruncating(i + 1));
        }
    }

    [Test]
    public void Curve_values_overlapping_derivatives_is_refused_naming_both()
    {
        var buffer = new double[8];
        AssertOutputsRefused(() => AutoDiff.Derivative<double>((t, y) => default(Curve).Evaluate(t, y), 0.5, buffer.AsSpan(0, 5), buffer.AsSpan(3, 5)), "values", "derivatives");
        AssertOutputsRefused(() => AutoDiff.Derivative<double, Curve>(default, 0.5, buffer.AsSpan(2, 5), buffer.AsSpan(0, 5)), "values", "derivatives");
        // Separate buffers work, and give cos(kt)·k.
        var values = new double[5];
        var derivatives = new double[5];
        AutoDiff.Derivative<double, Curve>(default, 0.5, values, derivatives);
        for (int k = 1; k <= 5; k++) Assert.That(derivatives[k - 1], Is.EqualTo(k * Math.Cos(0.5 * k)).Within(1e-15));
    }

    [Test]
    public void Softmax_in_place_equals_separate_buffers_and_a_shifted_overlap_is_refused()
    {
        double[] logits = [0.5, -1.25, 3.0, 2.0, -0.5];
        var x = new Dual<double>[logits.Length];
        for (int i = 0; i < x.Length; i++) x[i] = new Dual<double>(logits[i], 0.25 * i - 0.5);
        var expected = new Dual<double>[x.Length];
        Dual<double>.Softmax(x, expected);
        var inPlace = (Dual<double>[])x.Clone();
        Dual<double>.Softmax(inPlace, inPlace);
        Assert.That(inPlace, Is.EqualTo(expected));

        var multi = new Dual<double, Tangents4<double>>[x.Length];
        for (int i = 0; i < x.Length; i++) multi[i] = new(logits[i], Tangents4<double>.Create([x[i].Tangent, 1, 0, -2]));
        var multiExpected = new Dual<double, Tangents4<double>>[x.Length];
        Dual<double, Tangents4<double>>.Softmax(multi, multiExpected);
        Dual<double, Tangents4<double>>.Softmax(multi, multi);
        Assert.That(multi, Is.EqualTo(multiExpected));

        var buffer = new Dual<double>[x.Length + 1];
        var error = Assert.Throws<ArgumentException>(() => Dual<double>.Softmax(buffer.AsSpan(0, x.Length), buffer.AsSpan(1, x.Length)));
        Assert.That(error!.Message, Does.Contain("'x'").And.Contain("'destination'"));
    }

    private static void AssertOutputsRefused(TestDelegate call, string first, string second)
    {
        var error = Assert.Throws<ArgumentException>(call);
        Assert.That(error!.ParamName, Is.EqualTo(second));
        Assert.That(error.Message, Does.Contain($"'{first}'").And.Contain($"'{second}'"));
    }
}
