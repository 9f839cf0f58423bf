using System;
using System.Numerics;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>
/// Multi-pass gradients and Jacobians of a function type whose first loops logged no replayable call run without the
/// replay log afterwards (ReplayVerdict); one that logged a call keeps it. Oracles: closed-form derivatives and the
/// bits of the gradients computed before the verdict (with the log). Each test has its own function types: the verdict
/// is per function type and lasts for the process.
/// </summary>
public class ReplayVerdictTests
{
    private static double[] Point(int n, double phase = 0.2)
    {
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 1.4 * Math.Sin(0.9 * i + phase) + 0.02 * i;
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

    private static void AssertClose(ReadOnlySpan<double> actual, ReadOnlySpan<double> expected, string what)
    {
        for (int i = 0; i < expected.Length; i++)
            Assert.That(actual[i], Is.EqualTo(expected[i]).Within(1e-13 * Math.Max(1, Math.Abs(expected[i]))), $"{what}[{i}]");
    }

    /// <summary>Extended Rosenbrock: Σ 100·(x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)²; no transcendental call.</summary>
    private static double RosenbrockValue(ReadOnlySpan<double> x, Span<double> g)
    {
        double sum = 0;
        for (int i = 0; i + 1 < x.Length; i += 2)
        {
            double a = x[i + 1] - x[i] * x[i], b = 1 - x[i];
            sum += 100 * a * a + b * b;
            g[i] = -400 * x[i] * a - 2 * b;
            g[i + 1] = 200 * a;
        }
        return sum;
    }

    private readonly struct Polynomial : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T hundred = T.CreateTruncating(100.0), sum = T.Zero;
            for (int i = 0; i + 1 < x.Length; i += 2)
            {
                T a = x[i + 1] - x[i] * x[i], b = T.One - x[i];
                sum += hundred * (a * a) + b * b;
            }
            return sum;
        }
    }

    private readonly struct PolynomialSplit : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T> => default(Polynomial).Evaluate(x);
    }

    private readonly struct PolynomialAt8 : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T> => default(Polynomial).Evaluate(x);
    }

    [Test]
    public void A_function_without_calls_skips_the_log_after_the_trials_and_keeps_its_gradient_bits()
    {
        WithoutCalls<Polynomial>(16);
        WithoutCalls<PolynomialAt8>(8);
    }

    private static void WithoutCalls<TF>(int k) where TF : struct, IScalarFunction
    {
        double[] x = Point(48); // 48 = 3·16 = 6·8: no narrower last pass
        var expected = new double[x.Length];
        double value = RosenbrockValue(x, expected);
        var before = new double[x.Length];
        var g = new double[x.Length];
        Assert.That(ReplayVerdict<TF>.State, Is.EqualTo(0));
        for (int call = 0; call < ReplayVerdict<TF>.Trials; call++)
        {
            AutoDiff.Gradient<double, TF>(default, x, call == 0 ? before : g, k);
            int state = ReplayVerdict<TF>.State;
            Assert.That(state, Is.EqualTo(call + 1 == ReplayVerdict<TF>.Trials ? ReplayVerdict<TF>.Nothing : call + 1), $"after loop {call + 1}");
        }
        AssertClose(before, expected, "with the log");
        Assert.That(ReplayVerdict<TF>.SkipsLog, Is.True);
        for (int call = 0; call < 3; call++)
        {
            double v = AutoDiff.Gradient<double, TF>(default, x, g, k);
            AssertSameBits(g, before, $"without the log, call {call}");
            Assert.That(v, Is.EqualTo(value).Within(1e-12 * Math.Abs(value)));
        }
    }

    [Test]
    public void A_split_loop_reports_once_for_both_loops_and_skips_the_held_log_after_the_verdict()
    {
        double[] x = Point(100); // k = 32: three passes of 32, then one of 4 in a held log
        var expected = new double[x.Length];
        RosenbrockValue(x, expected);
        var g = new double[x.Length];
        var first = new double[x.Length];
        AutoDiff.Gradient<double, PolynomialSplit>(default, x, first, 32);
        Assert.That(ReplayVerdict<PolynomialSplit>.State, Is.EqualTo(1), "the held log reports once, at its release");
        AssertClose(first, expected, "with the log");
        for (int call = 1; call < ReplayVerdict<PolynomialSplit>.Trials; call++) AutoDiff.Gradient<double, PolynomialSplit>(default, x, g, 32);
        Assert.That(ReplayVerdict<PolynomialSplit>.SkipsLog, Is.True);
        AutoDiff.Gradient<double, PolynomialSplit>(default, x, g, 32);
        AssertSameBits(g, first, "without the log");
    }

    /// <summary>Σ exp(xᵢ/4)·xᵢ₊₁: an exp per input.</summary>
    private readonly struct ExpChain : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero, quarter = T.CreateTruncating(0.25);
            for (int i = 0; i + 1 < x.Length; i++) sum += T.Exp(quarter * x[i]) * x[i + 1];
            return sum;
        }
    }

    [Test]
    public void A_function_with_calls_keeps_the_log_from_its_first_loop()
    {
        double[] x = Point(40);
        var g = new double[x.Length];
        AutoDiff.Gradient<double, ExpChain>(default, x, g, 8);
        Assert.That(ReplayVerdict<ExpChain>.State, Is.EqualTo(ReplayVerdict<ExpChain>.Calls));
        var expected = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            double own = i + 1 < x.Length ? 0.25 * Math.Exp(0.25 * x[i]) * x[i + 1] : 0;
            double asNext = i > 0 ? Math.Exp(0.25 * x[i - 1]) : 0;
            expected[i] = own + asNext;
        }
        AssertClose(g, expected, "gradient");
    }

    /// <summary>exp on every input only where x₀ &gt; 0, else a polynomial: which calls the primal makes depends on the data.</summary>
    private readonly struct ExpWhenPositive : IScalarFunction, IVectorFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            T sum = T.Zero;
            bool exp = x[0] > T.Zero;
            for (int i = 0; i < x.Length; i++) sum += exp ? T.Exp(x[i]) : x[i] * x[i];
            return sum;
        }

        public void Evaluate<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>
        {
            bool exp = x[0] > T.Zero;
            for (int i = 0; i < y.Length; i++) y[i] = exp ? T.Exp(x[i]) * x[(i + 1) % x.Length] : x[i] * x[(i + 1) % x.Length];
        }
    }

    [Test]
    public void Calls_that_start_after_the_verdict_are_computed_exactly()
    {
        double[] x = Point(40);
        x[0] = -0.5;
        var g = new double[x.Length];
        for (int call = 0; call < ReplayVerdict<ExpWhenPositive>.Trials; call++) AutoDiff.Gradient<double, ExpWhenPositive>(default, x, g, 16);
        Assert.That(ReplayVerdict<ExpWhenPositive>.SkipsLog, Is.True, "no call in the trials");
        for (int i = 0; i < x.Length; i++) Assert.That(g[i], Is.EqualTo(2 * x[i]), $"polynomial g[{i}]");

        x[0] = 0.5;
        double value = AutoDiff.Gradient<double, ExpWhenPositive>(default, x, g, 16);
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That(g[i], Is.EqualTo(Math.Exp(x[i])), $"exp g[{i}]"); // the rule's derivative is exp's own bits
            sum += Math.Exp(x[i]);
        }
        Assert.That(value, Is.EqualTo(sum).Within(1e-14 * sum));

        // The Jacobian's loops share the function type's verdict: also exact without the log.
        var values = new double[x.Length];
        var jacobian = new double[x.Length * x.Length];
        AutoDiff.Jacobian<double, ExpWhenPositive>(default, x, values, jacobian, 8);
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            int next = (i + 1) % n;
            for (int j = 0; j < n; j++)
            {
                double expected = (j == i ? Math.Exp(x[i]) * x[next] : 0) + (j == next ? Math.Exp(x[i]) : 0);
                Assert.That(jacobian[i * n + j], Is.EqualTo(expected).Within(1e-14 * Math.Max(1, Math.Abs(expected))), $"J[{i},{j}]");
            }
        }
    }

    /// <summary>Linear outputs yᵢ = xᵢ − 2xᵢ₊₁: a Jacobian with no call.</summary>
    private readonly struct Differences : IVectorFunction
    {
        public void Evaluate<T>(ReadOnlySpan<T> x, Span<T> y) where T : IFloatingPointIeee754<T>
        {
            T two = T.CreateTruncating(2.0);
            for (int i = 0; i < y.Length; i++) y[i] = x[i] - two * x[(i + 1) % x.Length];
        }
    }

    [TestCase(16, 48)]
    [TestCase(32, 100)]
    public void A_jacobian_without_calls_skips_the_log_after_the_trials_with_the_exact_entries(int k, int n)
    {
        double[] x = Point(n);
        var values = new double[n];
        var jacobian = new double[n * n];
        for (int call = 0; call < ReplayVerdict<Differences>.Trials + 2; call++)
        {
            Array.Fill(jacobian, double.NaN);
            AutoDiff.Jacobian<double, Differences>(default, x, values, jacobian, k);
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double expected = (j == i ? 1 : 0) - (j == (i + 1) % n ? 2 : 0);
                    Assert.That(jacobian[i * n + j], Is.EqualTo(expected), $"call {call}: J[{i},{j}]");
                }
            }
        }
        Assert.That(ReplayVerdict<Differences>.SkipsLog, Is.True);
    }

    private sealed class Boom : Exception;

    /// <summary>A polynomial that throws while <see cref="Throwing"/> is set.</summary>
    private readonly struct ThrowsWhenAsked : IScalarFunction
    {
        public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
        {
            if (Throwing) throw new Boom();
            T s = T.Zero;
            for (int i = 0; i < x.Length; i++) s += x[i] * x[i];
            return s;
        }
    }

    [ThreadStatic]
    private static bool Throwing;

    [TestCase(48, 16)]
    [TestCase(100, 32)]
    public void A_loop_that_throws_is_not_an_observation(int n, int k)
    {
        double[] x = Point(n);
        var g = new double[n];
        int before = ReplayVerdict<ThrowsWhenAsked>.State;
        Throwing = true;
        try
        {
            for (int call = 0; call < ReplayVerdict<ThrowsWhenAsked>.Trials; call++)
                Assert.Throws<Boom>(() => AutoDiff.Gradient<double, ThrowsWhenAsked>(default, x, g, k));
        }
        finally
        {
            Throwing = false;
        }
        Assert.That(ReplayVerdict<ThrowsWhenAsked>.State, Is.EqualTo(before));
        AutoDiff.Gradient<double, ThrowsWhenAsked>(default, x, g, k);
        for (int i = 0; i < n; i++) Assert.That(g[i], Is.EqualTo(2 * x[i]), $"g[{i}]");
    }
}
