using System;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>
/// The chunk loops' replay of the primal's transcendental calls (PrimalReplay): later passes take the results from the
/// first pass's log when the function and the argument's bits match. Oracles: closed-form derivatives, the one-tangent passes' bits (which never replay), and
/// Math.Sin/Math.Cos; plus functions whose calls differ from pass to pass, which must not be served stale values.
/// </summary>
public class PassReplayTests
{
    private static double[] Point(int n, double phase = 0.4)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 1.7 * Math.Sin(1.3 * i + phase);
        return x;
    }

    private static void AssertSameBits(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            if (BitConverter.DoubleToInt64Bits(actual[i]) != BitConverter.DoubleToInt64Bits(expected[i]))
                Assert.Fail($"{what}[{i}]: {actual[i]:R} vs {expected[i]:R}");
        }
    }

    /// <summary>f = Σ sin(xᵢ)·cos(xᵢ₊₁) + cos²(xᵢ) (indices mod n): sin and cos of every input, in both orders.</summary>
    private readonly struct SinCosRing : IScalarFunction, IVectorFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero;
            for (int i = 0; i < x.Length; i++)
            {
                T c = T.Cos(x[i]);
                sum += T.Sin(x[i]) * T.Cos(x[(i + 1) % x.Length]) + c * c;
            }
            return sum;
        }

        /// <summary>yᵢ = sin(xᵢ)·cos(xᵢ₊₁).</summary>
        public void Evaluate<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>
        {
            for (int i = 0; i < y.Length; i++) y[i] = T.Sin(x[i]) * T.Cos(x[(i + 1) % x.Length]);
        }

        public static double[] Gradient(double[] x)
        {
            int n = x.Length;
            var g = new double[n];
            for (int j = 0; j < n; j++)
            {
                double prev = x[(j - 1 + n) % n], next = x[(j + 1) % n];
                g[j] = Math.Cos(x[j]) * Math.Cos(next) - Math.Sin(prev) * Math.Sin(x[j]) - 2 * Math.Cos(x[j]) * Math.Sin(x[j]);
            }
            return g;
        }
    }

    [TestCase(2)]
    [TestCase(4)]
    [TestCase(8)]
    [TestCase(16)]
    [TestCase(0)]
    public void Chunked_gradient_with_replayed_sincos_matches_the_closed_form_and_the_one_tangent_bits(int k)
    {
        double[] x = Point(50);
        var g = new double[x.Length];
        double value = AutoDiff.Gradient<double, SinCosRing>(default, x, g, k);
        double[] expected = SinCosRing.Gradient(x);
        for (int i = 0; i < x.Length; i++)
            Assert.That(g[i], Is.EqualTo(expected[i]).Within(1e-13 * Math.Max(1, Math.Abs(expected[i]))), $"g[{i}]");
        Assert.That(value, Is.EqualTo(default(SinCosRing).Evaluate<double>(x)), "value vs the primal");

        var single = new double[x.Length];
        AutoDiff.Gradient<double, SinCosRing>(default, x, single, 1);
        AssertSameBits(g, single, "gradient vs one-tangent passes");
    }

    [TestCase(4)]
    [TestCase(8)]
    public void Chunked_jacobian_with_replayed_sincos_matches_the_closed_form_and_the_one_tangent_bits(int k)
    {
        const int n = 40;
        double[] x = Point(n, 1.1);
        var y = new double[n];
        var j = new double[n * n];
        AutoDiff.Jacobian<double, SinCosRing>(default, x, y, j, k);
        for (int i = 0; i < n; i++)
        {
            int next = (i + 1) % n;
            Assert.That(y[i], Is.EqualTo(Math.Sin(x[i]) * Math.Cos(x[next])), $"y[{i}]");
            for (int c = 0; c < n; c++)
            {
                double expected = c == i ? Math.Cos(x[i]) * Math.Cos(x[next]) : c == next ? -Math.Sin(x[i]) * Math.Sin(x[next]) : 0.0;
                Assert.That(j[i * n + c], Is.EqualTo(expected).Within(1e-15), $"J[{i},{c}]");
            }
        }
        var single = new double[n * n];
        AutoDiff.Jacobian<double, SinCosRing>(default, x, new double[n], single, 1);
        AssertSameBits(j, single, "jacobian vs one-tangent passes");
    }

    /// <summary>Pass p evaluates Σ cos(xᵢ + 0.1·p): every pass's sincos arguments differ from the logged ones.</summary>
    private readonly struct Drifting(int[] passes) : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T shift = T.CreateTruncating(0.1 * passes[0]++);
            T sum = T.Zero;
            for (int i = 0; i < x.Length; i++) sum += T.Cos(x[i] + shift);
            return sum;
        }
    }

    [Test]
    public void A_pass_whose_sincos_arguments_differ_from_the_log_gets_fresh_values()
    {
        const int n = 40, k = 8;
        double[] x = Point(n);
        var g = new double[n];
        var passes = new int[1];
        AutoDiff.Gradient<double, Drifting>(new Drifting(passes), x, g, k);
        Assert.That(passes[0], Is.EqualTo(n / k), "one evaluation per block");
        for (int i = 0; i < n; i++)
        {
            int pass = i / k;
            Assert.That(g[i], Is.EqualTo(-Math.Sin(x[i] + 0.1 * pass)).Within(1e-15), $"g[{i}] from pass {pass}");
        }
    }

    [TestCase(42, 8)]
    [TestCase(100, 32)]
    public void A_split_loop_keeps_one_log_and_its_last_pass_with_other_arguments_gets_fresh_values(int n, int k)
    {
        // n = 42 at k = 8: five passes of 8, then one of 2 (a second loop, continuing the first loop's log); n = 100 at
        // k = 32: three of 32, then one of 4. Each pass shifts its arguments, so the last pass must not take the log's.
        double[] x = Point(n);
        var g = new double[n];
        var passes = new int[1];
        AutoDiff.Gradient<double, Drifting>(new Drifting(passes), x, g, k);
        int whole = n / k;
        Assert.That(passes[0], Is.EqualTo(whole + 1), "one evaluation per block");
        for (int i = 0; i < n; i++)
        {
            int pass = Math.Min(i / k, whole);
            Assert.That(g[i], Is.EqualTo(-Math.Sin(x[i] + 0.1 * pass)).Within(1e-15), $"g[{i}] from pass {pass}");
        }
        Assert.That(PrimalReplay.Active, Is.Null, "no log left open");
    }

    [Test]
    public void A_split_jacobian_replays_into_its_last_pass_with_the_one_tangent_bits()
    {
        const int n = 42;
        double[] x = Point(n, 0.7);
        var chunked = new double[n * n];
        var single = new double[n * n];
        AutoDiff.Jacobian<double, SinCosRing>(default, x, new double[n], chunked, 8);
        AutoDiff.Jacobian<double, SinCosRing>(default, x, new double[n], single, 1);
        AssertSameBits(chunked, single, "jacobian (8 × 5 + 2) vs one-tangent passes");
        Assert.That(PrimalReplay.Active, Is.Null, "no log left open");
    }

    /// <summary>Throws in evaluation number <c>throwAt</c>.</summary>
    private readonly struct ThrowsInPass(int[] calls, int throwAt) : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            if (calls[0]++ == throwAt) throw new InvalidOperationException("pass " + throwAt);
            T sum = T.Zero;
            for (int i = 0; i < x.Length; i++) sum += T.Cos(x[i]);
            return sum;
        }
    }

    [Test]
    public void A_throw_in_the_last_pass_of_a_split_loop_leaves_no_log_open()
    {
        // 42 inputs at k = 8: the sixth evaluation is the last block's, inside the log the split holds for both loops.
        double[] x = Point(42);
        var calls = new int[1];
        Assert.Throws<InvalidOperationException>(() => AutoDiff.Gradient<double, ThrowsInPass>(new ThrowsInPass(calls, 5), x, new double[x.Length], 8));
        Assert.That(calls[0], Is.EqualTo(6));
        Assert.That(PrimalReplay.Active, Is.Null, "the held log was released");

        var g = new double[x.Length];
        AutoDiff.Gradient<double, SinCosRing>(default, x, g, 8);
        double[] expected = SinCosRing.Gradient(x);
        for (int i = 0; i < x.Length; i++)
            Assert.That(g[i], Is.EqualTo(expected[i]).Within(1e-13), $"g[{i}]");
    }

    /// <summary>Throws in its second evaluation, after the log has been written and a pass replayed part of it.</summary>
    private readonly struct ThrowsInSecondPass(int[] calls) : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero;
            for (int i = 0; i < x.Length; i++)
            {
                sum += T.Sin(x[i]);
                if (calls[0] == 1 && i == x.Length / 2) throw new InvalidOperationException("second pass");
            }
            calls[0]++;
            return sum;
        }
    }

    [Test]
    public void After_a_function_throws_mid_loop_sin_and_cos_stay_exact_and_the_next_gradient_is_right()
    {
        double[] x = Point(32);
        var calls = new int[1];
        Assert.Throws<InvalidOperationException>(() => AutoDiff.Gradient<double, ThrowsInSecondPass>(new ThrowsInSecondPass(calls), x, new double[x.Length], 8));

        // Outside any loop now, but this thread's log may still be open: plain dual sin/cos must still give Math's bits.
        foreach (double t in new[] { 0.3, x[0], x[1], x[0], -2.5, 1e10, double.NaN, -0.0 })
        {
            (Dual<double> s, Dual<double> c) = (Dual<double>.Sin(new Dual<double>(t, 1)), Dual<double>.Cos(new Dual<double>(t, 1)));
            Assert.That(BitConverter.DoubleToInt64Bits(s.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(Math.Sin(t))), $"sin {t}");
            Assert.That(BitConverter.DoubleToInt64Bits(c.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(Math.Cos(t))), $"cos {t}");
            Assert.That(BitConverter.DoubleToInt64Bits(s.Tangent), Is.EqualTo(BitConverter.DoubleToInt64Bits(Math.Cos(t))), $"sin' {t}");
            Assert.That(BitConverter.DoubleToInt64Bits(c.Tangent), Is.EqualTo(BitConverter.DoubleToInt64Bits(-Math.Sin(t))), $"cos' {t}");
        }

        var g = new double[x.Length];
        AutoDiff.Gradient<double, SinCosRing>(default, x, g, 8);
        double[] expected = SinCosRing.Gradient(x);
        for (int i = 0; i < x.Length; i++)
            Assert.That(g[i], Is.EqualTo(expected[i]).Within(1e-13), $"g[{i}]");
    }

    [Test]
    public void Parallel_gradient_with_replayed_sincos_has_the_sequential_bits()
    {
        double[] x = Point(600);
        var sequential = new double[x.Length];
        AutoDiff.Gradient<double, SinCosRing>(default, x, sequential, 16);
        var parallel = new double[x.Length];
        AutoDiff.ParallelGradient<double, SinCosRing>(default, x, parallel, 16, 2);
        AssertSameBits(parallel, sequential, "parallel vs sequential");
        double[] expected = SinCosRing.Gradient(x);
        for (int i = 0; i < x.Length; i++)
            Assert.That(sequential[i], Is.EqualTo(expected[i]).Within(1e-13), $"g[{i}]");
    }

    [Test]
    public void A_warm_chunked_gradient_with_replayed_sincos_allocates_nothing([Values(16, 32)] int k)
    {
        // 300 inputs at 16 lanes: 19 passes over 600 sincos calls each, past the log's first size (256 entries). At 32
        // lanes: 9 passes of 32 and a last one of 16, two loops in one held log.
        double[] x = Point(300);
        var g = new double[x.Length];
        AutoDiff.Gradient<double, SinCosRing>(default, x, g, k);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 10; i++) AutoDiff.Gradient<double, SinCosRing>(default, x, g, k);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(4)]
    public void Hessian_with_replayed_sincos_matches_the_closed_form(int k)
    {
        const int n = 20;
        double[] x = Point(n, 0.9);
        var g = new double[n];
        var h = new double[n * n];
        AutoDiff.Hessian<double, SinCosRing>(default, x, g, h, k);
        double[] expectedGradient = SinCosRing.Gradient(x);
        for (int j = 0; j < n; j++)
        {
            Assert.That(g[j], Is.EqualTo(expectedGradient[j]).Within(1e-13), $"g[{j}]");
            int prev = (j - 1 + n) % n, next = (j + 1) % n;
            for (int c = 0; c < n; c++)
            {
                double expected =
                    c == j ? -Math.Sin(x[j]) * Math.Cos(x[next]) - Math.Sin(x[prev]) * Math.Cos(x[j]) - 2 * Math.Cos(2 * x[j])
                    : c == next ? -Math.Cos(x[j]) * Math.Sin(x[next])
                    : c == prev ? -Math.Cos(x[prev]) * Math.Sin(x[j])
                    : 0.0;
                Assert.That(h[j * n + c], Is.EqualTo(expected).Within(1e-13), $"H[{j},{c}]");
            }
        }
    }

    [Test]
    public void One_tangent_passes_over_a_delegate_replay_and_match_the_closed_form_and_the_chunked_bits()
    {
        double[] x = Point(30, 2.0);
        var g = new double[x.Length];
        AutoDiff.Gradient((ScalarFunc<Dual<double>>)(v => default(SinCosRing).Evaluate<Dual<double>>(v)), x, g);
        double[] expected = SinCosRing.Gradient(x);
        for (int i = 0; i < x.Length; i++)
            Assert.That(g[i], Is.EqualTo(expected[i]).Within(1e-13), $"g[{i}]");
        var chunked = new double[x.Length];
        AutoDiff.Gradient<double, SinCosRing>(default, x, chunked, 8);
        AssertSameBits(g, chunked, "one-tangent delegate passes vs 8-lane passes");
    }

    /// <summary>Even passes evaluate Σ exp(xᵢ), odd passes Σ ln(xᵢ): the same arguments, in the same order, through
    /// another function, which the log must tell apart.</summary>
    private readonly struct Alternating(int[] passes) : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            bool exp = passes[0]++ % 2 == 0;
            T sum = T.Zero;
            for (int i = 0; i < x.Length; i++) sum += exp ? T.Exp(x[i]) : T.Log(x[i]);
            return sum;
        }
    }

    [Test]
    public void A_pass_calling_another_function_on_the_same_arguments_gets_that_function()
    {
        const int n = 32, k = 8;
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.3 + 0.11 * i;
        var g = new double[n];
        double value = AutoDiff.Gradient<double, Alternating>(new Alternating(new int[1]), x, g, k);
        // f(x) comes from the pass over the last block, the fourth: a log pass.
        double logs = 0;
        for (int i = 0; i < n; i++) logs += Math.Log(x[i]);
        Assert.That(value, Is.EqualTo(logs), "f(x) from the last (log) pass");
        for (int i = 0; i < n; i++)
        {
            bool exp = i / k % 2 == 0;
            Assert.That(g[i], Is.EqualTo(exp ? Math.Exp(x[i]) : 1.0 / x[i]).Within(1e-15 * Math.Exp(x[i])), $"g[{i}] ({(exp ? "exp" : "log")} pass)");
        }
    }

    /// <summary>yᵢ = exp(xᵢ)·ln(xᵢ₊₁) + sin(xᵢ): exp, log and sincos interleaved.</summary>
    private readonly struct ExpLogRing : IVectorFunction
    {
        public void Evaluate<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>
        {
            for (int i = 0; i < y.Length; i++) y[i] = T.Exp(x[i]) * T.Log(x[(i + 1) % x.Length]) + T.Sin(x[i]);
        }
    }

    [TestCase(2)]
    [TestCase(8)]
    [TestCase(16)]
    public void Chunked_jacobian_with_replayed_exp_log_and_sincos_matches_the_closed_form_and_the_one_tangent_bits(int k)
    {
        const int n = 40;
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.5 + 0.07 * i;
        var y = new double[n];
        var j = new double[n * n];
        AutoDiff.Jacobian<double, ExpLogRing>(default, x, y, j, k);
        for (int i = 0; i < n; i++)
        {
            int next = (i + 1) % n;
            Assert.That(y[i], Is.EqualTo(Math.Exp(x[i]) * Math.Log(x[next]) + Math.Sin(x[i])), $"y[{i}]");
            for (int c = 0; c < n; c++)
            {
                double expected = c == i ? Math.Exp(x[i]) * Math.Log(x[next]) + Math.Cos(x[i]) : c == next ? Math.Exp(x[i]) / x[next] : 0.0;
                Assert.That(j[i * n + c], Is.EqualTo(expected).Within(1e-14 * Math.Max(1, Math.Abs(expected))), $"J[{i},{c}]");
            }
        }
        var single = new double[n * n];
        AutoDiff.Jacobian<double, ExpLogRing>(default, x, new double[n], single, 1);
        AssertSameBits(j, single, "jacobian vs one-tangent passes");
    }

    [Test]
    public void Sparse_jacobian_and_hessian_passes_replay_and_match_the_dense_bits()
    {
        const int n = 40;
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.5 + 0.07 * i;

        // One colour per pass: several passes, each replayed from the first.
        var preparedJacobian = AutoDiff.PrepareSparseJacobian<double, ExpLogRing>(default, x, n, chunkSize: 1);
        Assert.That(preparedJacobian.PassCount, Is.GreaterThan(1), "a multi-pass compressed Jacobian");
        SparseJacobian<double> j = preparedJacobian.CreateResult();
        preparedJacobian.Evaluate(x, new double[n], j);
        var dense = new double[n * n];
        AutoDiff.Jacobian<double, ExpLogRing>(default, x, new double[n], dense, 1);
        for (int i = 0; i < n; i++)
        {
            int next = (i + 1) % n;
            Assert.That(BitConverter.DoubleToInt64Bits(j[i, i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(dense[i * n + i])), $"J[{i},{i}]");
            Assert.That(BitConverter.DoubleToInt64Bits(j[i, next]), Is.EqualTo(BitConverter.DoubleToInt64Bits(dense[i * n + next])), $"J[{i},{next}]");
            Assert.That(j[i, next], Is.EqualTo(Math.Exp(x[i]) / x[next]).Within(1e-14 * Math.Exp(x[i])), $"J[{i},{next}] closed form");
        }

        double[] y = Point(n, 0.9);
        var preparedHessian = AutoDiff.PrepareSparseHessian<double, SinCosRing>(default, y);
        SparseHessian<double> h = preparedHessian.CreateResult();
        preparedHessian.Evaluate(y, h);
        for (int r = 0; r < n; r++)
        {
            int next = (r + 1) % n;
            Assert.That(h[r, next], Is.EqualTo(-Math.Cos(y[r]) * Math.Sin(y[next])).Within(1e-13), $"H[{r},{next}]");
            double diagonal = -Math.Sin(y[r]) * Math.Cos(y[next]) - Math.Sin(y[(r - 1 + n) % n]) * Math.Cos(y[r]) - 2 * Math.Cos(2 * y[r]);
            Assert.That(h[r, r], Is.EqualTo(diagonal).Within(1e-13), $"H[{r},{r}]");
        }
    }

    /// <summary>f = Σ tan(xᵢ/3) + atan(xᵢ) + tanh(xᵢ) + sinh(xᵢ/4) + cosh(xᵢ/5) + log₂(xᵢ) + log₁₀(xᵢ) + ∛xᵢ + asin(xᵢ/2) + acos(xᵢ/3),
    /// at xᵢ in (0.3, 1.9): every replayed one-argument function.</summary>
    private readonly struct EveryReplayedFunction : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero, two = T.CreateTruncating(2), three = T.CreateTruncating(3), four = T.CreateTruncating(4), five = T.CreateTruncating(5);
            for (int i = 0; i < x.Length; i++)
            {
                T v = x[i];
                sum += T.Tan(v / three) + T.Atan(v) + T.Tanh(v) + T.Sinh(v / four) + T.Cosh(v / five) + T.Log2(v) + T.Log10(v)
                    + T.Cbrt(v) + T.Asin(v / two) + T.Acos(v / three);
            }
            return sum;
        }

        public static double Derivative(double v)
        {
            double t = Math.Tan(v / 3), th = Math.Tanh(v);
            return (1 + t * t) / 3 + 1 / (1 + v * v) + (1 - th * th) + Math.Cosh(v / 4) / 4 + Math.Sinh(v / 5) / 5
                + 1 / (v * Math.Log(2)) + 1 / (v * Math.Log(10)) + 1 / (3 * Math.Cbrt(v) * Math.Cbrt(v))
                + 1 / (2 * Math.Sqrt(1 - v * v / 4)) - 1 / (3 * Math.Sqrt(1 - v * v / 9));
        }
    }

    [TestCase(4)]
    [TestCase(16)]
    public void Every_replayed_function_matches_the_closed_form_and_the_one_tangent_bits(int k)
        => AssertSeparableGradient<EveryReplayedFunction>(k, EveryReplayedFunction.Derivative, 1e-13);

    /// <summary>The chunked gradient of Σ h(xᵢ) at k lanes, at 48 points in (0.3, 1.9): f(x) bit for bit against the
    /// primal, each entry against h′ within a relative tolerance, and the bits of the one-tangent passes.</summary>
    private static void AssertSeparableGradient<TFunction>(int k, Func<double, double> derivative, double relativeTolerance)
        where TFunction : struct, IScalarFunction
    {
        const int n = 48;
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.3 + 1.6 * i / n;
        var g = new double[n];
        double value = AutoDiff.Gradient<double, TFunction>(default, x, g, k);
        Assert.That(value, Is.EqualTo(default(TFunction).Evaluate<double>(x)), "f(x) vs the primal, bit for bit");
        for (int i = 0; i < n; i++)
        {
            double expected = derivative(x[i]);
            Assert.That(g[i], Is.EqualTo(expected).Within(relativeTolerance * Math.Abs(expected)), $"g[{i}]");
        }
        var single = new double[n];
        AutoDiff.Gradient<double, TFunction>(default, x, single, 1);
        AssertSameBits(g, single, "gradient vs one-tangent passes");
    }

    /// <summary>f = Σ of every replayed function not in <see cref="EveryReplayedFunction"/> — 2^(v/2), 10^(v/4), the
    /// M1 and P1 forms, the inverse hyperbolic and π-scaled functions, and the two-argument ones (v^(v/2), 1.2^v, atan2,
    /// atan2π, hypot, log₃, ∛ as RootN) — at v = xᵢ in (0.3, 1.9).</summary>
    private readonly struct EveryReplayedFunctionOfTheSecondTable : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero, half = T.CreateTruncating(0.5), two = T.CreateTruncating(2), three = T.CreateTruncating(3),
                four = T.CreateTruncating(4), five = T.CreateTruncating(5), seven = T.CreateTruncating(7), base12 = T.CreateTruncating(1.2);
            for (int i = 0; i < x.Length; i++)
            {
                T v = x[i];
                sum += T.Exp2(v / two) + T.Exp10(v / four) + T.ExpM1(v / three) + T.Exp2M1(v / five) + T.Exp10M1(v / seven)
                    + T.LogP1(v) + T.Log2P1(v) + T.Log10P1(v) + T.Asinh(v) + T.Acosh(T.One + v) + T.Atanh(v / two)
                    + T.SinPi(v / three) + T.CosPi(v / five) + T.TanPi(v / seven) + T.AsinPi(v / two) + T.AcosPi(v / three) + T.AtanPi(v)
                    + T.Pow(v, v * half) + T.Pow(base12, v) + T.Atan2(v, two) + T.Atan2Pi(T.One, v) + T.Hypot(v, three)
                    + T.Log(v, three) + T.RootN(v, 3);
            }
            return sum;
        }

        public static double Derivative(double v)
        {
            double pi = Math.PI, ln2 = Math.Log(2), ln10 = Math.Log(10);
            return Math.Pow(2, v / 2) * ln2 / 2 + Math.Pow(10, v / 4) * ln10 / 4 + Math.Exp(v / 3) / 3 + Math.Pow(2, v / 5) * ln2 / 5
                + Math.Pow(10, v / 7) * ln10 / 7 + 1 / (1 + v) + 1 / ((1 + v) * ln2) + 1 / ((1 + v) * ln10)
                + 1 / Math.Sqrt(v * v + 1) + 1 / Math.Sqrt((1 + v) * (1 + v) - 1) + 0.5 / (1 - v * v / 4)
                + pi / 3 * Math.Cos(pi * v / 3) - pi / 5 * Math.Sin(pi * v / 5) + pi / 7 / (Math.Cos(pi * v / 7) * Math.Cos(pi * v / 7))
                + 0.5 / (pi * Math.Sqrt(1 - v * v / 4)) - 1.0 / 3 / (pi * Math.Sqrt(1 - v * v / 9)) + 1 / (pi * (1 + v * v))
                + Math.Pow(v, v / 2) * (Math.Log(v) + 1) / 2 + Math.Pow(1.2, v) * Math.Log(1.2) + 2 / (v * v + 4)
                - 1 / (pi * (1 + v * v)) + v / Math.Sqrt(v * v + 9) + 1 / (v * Math.Log(3)) + Math.Pow(v, -2.0 / 3) / 3;
        }
    }

    [TestCase(4)]
    [TestCase(16)]
    public void Every_replayed_function_of_the_second_table_matches_the_closed_form_and_the_one_tangent_bits(int k)
        => AssertSeparableGradient<EveryReplayedFunctionOfTheSecondTable>(k, EveryReplayedFunctionOfTheSecondTable.Derivative, 2e-13);

    /// <summary>f = Σ xᵢ^(1.5 + 0.25·pass): the same bases in every pass, an exponent that moves from pass to pass.</summary>
    private readonly struct DriftingExponent(int[] passes) : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T exponent = T.CreateTruncating(1.5 + 0.25 * passes[0]++);
            T sum = T.Zero;
            for (int i = 0; i < x.Length; i++) sum += T.Pow(x[i], exponent);
            return sum;
        }
    }

    [Test]
    public void A_pass_whose_second_argument_differs_from_the_log_gets_fresh_values()
    {
        const int n = 40, k = 8;
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.4 + 0.05 * i;
        var g = new double[n];
        var passes = new int[1];
        double value = AutoDiff.Gradient<double, DriftingExponent>(new DriftingExponent(passes), x, g, k);
        Assert.That(passes[0], Is.EqualTo(n / k), "one evaluation per block");
        double last = 1.5 + 0.25 * (n / k - 1), lastSum = 0;
        for (int i = 0; i < n; i++) lastSum += Math.Pow(x[i], last);
        Assert.That(value, Is.EqualTo(lastSum), "f(x) from the last pass, bit for bit");
        for (int i = 0; i < n; i++)
        {
            double p = 1.5 + 0.25 * (i / k);
            double expected = p * Math.Pow(x[i], p - 1);
            Assert.That(g[i], Is.EqualTo(expected).Within(4e-16 * Math.Abs(expected) * 4), $"g[{i}] from pass {i / k}");
        }
    }
}
