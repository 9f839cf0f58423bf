using System;
using System.Linq;
using Dual;
using NUnit.Framework;

namespace Dual.Tests.AutoDiffApi;

/// <summary>Properties of the maths that hold for any correct forward-mode implementation; FsCheck draws the seeds
/// of the random points so that every run covers new inputs and failures shrink to a reproducible seed.</summary>
public class AutoDiffPropertyTests
{
    private static double[] RandomVector(int seed, int n, double scale = 1.5)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => (random.NextDouble() * 2 - 1) * scale).ToArray();
    }

    private static bool Close(double a, double b, double rtol, double atol = 1e-12) => Math.Abs(a - b) <= atol + rtol * Math.Max(Math.Abs(a), Math.Abs(b));

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Jvp_is_linear_in_the_direction(int seed)
    {
        double[] x = RandomVector(seed, 7), v = RandomVector(seed + 1, 7), w = RandomVector(seed + 2, 7);
        double a = 1.75, b = -0.5;
        double[] combined = v.Zip(w, (p, q) => a * p + b * q).ToArray();
        var f = default(TestFunctions.Mixed);
        double jv = AutoDiff.Jvp<double, TestFunctions.Mixed>(f, x, v).Tangent;
        double jw = AutoDiff.Jvp<double, TestFunctions.Mixed>(f, x, w).Tangent;
        double jc = AutoDiff.Jvp<double, TestFunctions.Mixed>(f, x, combined).Tangent;
        return Close(jc, a * jv + b * jw, 1e-12, 1e-12);
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Jacobian_times_v_equals_jvp(int seed)
    {
        int n = 3 + Math.Abs(seed % 9);
        double[] x = RandomVector(seed, n), v = RandomVector(seed + 7, n);
        var f = default(TestFunctions.RingPlusSum);
        double[,] j = AutoDiff.Jacobian<double, TestFunctions.RingPlusSum>(f, x, n + 1);
        var values = new double[n + 1];
        var jv = new double[n + 1];
        AutoDiff.Jvp<double, TestFunctions.RingPlusSum>(f, x, v, values, jv);
        for (int i = 0; i <= n; i++)
        {
            double product = 0;
            for (int k = 0; k < n; k++) product += j[i, k] * v[k];
            if (!Close(product, jv[i], 1e-12)) return false;
        }
        return true;
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool Hessian_is_symmetric_when_its_columns_are_computed_independently(int seed)
    {
        int n = 4;
        double[] x = RandomVector(seed, n);
        var f = default(TestFunctions.Mixed);
        var columns = new double[n][];
        for (int jIndex = 0; jIndex < n; jIndex++)
        {
            var e = new double[n];
            e[jIndex] = 1;
            columns[jIndex] = new double[n];
            AutoDiff.Hvp<double, TestFunctions.Mixed>(f, x, e, columns[jIndex]);
        }
        for (int i = 0; i < n; i++)
            for (int jIndex = 0; jIndex < n; jIndex++)
                if (!Close(columns[jIndex][i], columns[i][jIndex], 1e-12)) return false;
        return true;
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool Hessian_matches_finite_differences_of_the_gradient(int seed)
    {
        int n = 4;
        double[] x = RandomVector(seed, n);
        var f = default(TestFunctions.Mixed);
        double[,] h = AutoDiff.Hessian<double, TestFunctions.Mixed>(f, x);
        for (int jIndex = 0; jIndex < n; jIndex++)
        {
            double step = 1e-3 * Math.Max(1, Math.Abs(x[jIndex]));
            double[] Shifted(double by) { var y = (double[])x.Clone(); y[jIndex] += by; return AutoDiff.Gradient<double, TestFunctions.Mixed>(f, y); }
            double[] m2 = Shifted(-2 * step), m1 = Shifted(-step), p1 = Shifted(step), p2 = Shifted(2 * step);
            for (int i = 0; i < n; i++)
            {
                double fd = (m2[i] - 8 * m1[i] + 8 * p1[i] - p2[i]) / (12 * step);
                if (!Close(h[i, jIndex], fd, 1e-7, 1e-8)) return false;
            }
        }
        return true;
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool Hessian_vector_product_equals_hessian_times_v(int seed)
    {
        int n = 5;
        double[] x = RandomVector(seed, n), v = RandomVector(seed + 3, n);
        var f = default(TestFunctions.Mixed);
        double[,] h = AutoDiff.Hessian<double, TestFunctions.Mixed>(f, x);
        var hv = new double[n];
        AutoDiff.Hvp<double, TestFunctions.Mixed>(f, x, v, hv);
        for (int i = 0; i < n; i++)
        {
            double product = 0;
            for (int k = 0; k < n; k++) product += h[i, k] * v[k];
            if (!Close(product, hv[i], 1e-12)) return false;
        }
        return true;
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Gradient_matches_five_point_finite_differences(int seed)
    {
        int n = 1 + Math.Abs(seed % 12);
        double[] x = RandomVector(seed, n);
        var f = default(TestFunctions.Mixed);
        double[] g = AutoDiff.Gradient<double, TestFunctions.Mixed>(f, x);
        for (int i = 0; i < n; i++)
        {
            double step = Math.Pow(double.Epsilon > 0 ? 2.220446049250313e-16 : 0, 0.2) * Math.Max(1e-3, Math.Abs(x[i]));
            double F(double by) { var y = (double[])x.Clone(); y[i] += by; return f.Evaluate<double>(y); }
            double fd = (F(-2 * step) - 8 * F(-step) + 8 * F(step) - F(2 * step)) / (12 * step);
            if (!Close(g[i], fd, 1e-8, 1e-9)) return false;
        }
        return true;
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public bool Chunked_gradients_are_bit_identical_for_every_chunk_size(int seed)
    {
        int n = 1 + Math.Abs(seed % 37);
        double[] x = RandomVector(seed, n);
        var f = default(TestFunctions.Mixed);
        double[] reference = AutoDiff.Gradient<double>(v => f.Evaluate(v), x);
        foreach (int k in new[] { 0, 1, 2, 4, 8, 16, 32 })
        {
            double[] g = AutoDiff.Gradient<double, TestFunctions.Mixed>(f, x, k);
            for (int i = 0; i < n; i++)
            {
                if (BitConverter.DoubleToInt64Bits(g[i]) != BitConverter.DoubleToInt64Bits(reference[i])) return false;
            }
        }
        return true;
    }

    [FsCheck.NUnit.Property(MaxTest = 30)]
    public bool Chunked_jacobians_are_bit_identical_for_every_chunk_size_in_float_too(int seed)
    {
        int n = 2 + Math.Abs(seed % 39); // past 32: two 32-lane passes, the second partial
        float[] x = RandomVector(seed, n).Select(v => (float)v).ToArray();
        var f = default(TestFunctions.RingPlusSum);
        float[,] reference = AutoDiff.Jacobian<float>((xs, ys) => f.Evaluate(xs, ys), x, n + 1);
        foreach (int k in new[] { 1, 2, 4, 8, 16, 32 })
        {
            float[,] j = AutoDiff.Jacobian<float, TestFunctions.RingPlusSum>(f, x, n + 1, k);
            for (int r = 0; r <= n; r++)
                for (int c = 0; c < n; c++)
                    if (BitConverter.SingleToInt32Bits(j[r, c]) != BitConverter.SingleToInt32Bits(reference[r, c])) return false;
        }
        return true;
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Product_and_chain_rules_hold_on_random_compositions(int seed)
    {
        var random = new Random(seed);
        double x = random.NextDouble() * 2 - 1;
        // Random pieces: u(x) and w(x) from a small menu, composed three ways.
        Func<Dual<double>, Dual<double>>[] menu =
        [
            t => Dual<double>.Sin(t), t => Dual<double>.Exp(t * 0.5), t => t * t * t - 2 * t,
            t => Dual<double>.Atan(t), t => Dual<double>.Sqrt(t * t + 1), t => Dual<double>.Tanh(t),
        ];
        var u = menu[random.Next(menu.Length)];
        var w = menu[random.Next(menu.Length)];
        (double uv, double ud) = AutoDiff.ValueAndDerivative(u, x);
        (double wv, double wd) = AutoDiff.ValueAndDerivative(w, x);
        double product = AutoDiff.Derivative(t => u(t) * w(t), x);
        double chain = AutoDiff.Derivative(t => u(w(t)), x);
        double outer = AutoDiff.Derivative(u, wv);
        return Close(product, ud * wv + uv * wd, 1e-14, 1e-15) && Close(chain, outer * wd, 1e-14, 1e-15);
    }

    [FsCheck.NUnit.Property(MaxTest = 60)]
    public bool Second_derivative_by_nesting_matches_finite_differences_of_the_first(int seed)
    {
        double x = (new Random(seed).NextDouble() * 2 - 1) * 2;
        static T F<T>(T t) where T : System.Numerics.IFloatingPointIeee754<T> => T.Exp(T.Sin(t)) / (T.One + t * t);
        Dual<Dual<double>> seeded = new(new Dual<double>(x, 1), new Dual<double>(1, 0));
        double second = F(seeded).Tangent.Tangent;
        double h = 1e-3 * Math.Max(1, Math.Abs(x));
        double D(double at) => AutoDiff.Derivative(t => F(t), at);
        double fd = (D(x - 2 * h) - 8 * D(x - h) + 8 * D(x + h) - D(x + 2 * h)) / (12 * h);
        return Close(second, fd, 1e-8, 1e-9);
    }
}

public class ChunkedHessianTests
{
    [FsCheck.NUnit.Property(MaxTest = 25)]
    public bool Chunked_hessians_equal_pairwise_nested_hessians_bit_for_bit(int seed)
    {
        int n = 1 + System.Math.Abs(seed % 11);
        var random = new System.Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = random.NextDouble() * 2 - 1;
        var f = default(TestFunctions.Mixed);
        var gradient = new double[n];
        var reference = new double[n * n];
        double value = AutoDiff.Hessian<double>(v => f.Evaluate(v), x, gradient, reference);
        foreach (int k in new[] { 0, 2, 4, 8, 16 })
        {
            var g = new double[n];
            var h = new double[n * n];
            double v = AutoDiff.Hessian<double, TestFunctions.Mixed>(f, x, g, h, k);
            if (v != value) return false;
            for (int i = 0; i < n; i++)
                if (System.BitConverter.DoubleToInt64Bits(g[i]) != System.BitConverter.DoubleToInt64Bits(gradient[i])) return false;
            for (int i = 0; i < n * n; i++)
                if (System.BitConverter.DoubleToInt64Bits(h[i]) != System.BitConverter.DoubleToInt64Bits(reference[i])) return false;
        }
        return true;
    }

    [TestCase(17)]
    [TestCase(37)]
    public void Chunked_hessians_above_the_stack_buffer_equal_pairwise_nested_hessians_bit_for_bit(int n)
    {
        // Past 16 inputs the work array comes from the per-thread cache, and every chunk size needs several blocks per row.
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 0.9 * System.Math.Sin(1.7 * i + 0.3);
        var f = default(TestFunctions.Mixed);
        var gradient = new double[n];
        var reference = new double[n * n];
        double value = AutoDiff.Hessian<double>(v => f.Evaluate(v), x, gradient, reference);
        foreach (int k in new[] { 0, 1, 2, 4, 8, 16, 32 })
        {
            var g = new double[n];
            var h = new double[n * n];
            double v = AutoDiff.Hessian<double, TestFunctions.Mixed>(f, x, g, h, k);
            Assert.That(v, Is.EqualTo(value), $"value, chunk {k}");
            Assert.That(g, Is.EqualTo(gradient).Using<double>((a, b) => System.BitConverter.DoubleToInt64Bits(a) == System.BitConverter.DoubleToInt64Bits(b)), $"gradient, chunk {k}");
            Assert.That(h, Is.EqualTo(reference).Using<double>((a, b) => System.BitConverter.DoubleToInt64Bits(a) == System.BitConverter.DoubleToInt64Bits(b)), $"hessian, chunk {k}");
        }
    }
    /// <summary>Σ xᵢ/(1 + x²ᵢ₊₁): a dual divided by a dual in every term (the outer lanes' quotient rule).</summary>
    private struct QuotientChain : IScalarFunction
    {
        public readonly TNum Evaluate<TNum>(System.ReadOnlySpan<TNum> x) where TNum : System.Numerics.IFloatingPointIeee754<TNum>
        {
            TNum sum = TNum.Zero;
            for (int i = 0; i + 1 < x.Length; i++) sum += x[i] / (TNum.One + x[i + 1] * x[i + 1]);
            return sum;
        }
    }

    private static void AssertClose(double[] actual, double[] expected, string what)
    {
        for (int i = 0; i < expected.Length; i++)
            Assert.That(actual[i], Is.EqualTo(expected[i]).Within(1e-12 * System.Math.Max(1, System.Math.Abs(expected[i]))), $"{what}[{i}]");
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    [TestCase(8)]
    [TestCase(16)]
    public void Chunked_hessians_match_hand_derived_hessians(int k)
    {
        const int n = 19;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = 1.1 * System.Math.Cos(0.7 * i + 0.2);

        // Rosenbrock: H[i,i] = 1200xᵢ² − 400xᵢ₊₁ + 2 (i < n−1) + 200 (i > 0), H[i,i+1] = −400xᵢ.
        var hr = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            if (i + 1 < n)
            {
                hr[i * n + i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
                hr[i * n + i + 1] = hr[(i + 1) * n + i] = -400 * x[i];
            }
            if (i > 0) hr[i * n + i] += 200;
        }
        var g = new double[n];
        var h = new double[n * n];
        AutoDiff.Hessian<double, TestFunctions.Rosenbrock>(default, x, g, h, k);
        AssertClose(g, TestFunctions.Rosenbrock.AnalyticGradient(x), "Rosenbrock gradient");
        AssertClose(h, hr, "Rosenbrock Hessian");

        // xᵢ/(1 + b²) with b = xᵢ₊₁: ∂a = 1/(1+b²), ∂b = −2ab/(1+b²)², ∂a∂b = −2b/(1+b²)², ∂b∂b = a(6b² − 2)/(1+b²)³.
        var gq = new double[n];
        var hq = new double[n * n];
        for (int i = 0; i + 1 < n; i++)
        {
            double a = x[i], b = x[i + 1], d = 1 + b * b;
            gq[i] += 1 / d;
            gq[i + 1] += -2 * a * b / (d * d);
            hq[i * n + i + 1] = hq[(i + 1) * n + i] = -2 * b / (d * d);
            hq[(i + 1) * n + i + 1] += a * (6 * b * b - 2) / (d * d * d);
        }
        AutoDiff.Hessian<double, QuotientChain>(default, x, g, h, k);
        AssertClose(g, gq, "quotient gradient");
        AssertClose(h, hq, "quotient Hessian");
    }
}
