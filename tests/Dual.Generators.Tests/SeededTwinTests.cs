using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// The multi-tangent twin over <c>SeededInputs</c> (<c>SeededInputUse</c>): which methods get it (a body reading its
/// differentiated span only by <see cref="int"/> index, as a value, and by <c>Length</c>/<c>IsEmpty</c>), that every
/// method on either side of the rule compiles, and that the entry points give the closed-form gradient and Jacobian both
/// through it (one pass, n ≤ k) and through the chunked passes (n > k), which seed a work array.
/// </summary>
public class SeededTwinTests
{
    private const string Source = """
        using System;
        using System.Linq;
        using Dual;

        namespace Seeded;

        public static partial class F
        {
            /// <summary>Σ xᵢ·sin x₍ᵢ₊₁ mod n₎ (+ n when empty): read by index, Length and IsEmpty.</summary>
            [Differentiable]
            public static double Indexed(ReadOnlySpan<double> x)
            {
                if (x.IsEmpty) return 0;
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += x[i] * Math.Sin(x[(i + 1) % x.Length]);
                return s;
            }

            [Differentiable]
            public static float IndexedFloat(ReadOnlySpan<float> x)
            {
                float s = 0;
                for (int i = 0; i < x.Length; i++) s += x[i] * MathF.Sin(x[(i + 1) % x.Length]);
                return s;
            }

            /// <summary>yᵢ = x₍ᵢ mod n₎·exp(x₍ᵢ₊₁ mod n₎), with the index held in a long cast back to int.</summary>
            [Differentiable]
            public static void Map(ReadOnlySpan<double> x, Span<double> y)
            {
                for (long i = 0; i < y.Length; i++) y[(int)i] = x[(int)(i % x.Length)] * Math.Exp(x[(int)((i + 1) % x.Length)]);
            }

            /// <summary>Map over arrays: the seeded x, and y through the twin's own cleared array.</summary>
            [Differentiable]
            public static void MapArray(double[] x, double[] y)
            {
                for (int i = 0; i < y.Length; i++) y[i] = x[i % x.Length] * Math.Exp(x[(i + 1) % x.Length]);
            }

            // The same function, each reading x in one way the seeded view does not allow.
            [Differentiable]
            public static double Sliced(ReadOnlySpan<double> x)
            {
                ReadOnlySpan<double> rest = x.Slice(1);
                double s = x[0] * Math.Sin(x[1 % x.Length]);
                for (int i = 0; i < rest.Length; i++) s += rest[i] * Math.Sin(x[(i + 2) % x.Length]);
                return s;
            }

            [Differentiable]
            public static double Enumerated(ReadOnlySpan<double> x)
            {
                double s = 0;
                int i = 0;
                foreach (double v in x) s += v * Math.Sin(x[(++i) % x.Length]);
                return s;
            }

            [Differentiable]
            public static double PassesOn(ReadOnlySpan<double> x) => Indexed(x);

            [Differentiable]
            public static double RefLocal(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    ref readonly double xi = ref x[i];
                    s += xi * Math.Sin(x[(i + 1) % x.Length]);
                }
                return s;
            }

            [Differentiable]
            public static double FromEnd(ReadOnlySpan<double> x)
            {
                double s = x[^1] * Math.Sin(x[0]);
                for (int i = 0; i + 1 < x.Length; i++) s += x[i] * Math.Sin(x[i + 1]);
                return s;
            }

            [Differentiable]
            public static double InArgument(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += Term(in x[i], x[(i + 1) % x.Length]);
                return s;
            }

            private static double Term(in double a, double b) => a * Math.Sin(b);

            // An array, a writable span and params: the seeded twin also spares the twin's own copy of x.
            [Differentiable]
            public static double IndexedArray(double[] x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += x[i] * Math.Sin(x[(i + 1) % x.Length]);
                return s;
            }

            [Differentiable]
            public static double IndexedSpan(Span<double> x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += x[i] * Math.Sin(x[(i + 1) % x.Length]);
                return s;
            }

            [Differentiable]
            public static double IndexedParams(params double[] x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += x[i] * Math.Sin(x[(i + 1) % x.Length]);
                return s;
            }

            /// <summary>Reads x inside a lambda: the view, a ref struct, could not be captured.</summary>
            [Differentiable]
            public static double Captured(double[] x) => System.Linq.Enumerable.Range(0, x.Length).Select(i => x[i] * Math.Sin(x[(i + 1) % x.Length])).Sum();

            /// <summary>Writes its own array (adding zero): the twin needs its own copy.</summary>
            [Differentiable]
            public static double WritesArray(double[] x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] += 0.0;
                    s += x[i] * Math.Sin(x[(i + 1) % x.Length]);
                }
                return s;
            }
        }

        public static class Run
        {
            public static double[] Gradient(string which, double[] x)
            {
                var g = new double[x.Length];
                double value = which switch
                {
                    "Indexed" => F.IndexedGradient(x, g),
                    "Sliced" => F.SlicedGradient(x, g),
                    "Enumerated" => F.EnumeratedGradient(x, g),
                    "PassesOn" => F.PassesOnGradient(x, g),
                    "RefLocal" => F.RefLocalGradient(x, g),
                    "FromEnd" => F.FromEndGradient(x, g),
                    "InArgument" => F.InArgumentGradient(x, g),
                    "IndexedArray" => F.IndexedArrayGradient(x, g),
                    "IndexedSpan" => F.IndexedSpanGradient(x.AsSpan(), g),
                    "IndexedParams" => F.IndexedParamsGradient(g, x), // params last: the entry point's own parameters come first
                    "WritesArray" => F.WritesArrayGradient(x, g),
                    "Captured" => F.CapturedGradient(x, g),
                    _ => throw new ArgumentException(which),
                };
                return [value, .. g];
            }

            /// <summary>The prepared sparse Jacobian of a method over arrays (its y is not a parameter of the Prepare
            /// methods), dense, with the compile-time pattern and with a pattern passed in.</summary>
            public static double[] PreparedMapArray(double[] x, int m, bool proven)
            {
                var p = proven ? F.MapArrayPrepareSparseJacobian(x, m) : F.MapArrayPrepareSparseJacobian(x, F.MapArrayJacobianSparsity(x.Length, m));
                var r = p.CreateResult();
                var y = new double[m];
                p.Evaluate(x, y, r);
                double[,] dense = r.ToDense();
                var flat = new double[m * x.Length];
                for (int i = 0; i < m; i++) for (int j = 0; j < x.Length; j++) flat[i * x.Length + j] = dense[i, j];
                return [.. y, .. flat];
            }

            public static void PrepareWithNullX() => F.MapArrayPrepareSparseJacobian(null!, 3);

            public static float[] FloatGradient(float[] x)
            {
                var g = new float[x.Length];
                float value = F.IndexedFloatGradient(x, g);
                return [value, .. g];
            }

            public static double[] Jacobian(double[] x, int m, bool arrays)
            {
                var y = new double[m];
                var j = new double[m * x.Length];
                Array.Fill(y, 9.0);
                Array.Fill(j, 9.0);
                if (arrays) F.MapArrayJacobian(x, y, j);
                else F.MapJacobian(x, y, j);
                return [.. y, .. j];
            }
        }
        """;

    private static readonly Lazy<GeneratorHarness.Result> s_run = new(() => GeneratorHarness.Run(Source));
    private static readonly Lazy<Assembly> s_assembly = new(() => GeneratorHarness.CompileAndLoad(Source));

    [TestCase("Indexed", true)]
    [TestCase("IndexedFloat", true)]
    [TestCase("Map", true)]
    [TestCase("MapArray", true)]
    [TestCase("Sliced", false)]
    [TestCase("Enumerated", false)]
    [TestCase("PassesOn", false)]
    [TestCase("RefLocal", false)]
    [TestCase("FromEnd", false)]
    [TestCase("InArgument", false)]
    [TestCase("IndexedArray", true)]
    [TestCase("IndexedSpan", true)]
    [TestCase("IndexedParams", true)]
    [TestCase("WritesArray", false)]
    [TestCase("Captured", false)]
    public void The_seeded_twin_is_emitted_only_for_reads_by_index_and_length(string method, bool seeded)
    {
        string text = s_run.Value.Generated("Seeded.F." + method + ".g.cs");
        Assert.That(text, Does.Contain("public static bool HasSeededTwin => " + (seeded ? "true" : "false") + ";"));
        bool hasOverload = Regex.IsMatch(text, @" " + method + @"<TTangents>\(global::Dual\.CompilerServices\.SeededInputs<(double|float), TTangents> x[,)]");
        Assert.That(hasOverload, Is.EqualTo(seeded), text);
    }

    [Test]
    public void Every_method_compiles_without_a_diagnostic()
    {
        Assert.That(s_run.Value.Dual.Select(d => d.ToString()), Is.Empty);
        Assert.That(s_run.Value.Output.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.ToString()), Is.Empty);
    }

    private static double[] Point(int n)
    {
        var r = new Random(n);
        return Enumerable.Range(0, n).Select(_ => r.NextDouble() * 3 - 1.5).ToArray();
    }

    // f = Σ xᵢ sin x₍ᵢ₊₁₎: ∂f/∂xⱼ = sin x₍ⱼ₊₁₎ + x₍ⱼ₋₁₎ cos xⱼ (indices mod n).
    private static double Partial(double[] x, int j)
    {
        int n = x.Length;
        return Math.Sin(x[(j + 1) % n]) + x[(j - 1 + n) % n] * Math.Cos(x[j]);
    }

    [Test]
    public void Every_form_gives_the_closed_form_gradient_in_one_pass_and_in_chunks(
        [Values("Indexed", "Sliced", "Enumerated", "PassesOn", "RefLocal", "FromEnd", "InArgument", "IndexedArray", "IndexedSpan", "IndexedParams", "WritesArray", "Captured")] string method,
        [Values(2, 3, 10, 16, 17, 40)] int n)
    {
        double[] x = Point(n);
        double[] before = (double[])x.Clone();
        double[] result = s_assembly.Value.Method("Seeded.Run", "Gradient", typeof(string), typeof(double[])).Call<double[]>(method, x);
        Assert.That(x, Is.EqualTo(before), "the caller's x is left as it was");
        double value = Enumerable.Range(0, n).Sum(i => x[i] * Math.Sin(x[(i + 1) % n]));
        Assert.That(result[0], Is.EqualTo(value).Within(1e-13), "value");
        for (int j = 0; j < n; j++) Assert.That(result[1 + j], Is.EqualTo(Partial(x, j)).Within(1e-13), $"∂f/∂x{j}");
        if (method != "FromEnd")
        {
            // The same operations in the same order as Indexed: the work array's pass gives the seeded twin's bits.
            double[] indexed = s_assembly.Value.Method("Seeded.Run", "Gradient", typeof(string), typeof(double[])).Call<double[]>("Indexed", x);
            Assert.That(result, Is.EqualTo(indexed), "bit for bit with Indexed (seeded)");
        }
    }

    [Test]
    public void The_float_twin_reads_float_seeds([Values(2, 8, 9, 16, 17)] int n)
    {
        float[] x = Point(n).Select(v => (float)v).ToArray();
        float[] result = s_assembly.Value.Method("Seeded.Run", "FloatGradient", typeof(float[])).Call<float[]>(x);
        double[] xd = x.Select(v => (double)v).ToArray();
        for (int j = 0; j < n; j++) Assert.That(result[1 + j], Is.EqualTo(Partial(xd, j)).Within(2e-5), $"∂f/∂x{j}");
    }

    [Test]
    public void A_prepared_sparse_Jacobian_over_arrays_compiles_and_gives_the_closed_form([Values(2, 5, 17)] int n, [Values] bool proven)
    {
        // Regression: the Prepare methods of a method whose y is an array checked y for null, which is not their parameter
        // (CS0103 in the generated file).
        const int m = 7;
        double[] x = Point(n);
        double[] result = s_assembly.Value.Method("Seeded.Run", "PreparedMapArray", typeof(double[]), typeof(int), typeof(bool)).Call<double[]>(x, m, proven);
        for (int i = 0; i < m; i++)
        {
            int a = i % n, b = (i + 1) % n;
            Assert.That(result[i], Is.EqualTo(x[a] * Math.Exp(x[b])).Within(1e-13), $"y{i}");
            for (int j = 0; j < n; j++)
            {
                double partial = (j == a ? Math.Exp(x[b]) : 0) + (j == b ? x[a] * Math.Exp(x[b]) : 0);
                Assert.That(result[m + i * n + j], Is.EqualTo(partial).Within(1e-12), $"J[{i}, {j}]");
            }
        }
        var e = Assert.Throws<TargetInvocationException>(() => s_assembly.Value.Method("Seeded.Run", "PrepareWithNullX").Call<object?>());
        Assert.That(e!.InnerException, Is.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("x"));
    }

    [TestCase(1, 1)]
    [TestCase(2, 5)]
    [TestCase(4, 15)]
    [TestCase(10, 7)]
    [TestCase(16, 20)] // more outputs than a stack buffer holds
    [TestCase(17, 3)]  // chunked
    public void The_vector_twin_gives_the_closed_form_Jacobian_over_non_zero_outputs(int n, int m)
    {
        foreach (bool arrays in new[] { false, true }) VectorJacobian(n, m, arrays);
    }

    private static void VectorJacobian(int n, int m, bool arrays)
    {
        double[] x = Point(n);
        double[] result = s_assembly.Value.Method("Seeded.Run", "Jacobian", typeof(double[]), typeof(int), typeof(bool)).Call<double[]>(x, m, arrays);
        for (int i = 0; i < m; i++)
        {
            int a = i % n, b = (i + 1) % n;
            Assert.That(result[i], Is.EqualTo(x[a] * Math.Exp(x[b])).Within(1e-13), $"y{i}");
            for (int j = 0; j < n; j++)
            {
                double partial = (j == a ? Math.Exp(x[b]) : 0) + (j == b ? x[a] * Math.Exp(x[b]) : 0);
                Assert.That(result[m + i * n + j], Is.EqualTo(partial).Within(1e-12), $"J[{i}, {j}]");
            }
        }
    }
}
