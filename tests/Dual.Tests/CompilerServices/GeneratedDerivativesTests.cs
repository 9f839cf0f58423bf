using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Reflection;
using Dual;
using Dual.CompilerServices;
using NUnit.Framework;

namespace Dual.Tests.CompilerServicesApi;

/// <summary>
/// The runtime API that generated entry points call: twins handed to AutoDiff's drivers give AutoDiff's results bit
/// for bit (and the closed forms), with the entry point's parameter names in errors, and allocate nothing once warm.
/// The twins here are written as the generator writes them: structs calling a method at the twins' dual types.
/// QuarticTwin, QuarticFloatTwin and MapTwin are marked ISelfContainedTwin, as the generator marks plain code (their
/// single passes skip the nesting guard); the single-tangent and array twins are not: both paths give AutoDiff's bits.
/// </summary>
public class GeneratedDerivativesTests
{
    // f(x) = Σ xᵢ² x₍ᵢ₊₁ mod n₎ + sin xᵢ; ∂f/∂xⱼ = 2xⱼx₍ⱼ₊₁₎ + cos xⱼ + x₍ⱼ₋₁₎².
    private static TNum Quartic<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum sum = TNum.Zero;
        for (int i = 0; i < x.Length; i++) sum += x[i] * x[i] * x[(i + 1) % x.Length] + TNum.Sin(x[i]);
        return sum;
    }

    // The same functions over SeededInputs, as the generator writes a twin whose body reads its span by index and length.
    private static Dual<T, TTangents> QuarticSeeded<T, TTangents>(SeededInputs<T, TTangents> x)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TTangents : unmanaged, ITangents<TTangents, T>
    {
        Dual<T, TTangents> sum = T.Zero;
        for (int i = 0; i < x.Length; i++) sum += x[i] * x[i] * x[(i + 1) % x.Length] + Dual<T, TTangents>.Sin(x[i]);
        return sum;
    }

    private static void MapSeeded<TTangents>(SeededInputs<double, TTangents> x, Span<Dual<double, TTangents>> y)
        where TTangents : unmanaged, ITangents<TTangents, double>
    {
        for (int i = 0; i < y.Length; i++) y[i] = x[i % x.Length] * Dual<double, TTangents>.Exp(x[(i + 1) % x.Length]);
    }

    private static Dual<double, TTangents> SinCosRingSeeded<TTangents>(SeededInputs<double, TTangents> x)
        where TTangents : unmanaged, ITangents<TTangents, double>
    {
        Dual<double, TTangents> sum = 0.0;
        for (int i = 0; i < x.Length; i++) sum += Dual<double, TTangents>.Sin(x[i]) * Dual<double, TTangents>.Cos(x[i]) + x[i] * x[(i + 1) % x.Length];
        return sum;
    }

    private static void SinCosMapSeeded<TTangents>(SeededInputs<double, TTangents> x, Span<Dual<double, TTangents>> y)
        where TTangents : unmanaged, ITangents<TTangents, double>
    {
        for (int i = 0; i < y.Length; i++)
        {
            if (i % 3 == 2) continue;
            Dual<double, TTangents> a = x[i % x.Length];
            y[i] = Dual<double, TTangents>.Sin(a) * Dual<double, TTangents>.Cos(a) + x[(i + 1) % x.Length];
        }
    }

    private static double QuarticPartial(double[] x, int j)
    {
        int n = x.Length;
        return 2 * x[j] * x[(j + 1) % n] + Math.Cos(x[j]) + x[(j - 1 + n) % n] * x[(j - 1 + n) % n];
    }

    // yᵢ = x₍ᵢ mod n₎ · exp(x₍ᵢ₊₁ mod n₎), i < m.
    private static void Map<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        for (int i = 0; i < y.Length; i++) y[i] = x[i % x.Length] * TNum.Exp(x[(i + 1) % x.Length]);
    }

    private static double MapPartial(double[] x, int i, int j)
    {
        int n = x.Length, a = i % n, b = (i + 1) % n;
        double d = 0;
        if (j == a) d += Math.Exp(x[b]);
        if (j == b) d += x[a] * Math.Exp(x[b]);
        return d;
    }

    // g(x) = Σ sin xᵢ·cos xᵢ + xᵢx₍ᵢ₊₁ mod n₎: sin and cos of one argument (the drivers' sin/cos pairing route);
    // ∂g/∂xⱼ = cos 2xⱼ + x₍ⱼ₊₁₎ + x₍ⱼ₋₁₎.
    private static TNum SinCosRing<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum sum = TNum.Zero;
        for (int i = 0; i < x.Length; i++) sum += TNum.Sin(x[i]) * TNum.Cos(x[i]) + x[i] * x[(i + 1) % x.Length];
        return sum;
    }

    private readonly struct SinCosRingFunction : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum> => SinCosRing(x);
    }

    private readonly struct SinCosRingTwin : IScalarTwin<double>, ISelfContainedTwin
    {
        public static bool HasMultiTangentTwin => true;
        public static bool HasSeededTwin => true;
        public Dual<double> Evaluate(ReadOnlySpan<Dual<double>> x) => SinCosRing(x);
        public Dual<double, TTangents> Evaluate<TTangents>(ReadOnlySpan<Dual<double, TTangents>> x) where TTangents : unmanaged, ITangents<TTangents, double> => SinCosRing(x);
        public Dual<double, TTangents> EvaluateSeeded<TTangents>(SeededInputs<double, TTangents> x) where TTangents : unmanaged, ITangents<TTangents, double> => SinCosRingSeeded(x);
    }

    /// <summary>The twin of a body that reads its span otherwise than by index (no seeded twin): the single pass seeds a work array.</summary>
    private readonly struct SinCosRingFilledTwin : IScalarTwin<double>, ISelfContainedTwin
    {
        public static bool HasMultiTangentTwin => true;
        public static bool HasSeededTwin => false;
        public Dual<double> Evaluate(ReadOnlySpan<Dual<double>> x) => SinCosRing(x);
        public Dual<double, TTangents> Evaluate<TTangents>(ReadOnlySpan<Dual<double, TTangents>> x) where TTangents : unmanaged, ITangents<TTangents, double> => SinCosRing(x);
        public Dual<double, TTangents> EvaluateSeeded<TTangents>(SeededInputs<double, TTangents> x) where TTangents : unmanaged, ITangents<TTangents, double>
            => throw GeneratedDerivatives.NoSeededTwin("SinCosRing");
    }

    // yᵢ = sin xₐ·cos xₐ + x_b (a = i mod n, b = i + 1 mod n), except that every third output is left unwritten (0 with
    // zero partials); ∂yᵢ/∂xⱼ = [j = a]·cos 2xₐ + [j = b].
    private static void SinCosMap<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        for (int i = 0; i < y.Length; i++)
        {
            if (i % 3 == 2) continue;
            TNum a = x[i % x.Length];
            y[i] = TNum.Sin(a) * TNum.Cos(a) + x[(i + 1) % x.Length];
        }
    }

    private readonly struct SinCosMapFunction : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum> => SinCosMap(x, y);
    }

    private readonly struct SinCosMapTwin : IVectorTwin<double>, ISelfContainedTwin
    {
        public static bool HasMultiTangentTwin => true;
        public static bool HasSeededTwin => true;
        public void Evaluate(ReadOnlySpan<Dual<double>> x, Span<Dual<double>> y) => SinCosMap(x, y);
        public void Evaluate<TTangents>(ReadOnlySpan<Dual<double, TTangents>> x, Span<Dual<double, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, double> => SinCosMap(x, y);
        public void EvaluateSeeded<TTangents>(SeededInputs<double, TTangents> x, Span<Dual<double, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, double> => SinCosMapSeeded(x, y);
    }

    private readonly struct SinCosMapFilledTwin : IVectorTwin<double>, ISelfContainedTwin
    {
        public static bool HasMultiTangentTwin => true;
        public static bool HasSeededTwin => false;
        public void Evaluate(ReadOnlySpan<Dual<double>> x, Span<Dual<double>> y) => SinCosMap(x, y);
        public void Evaluate<TTangents>(ReadOnlySpan<Dual<double, TTangents>> x, Span<Dual<double, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, double> => SinCosMap(x, y);
        public void EvaluateSeeded<TTangents>(SeededInputs<double, TTangents> x, Span<Dual<double, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, double>
            => throw GeneratedDerivatives.NoSeededTwin("SinCosMap");
    }

    private readonly struct QuarticFunction : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : IFloatingPointIeee754<TNum> => Quartic(x);
    }

    private readonly struct MapFunction : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum> => Map(x, y);
    }

    private readonly struct QuarticTwin : IScalarTwin<double>, ISelfContainedTwin
    {
        public static bool HasMultiTangentTwin => true;
        public static bool HasSeededTwin => true;
        public Dual<double> Evaluate(ReadOnlySpan<Dual<double>> x) => Quartic(x);
        public Dual<double, TTangents> Evaluate<TTangents>(ReadOnlySpan<Dual<double, TTangents>> x) where TTangents : unmanaged, ITangents<TTangents, double> => Quartic(x);
        public Dual<double, TTangents> EvaluateSeeded<TTangents>(SeededInputs<double, TTangents> x) where TTangents : unmanaged, ITangents<TTangents, double> => QuarticSeeded(x);
    }

    private readonly struct QuarticSingleTwin : IScalarTwin<double>
    {
        public static bool HasMultiTangentTwin => false;
        public Dual<double> Evaluate(ReadOnlySpan<Dual<double>> x) => Quartic(x);
        public Dual<double, TTangents> Evaluate<TTangents>(ReadOnlySpan<Dual<double, TTangents>> x) where TTangents : unmanaged, ITangents<TTangents, double>
            => throw GeneratedDerivatives.NoMultiTangentTwin("Quartic");
        public static bool HasSeededTwin => false;
        public Dual<double, TTangents> EvaluateSeeded<TTangents>(SeededInputs<double, TTangents> x) where TTangents : unmanaged, ITangents<TTangents, double>
            => throw GeneratedDerivatives.NoSeededTwin("Quartic");
    }

    private readonly struct QuarticFloatTwin : IScalarTwin<float>, ISelfContainedTwin
    {
        public static bool HasMultiTangentTwin => true;
        public Dual<float> Evaluate(ReadOnlySpan<Dual<float>> x) => Quartic(x);
        public Dual<float, TTangents> Evaluate<TTangents>(ReadOnlySpan<Dual<float, TTangents>> x) where TTangents : unmanaged, ITangents<TTangents, float> => Quartic(x);
        public static bool HasSeededTwin => true;
        public Dual<float, TTangents> EvaluateSeeded<TTangents>(SeededInputs<float, TTangents> x) where TTangents : unmanaged, ITangents<TTangents, float> => QuarticSeeded(x);
    }

    private readonly struct MapTwin : IVectorTwin<double>, ISelfContainedTwin
    {
        public static bool HasMultiTangentTwin => true;
        public static bool HasSeededTwin => true;
        public void Evaluate(ReadOnlySpan<Dual<double>> x, Span<Dual<double>> y) => Map(x, y);
        public void Evaluate<TTangents>(ReadOnlySpan<Dual<double, TTangents>> x, Span<Dual<double, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, double> => Map(x, y);
        public void EvaluateSeeded<TTangents>(SeededInputs<double, TTangents> x, Span<Dual<double, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, double> => MapSeeded(x, y);
    }

    private readonly struct MapSingleTwin : IVectorTwin<double>
    {
        public static bool HasMultiTangentTwin => false;
        public void Evaluate(ReadOnlySpan<Dual<double>> x, Span<Dual<double>> y) => Map(x, y);
        public void Evaluate<TTangents>(ReadOnlySpan<Dual<double, TTangents>> x, Span<Dual<double, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, double>
            => throw GeneratedDerivatives.NoMultiTangentTwin("Map");
        public static bool HasSeededTwin => false;
        public void EvaluateSeeded<TTangents>(SeededInputs<double, TTangents> x, Span<Dual<double, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, double>
            => throw GeneratedDerivatives.NoSeededTwin("Map");
    }

    /// <summary>A twin taking an array, as the generator writes it for <c>F(double[] x)</c>.</summary>
    private readonly struct QuarticArrayTwin : IScalarTwin<double>
    {
        private static Dual<double> F(Dual<double>[] x) => Quartic<Dual<double>>(x);
        public static bool HasSeededTwin => false;
        public Dual<double, TTangents> EvaluateSeeded<TTangents>(SeededInputs<double, TTangents> x) where TTangents : unmanaged, ITangents<TTangents, double>
            => throw GeneratedDerivatives.NoSeededTwin("Quartic");
        private static Dual<double, TTangents> F<TTangents>(Dual<double, TTangents>[] x) where TTangents : unmanaged, ITangents<TTangents, double> => Quartic<Dual<double, TTangents>>(x);

        public static bool HasMultiTangentTwin => true;

        public Dual<double> Evaluate(ReadOnlySpan<Dual<double>> x)
        {
            Dual<double>[] a = TwinArrays.Copy(x);
            try { return F(a); }
            finally { TwinArrays.Return(a); }
        }

        public Dual<double, TTangents> Evaluate<TTangents>(ReadOnlySpan<Dual<double, TTangents>> x) where TTangents : unmanaged, ITangents<TTangents, double>
        {
            Dual<double, TTangents>[] a = TwinArrays.Copy(x);
            try { return F(a); }
            finally { TwinArrays.Return(a); }
        }
    }

    private static double[] Point(int n, int seed = 1)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => r.NextDouble() * 2 - 1).ToArray();
    }

    private static readonly int[] Sizes = [1, 2, 3, 5, 8, 9, 16, 17, 40, 300];

    [TestCaseSource(nameof(Sizes))]
    public void Gradient_is_AutoDiffs_bit_for_bit_and_the_closed_form(int n)
    {
        double[] x = Point(n);
        var expected = new double[n];
        double expectedValue = AutoDiff.Gradient<double, QuarticFunction>(default, x, expected);
        foreach ((string name, Func<double[], double[], double> gradient) in new (string, Func<double[], double[], double>)[]
        {
            ("multi-tangent", (a, g) => GeneratedDerivatives.Gradient<double, QuarticTwin>(default, a, g, "x", "gradient")),
            ("single-tangent", (a, g) => GeneratedDerivatives.Gradient<double, QuarticSingleTwin>(default, a, g, "x", "gradient")),
            ("array twin", (a, g) => GeneratedDerivatives.Gradient<double, QuarticArrayTwin>(default, a, g, "x", "gradient")),
        })
        {
            var g = new double[n];
            double value = gradient(x, g);
            Assert.That(value, Is.EqualTo(expectedValue), name);
            Assert.That(g, Is.EqualTo(expected), name + ": bit-identical to AutoDiff.Gradient");
            for (int j = 0; j < n; j++) Assert.That(g[j], Is.EqualTo(QuarticPartial(x, j)).Within(1e-13), name + " vs closed form");
        }
    }

    [Test]
    public void A_twin_pairing_sin_and_cos_gives_AutoDiffs_bits_before_and_after_the_pairing_verdict([Values(1, 2, 3, 5, 8, 10, 16)] int n, [Values] bool seeded)
    {
        if (seeded) SinCosRingGradients<SinCosRingTwin>(n);
        else SinCosRingGradients<SinCosRingFilledTwin>(n);
    }

    private static void SinCosRingGradients<TTwin>(int n) where TTwin : struct, IScalarTwin<double>
    {
        double[] x = Point(n, 3);
        var expected = new double[n];
        double expectedValue = AutoDiff.Gradient<double, SinCosRingFunction>(default, x, expected);
        for (int j = 0; j < n; j++)
        {
            Assert.That(expected[j], Is.EqualTo(Math.Cos(2 * x[j]) + x[(j + 1) % n] + x[(j - 1 + n) % n]).Within(1e-13), "AutoDiff vs closed form");
        }
        // Enough calls for the drivers to observe the function and settle on a verdict, then some on it.
        for (int call = 0; call < 40; call++)
        {
            var g = new double[n];
            Assert.That(GeneratedDerivatives.Gradient<double, TTwin>(default, x, g, "x", "gradient"), Is.EqualTo(expectedValue));
            Assert.That(g, Is.EqualTo(expected), $"call {call}: bit-identical to AutoDiff.Gradient");
        }
        // The gradient written over x itself: x is read whole first (seeded: read as the pass goes, the gradient written after).
        double[] shared = (double[])x.Clone();
        GeneratedDerivatives.Gradient<double, TTwin>(default, shared, shared, "x", "gradient");
        Assert.That(shared, Is.EqualTo(expected), "gradient overlapping x");
    }

    [Test]
    public void Float_twins_use_the_float_blocks()
    {
        float[] x = Point(11).Select(v => (float)v).ToArray();
        var g = new float[11];
        var expected = new float[11];
        float value = GeneratedDerivatives.Gradient<float, QuarticFloatTwin>(default, x, g, "x", "gradient");
        Assert.That(value, Is.EqualTo(AutoDiff.Gradient<float, QuarticFunction>(default, x, expected)));
        Assert.That(g, Is.EqualTo(expected));
        double[] xd = x.Select(v => (double)v).ToArray();
        for (int j = 0; j < 11; j++) Assert.That(g[j], Is.EqualTo(QuarticPartial(xd, j)).Within(1e-5));
    }

    [Test]
    public void Derivative_and_scalar_jvp_of_one_input()
    {
        const double x = 0.7;
        (double value, double derivative) = GeneratedDerivatives.ValueAndDerivative<double, QuarticTwin>(default, x);
        Assert.That(value, Is.EqualTo(x * x * x + Math.Sin(x)).Within(1e-15));
        Assert.That(derivative, Is.EqualTo(3 * x * x + Math.Cos(x)).Within(1e-15));
        (double v2, double directional) = GeneratedDerivatives.Jvp<double, QuarticTwin>(default, x, -2.5);
        Assert.That(v2, Is.EqualTo(value));
        Assert.That(directional, Is.EqualTo(-2.5 * (3 * x * x + Math.Cos(x))).Within(1e-14));
    }

    [TestCaseSource(nameof(Sizes))]
    public void Jvp_is_AutoDiffs_bit_for_bit(int n)
    {
        double[] x = Point(n), v = Point(n, 2);
        var expected = AutoDiff.Jvp<double, QuarticFunction>(default, x, v);
        var actual = GeneratedDerivatives.Jvp<double, QuarticTwin>(default, x, v, "x", "v");
        Assert.That(actual, Is.EqualTo(expected));
        double closed = Enumerable.Range(0, n).Sum(j => QuarticPartial(x, j) * v[j]);
        Assert.That(actual.Tangent, Is.EqualTo(closed).Within(1e-12));
    }

    [TestCase(1, 3)]
    [TestCase(2, 5)]
    [TestCase(4, 15)]
    [TestCase(10, 7)]
    [TestCase(16, 16)]
    [TestCase(4, 20)] // more outputs than a stack buffer holds: the chunk loop's pooled arrays
    public void A_vector_twin_pairing_sin_and_cos_gives_AutoDiffs_Jacobian_before_and_after_the_pairing_verdict(int n, int m)
    {
        SinCosMapJacobians<SinCosMapTwin>(n, m);
        SinCosMapJacobians<SinCosMapFilledTwin>(n, m);
    }

    private static void SinCosMapJacobians<TTwin>(int n, int m) where TTwin : struct, IVectorTwin<double>
    {
        double[] x = Point(n, 7);
        var expected = new double[m * n];
        var expectedValues = new double[m];
        AutoDiff.Jacobian<double, SinCosMapFunction>(default, x, expectedValues, expected);
        for (int i = 0; i < m; i++)
        {
            int a = i % n, b = (i + 1) % n;
            for (int j = 0; j < n; j++)
            {
                double partial = i % 3 == 2 ? 0 : (j == a ? Math.Cos(2 * x[a]) : 0) + (j == b ? 1 : 0);
                Assert.That(expected[i * n + j], Is.EqualTo(partial).Within(1e-13), $"AutoDiff vs closed form ({i}, {j})");
            }
        }
        // Enough calls for the drivers to settle on a pairing verdict, then some on it; outputs start non-zero each time.
        for (int call = 0; call < 40; call++)
        {
            var values = Enumerable.Repeat(9.0, m).ToArray();
            var j = Enumerable.Repeat(9.0, m * n).ToArray();
            GeneratedDerivatives.Jacobian<double, TTwin>(default, x, values, j, "x", "y", "jacobian");
            Assert.That(values, Is.EqualTo(expectedValues), $"call {call}: values");
            Assert.That(j, Is.EqualTo(expected), $"call {call}: bit-identical to AutoDiff.Jacobian");
        }
    }

    [TestCase(1, 1)]
    [TestCase(3, 5)]
    [TestCase(8, 8)]
    [TestCase(17, 4)]
    [TestCase(40, 41)]
    public void Jacobian_and_vector_jvp_are_AutoDiffs_bit_for_bit(int n, int m)
    {
        double[] x = Point(n), v = Point(n, 3);
        var expected = new double[m * n];
        var expectedValues = new double[m];
        AutoDiff.Jacobian<double, MapFunction>(default, x, expectedValues, expected);
        foreach (bool multi in new[] { true, false })
        {
            var j = new double[m * n];
            var values = new double[m];
            if (multi) GeneratedDerivatives.Jacobian<double, MapTwin>(default, x, values, j, "x", "y", "jacobian");
            else GeneratedDerivatives.Jacobian<double, MapSingleTwin>(default, x, values, j, "x", "y", "jacobian");
            Assert.That(values, Is.EqualTo(expectedValues));
            Assert.That(j, Is.EqualTo(expected), multi ? "multi-tangent" : "single-tangent (Tangents1 passes)");
            for (int i = 0; i < m; i++)
            {
                for (int c = 0; c < n; c++) Assert.That(j[i * n + c], Is.EqualTo(MapPartial(x, i, c)).Within(1e-13));
            }
        }
        var jvp = new double[m];
        var jvpValues = new double[m];
        var expectedJvp = new double[m];
        AutoDiff.Jvp<double, MapFunction>(default, x, v, new double[m], expectedJvp);
        GeneratedDerivatives.Jvp<double, MapTwin>(default, x, v, jvpValues, jvp, "x", "v", "y", "jvp");
        Assert.That(jvp, Is.EqualTo(expectedJvp));
        Assert.That(jvpValues, Is.EqualTo(expectedValues));
    }

    [Test]
    public void A_one_tangent_block_dual_has_the_layout_of_Dual()
    {
        var multi = new Dual<double, Tangents1<double>>(1.25, Tangents1<double>.Unit(0, -3.5));
        Dual<double> single = System.Runtime.CompilerServices.Unsafe.As<Dual<double, Tangents1<double>>, Dual<double>>(ref multi);
        Assert.That(single.Value, Is.EqualTo(1.25));
        Assert.That(single.Tangent, Is.EqualTo(-3.5));
        Assert.That(System.Runtime.CompilerServices.Unsafe.SizeOf<Dual<double, Tangents1<double>>>(), Is.EqualTo(System.Runtime.CompilerServices.Unsafe.SizeOf<Dual<double>>()));
        var multiF = new Dual<float, Tangents1<float>>(2f, Tangents1<float>.Unit(0, 7f));
        Dual<float> singleF = System.Runtime.CompilerServices.Unsafe.As<Dual<float, Tangents1<float>>, Dual<float>>(ref multiF);
        Assert.That((singleF.Value, singleF.Tangent), Is.EqualTo((2f, 7f)));
    }

    [Test]
    public void Errors_name_the_entry_points_parameters()
    {
        var e = Assert.Throws<ArgumentException>(() => GeneratedDerivatives.Gradient<double, QuarticTwin>(default, new double[3], new double[2], "w", "grad"))!;
        Assert.That(e.Message, Does.Contain("'w'"));
        Assert.That(e.ParamName, Is.EqualTo("grad"));
        e = Assert.Throws<ArgumentException>(() => GeneratedDerivatives.Jvp<double, QuarticTwin>(default, new double[3], new double[4], "w", "dir"))!;
        Assert.That(e.ParamName, Is.EqualTo("dir"));
        e = Assert.Throws<ArgumentException>(() => GeneratedDerivatives.Jacobian<double, MapTwin>(default, new double[3], new double[2], new double[5], "q", "p", "j"))!;
        Assert.That(e.ParamName, Is.EqualTo("j"));
        Assert.That(e.Message, Does.Contain("6"));
        var shared = new double[8];
        e = Assert.Throws<ArgumentException>(() => GeneratedDerivatives.Jacobian<double, MapTwin>(default, new double[2], shared.AsSpan(0, 2), shared.AsSpan(1, 4), "q", "p", "j"))!;
        Assert.That(e.Message, Does.Contain("'p' and 'j' share memory"));
        e = Assert.Throws<ArgumentException>(() => GeneratedDerivatives.Jvp<double, MapTwin>(default, new double[2], new double[2], new double[3], new double[2], "q", "dq", "p", "jv"))!;
        Assert.That(e.ParamName, Is.EqualTo("jv"));
    }

    [Test]
    public void A_driver_number_type_the_twin_is_not_typed_for_is_refused()
    {
        var f = new VectorTwinFunction<double, MapTwin>(default);
        var e = Assert.Throws<NotSupportedException>(() => f.Evaluate<Dual<Dual<double>>>(new Dual<Dual<double>>[2], new Dual<Dual<double>>[2]))!;
        Assert.That(e.Message, Does.Contain("Dual<Dual<double>>"));
    }

    // ------------------------------------------------------------------ allocation

    private delegate void Call(int n);

    private static readonly double[] X40 = Point(40), V40 = Point(40, 5), G40 = new double[40], Y40 = new double[40], J40 = new double[1600], Jv40 = new double[40];

    /// <summary>Each allocation-free method of <see cref="GeneratedDerivatives"/>, keyed by name and parameter types.</summary>
    private static readonly Dictionary<string, Call> Calls = new()
    {
        ["ValueAndDerivative(TTwin, T)"] = _ => GeneratedDerivatives.ValueAndDerivative<double, QuarticTwin>(default, 0.3),
        ["Gradient(TTwin, ReadOnlySpan`1, Span`1, String, String)"] = n =>
        {
            GeneratedDerivatives.Gradient<double, QuarticTwin>(default, X40.AsSpan(0, n), G40.AsSpan(0, n), "x", "g");
            GeneratedDerivatives.Gradient<double, QuarticSingleTwin>(default, X40.AsSpan(0, n), G40.AsSpan(0, n), "x", "g");
            GeneratedDerivatives.Gradient<double, QuarticArrayTwin>(default, X40.AsSpan(0, n), G40.AsSpan(0, n), "x", "g");
        },
        ["Jvp(TTwin, T, T)"] = _ => GeneratedDerivatives.Jvp<double, QuarticTwin>(default, 0.3, 1.0),
        ["Jvp(TTwin, ReadOnlySpan`1, ReadOnlySpan`1, String, String)"] = n => GeneratedDerivatives.Jvp<double, QuarticTwin>(default, X40.AsSpan(0, n), V40.AsSpan(0, n), "x", "v"),
        ["Jacobian(TTwin, ReadOnlySpan`1, Span`1, Span`1, String, String, String)"] = n =>
        {
            GeneratedDerivatives.Jacobian<double, MapTwin>(default, X40.AsSpan(0, n), Y40.AsSpan(0, n), J40.AsSpan(0, n * n), "x", "y", "j");
            GeneratedDerivatives.Jacobian<double, MapSingleTwin>(default, X40.AsSpan(0, n), Y40.AsSpan(0, n), J40.AsSpan(0, n * n), "x", "y", "j");
        },
        ["Jvp(TTwin, ReadOnlySpan`1, ReadOnlySpan`1, Span`1, Span`1, String, String, String, String)"] = n =>
            GeneratedDerivatives.Jvp<double, MapTwin>(default, X40.AsSpan(0, n), V40.AsSpan(0, n), Y40.AsSpan(0, n), Jv40.AsSpan(0, n), "x", "v", "y", "jv"),
    };

    private static string Key(MethodInfo m) => m.Name + "(" + string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name)) + ")";

    [Test]
    public void The_allocation_cases_cover_every_derivative_method()
    {
        // Preparation and pattern detection build objects by design; everything else must be in Calls.
        var methods = typeof(GeneratedDerivatives).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name is not ("PrepareSparseJacobian" or "SparseJacobian" or "JacobianSparsity" or "NoMultiTangentTwin" or "NoSeededTwin"))
            .Select(Key).ToHashSet();
        Assert.That(Calls.Keys, Is.EquivalentTo(methods));
    }

    [Test]
    public void Warm_calls_allocate_nothing([Values(1, 5, 37)] int n, [ValueSource(nameof(CallKeys))] string key)
    {
        Call call = Calls[key];
        call(n);
        call(n);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++) call(n);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0), key);
    }

    private static IEnumerable<string> CallKeys() => Calls.Keys.Order();

    [Test]
    public void Carried_spans_round_trip_without_allocating_once_warm()
    {
        var data = new double[] { 1, 2, 3 };
        void Once()
        {
            var carried = CarriedSpan<double>.Copy(data);
            carried.Span[1] = 20;
            carried.CopyBackTo(data);
            carried.Release();
        }
        Once();
        Assert.That(data, Is.EqualTo(new double[] { 1, 20, 3 }));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++) Once();
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
        Assert.That(CarriedSpan<double>.Copy(ReadOnlySpan<double>.Empty).ReadOnlySpan.IsEmpty, Is.True);
    }

    // ------------------------------------------------------------------ sparsity through the twin

    /// <summary>A periodic 3-point stencil with a branch: yᵢ = x₍ᵢ₋₁₎ − 2xᵢ + x₍ᵢ₊₁₎, plus x₀ on rows where xᵢ &gt; 0.</summary>
    private static void Stencil<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum>
    {
        int n = x.Length;
        for (int i = 0; i < n; i++)
        {
            TNum s = x[(i + n - 1) % n] - (x[i] + x[i]) + x[(i + 1) % n];
            y[i] = x[i] > TNum.Zero ? s * TNum.Exp(x[0]) : s;
        }
    }

    private readonly struct StencilFunction : IVectorFunction
    {
        public void Evaluate<TNum>(ReadOnlySpan<TNum> x, Span<TNum> y) where TNum : IFloatingPointIeee754<TNum> => Stencil(x, y);
    }

    private readonly struct StencilTwin : IVectorTwin<double>
    {
        public static bool HasMultiTangentTwin => true;
        public void Evaluate(ReadOnlySpan<Dual<double>> x, Span<Dual<double>> y) => Stencil(x, y);
        public void Evaluate<TTangents>(ReadOnlySpan<Dual<double, TTangents>> x, Span<Dual<double, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, double> => Stencil(x, y);
        public static bool HasSeededTwin => false;
        public void EvaluateSeeded<TTangents>(SeededInputs<double, TTangents> x, Span<Dual<double, TTangents>> y) where TTangents : unmanaged, ITangents<TTangents, double>
            => throw GeneratedDerivatives.NoSeededTwin("Stencil");
    }

    [TestCase(3)]
    [TestCase(40)]
    [TestCase(600)]
    public void Detection_through_the_twin_equals_the_local_tracer(int n)
    {
        double[] x = Point(n, 7);
        SparsityPattern expected = AutoDiff.JacobianSparsity<double, StencilFunction>(default, x, n, SparsityDetection.Local);
        SparsityPattern actual = GeneratedDerivatives.JacobianSparsity<double, StencilTwin>(default, x, n);
        Assert.That(actual, Is.EqualTo(expected));
        var values = new double[n];
        SparseJacobian<double> result = GeneratedDerivatives.SparseJacobian<double, StencilTwin>(default, x, values);
        var dense = new double[n * n];
        AutoDiff.Jacobian<double, StencilFunction>(default, x, new double[n], dense);
        double[,] sparse = result.ToDense();
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) Assert.That(sparse[i, j], Is.EqualTo(dense[i * n + j]), $"J[{i}, {j}]");
        }
    }

    [Test]
    public void Single_tangent_twins_cannot_be_traced()
    {
        var e = Assert.Throws<NotSupportedException>(() => GeneratedDerivatives.JacobianSparsity<double, MapSingleTwin>(default, new double[3], 3))!;
        Assert.That(e.Message, Does.Contain("pass a pattern"));
    }

    [Test]
    public void The_pattern_builder_sorts_merges_and_checks_ranges()
    {
        var b = new SparsityPatternBuilder(3, 4, "F");
        b.Add(2, 3);
        b.Add(0, 1);
        b.Add(2, 0);
        b.Add(0, 1);
        SparsityPattern p = b.ToPattern();
        Assert.That(p.RowOffsets.ToArray(), Is.EqualTo(new[] { 0, 1, 1, 3 }));
        Assert.That(p.ColumnIndices.ToArray(), Is.EqualTo(new[] { 1, 0, 3 }));
        var e = Assert.Throws<ArgumentException>(() => b.Add(3, 0))!;
        Assert.That(e.Message, Does.Contain("'F'").And.Contain("input 0 into output 3"));
        Assert.Throws<ArgumentException>(() => b.Add(0, -1));
    }
}
