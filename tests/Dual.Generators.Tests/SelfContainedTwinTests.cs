using System;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// Twins marked <c>ISelfContainedTwin</c> (<c>SelfContainment</c>): which twins the generator marks, and what the
/// entry points of a marked twin do when called while another differentiation at double is evaluating. Their single
/// passes skip the nesting guard, so such a call now returns the right derivative (closed forms below) instead of
/// refusing; every case where an outer perturbation could reach the pass, or the pass could touch an enclosing chunk
/// loop's replay log, still throws the perturbation-confusion error.
/// </summary>
[NonParallelizable] // the nesting guard and the replay log are per-thread and process-wide state of the shared Dual assembly
public class SelfContainedTwinTests
{
    private const string Source = """
        using System;
        using System.Numerics;
        using Dual;

        namespace Contained;

        /// <summary>State typed by a type parameter: what generic code at a dual type could read from an outer differentiation.</summary>
        public static class Holder<T> { public static T Value = default!; }

        public static partial class F
        {
            [Differentiable] public static double Plain(double x) => x * x + Math.Sin(x);

            [Differentiable] public static double CallsPlain(double x) => Plain(x) * 2 + Helper(x);

            public static double Helper(double v) => v * Math.Exp(v);

            [Differentiable] public static double CallsGeneric(double x) => Square(x) + 1;

            public static T Square<T>(T v) where T : INumber<T> => v * v;

            [Differentiable] public static double CallsTwinCallingGeneric(double x) => CallsGeneric(x) * x;

            [Differentiable] public static double CallsHelperCallingGeneric(double x) => GenericHelper(x);

            public static double GenericHelper(double v) => Square(v) - v;

            [Differentiable] public static T Generic<T>(T x) where T : IFloatingPointIeee754<T> => x * x + Holder<T>.Value;

            /// <summary>Σ sin(xᵢ)·xᵢ.</summary>
            [Differentiable]
            public static double Sum(ReadOnlySpan<double> x)
            {
                double s = 0;
                for (int i = 0; i < x.Length; i++) s += Math.Sin(x[i]) * x[i];
                return s;
            }

            /// <summary>rᵢ = b₀·exp(−b₁·i).</summary>
            [Differentiable]
            public static void Decay(ReadOnlySpan<double> b, Span<double> r)
            {
                for (int i = 0; i < r.Length; i++) r[i] = b[0] * Math.Exp(-b[1] * i);
            }
        }

        /// <summary>Each case: an outer AutoDiff call at double whose function calls an entry point with plain doubles.</summary>
        public static class Nest
        {
            public static double PlainInside() => AutoDiff.Derivative<double>(y => y * F.PlainDerivative(1.0), 2.0);

            public static double PlainValueInside() => AutoDiff.Derivative<double>(y => y * F.PlainValueAndDerivative(0.5).Value, 2.0);

            public static double PlainJvpInside() => AutoDiff.Derivative<double>(y => y * F.PlainJvp(1.0, 3.0).Tangent, 2.0);

            public static double CallsPlainInside() => AutoDiff.Derivative<double>(y => y * F.CallsPlainDerivative(1.0), 2.0);

            public static double CallsGenericInside() => AutoDiff.Derivative<double>(y => y * F.CallsGenericDerivative(1.0), 2.0);

            /// <summary>The outer y stored where the generic twin reads it: with the guard, an error; without, 2·1 + 1 = 3.</summary>
            public static double GenericReadsOuter() => AutoDiff.Derivative<double>(y =>
            {
                Holder<Dual<double>>.Value = y;
                try { return y * F.GenericDerivative(1.0); }
                finally { Holder<Dual<double>>.Value = default; }
            }, 2.0);

            public static double[] SumGradientInside(double[] x)
            {
                var g = new double[x.Length];
                AutoDiff.Derivative<double>(y => { F.SumGradient(x, g); return y * g[0]; }, 2.0);
                return g;
            }

            public static double[] DecayJacobianInside(double[] b, int m)
            {
                var r = new double[m];
                var j = new double[m * b.Length];
                AutoDiff.Derivative<double>(y => { F.DecayJacobian(b, r, j); return y * r[0]; }, 2.0);
                return j;
            }

            /// <summary>Inside the passes of an outer chunked gradient (n = 40 > k), whose replay log is open on this thread.</summary>
            public static double InsideChunkLoop()
            {
                var x = new double[40];
                for (int i = 0; i < x.Length; i++) x[i] = 0.1 * (i + 1);
                return AutoDiff.Gradient<double, WithInner>(default, x, new double[x.Length]);
            }

            private readonly struct WithInner : IScalarFunction
            {
                public T Evaluate<T>(ReadOnlySpan<T> x) where T : IFloatingPointIeee754<T>
                {
                    T s = T.Zero;
                    for (int i = 0; i < x.Length; i++) s += T.Exp(x[i]);
                    return s * T.CreateTruncating(F.PlainDerivative(1.0));
                }
            }
        }
        """;

    private static readonly Lazy<Assembly> s_assembly = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static MethodInfo Nest(string name, params Type[] parameters) => s_assembly.Value.Method("Contained.Nest", name, parameters);

    private static void ThrowsConfusion(Action call)
    {
        var e = Assert.Throws<TargetInvocationException>(() => call());
        Assert.That(e!.InnerException, Is.TypeOf<InvalidOperationException>());
        Assert.That(e.InnerException!.Message, Does.Contain("perturbation confusion"));
    }

    [TestCase("Plain", true)]
    [TestCase("CallsPlain", true)]
    [TestCase("Sum", true)]
    [TestCase("Decay", true)]
    [TestCase("CallsGeneric", false)]
    [TestCase("CallsTwinCallingGeneric", false)]
    [TestCase("CallsHelperCallingGeneric", false)]
    [TestCase("Generic", false)]
    public void Marked_only_where_no_generic_code_runs_at_a_dual_type(string method, bool marked)
    {
        string text = GeneratorHarness.Run(Source).Generated("Contained.F." + method + ".g.cs");
        Match twin = Regex.Match(text, @"readonly struct " + method + @"Twin : ([^\r\n]*)");
        Assert.That(twin.Success, Is.True, "no twin struct for " + method + ":\n" + text);
        Assert.That(twin.Groups[1].Value.Contains("ISelfContainedTwin", StringComparison.Ordinal), Is.EqualTo(marked), twin.Value);
    }

    [Test]
    public void An_edit_to_a_helper_in_another_file_alone_updates_the_mark()
    {
        // The mark is decided by the compilation-wide step from each function's own facts, so an edit that only touches
        // the helper's file (the [Differentiable] method's file and its cached model unchanged) still removes it.
        const string method = """
            using System;
            using Dual;
            namespace Edited;
            public static partial class M
            {
                [Differentiable] public static double F(double x) => H.Helper(x) * x;
            }
            """;
        const string plainHelper = """
            using System;
            using System.Numerics;
            namespace Edited;
            public static class H
            {
                public static double Helper(double v) => v * v;
                public static T Square<T>(T v) where T : INumber<T> => v * v;
            }
            """;
        string genericHelper = plainHelper.Replace("Helper(double v) => v * v;", "Helper(double v) => Square(v);", StringComparison.Ordinal);
        Microsoft.CodeAnalysis.Compilation first = GeneratorHarness.Compilation(method, plainHelper);
        Microsoft.CodeAnalysis.GeneratorDriver driver = GeneratorHarness.Driver(track: true).RunGenerators(first);
        Assert.That(MarkOf(driver), Is.True, "a helper of plain arithmetic");
        Microsoft.CodeAnalysis.SyntaxTree oldTree = first.SyntaxTrees.Single(t => t.ToString().Contains("class H", StringComparison.Ordinal));
        Microsoft.CodeAnalysis.Compilation second = first.ReplaceSyntaxTree(oldTree, Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(genericHelper, (Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)oldTree.Options));
        driver = driver.RunGenerators(second);
        Assert.That(MarkOf(driver), Is.False, "the helper now runs generic math at the dual type");
        driver = driver.RunGenerators(first);
        Assert.That(MarkOf(driver), Is.True, "and back");

        static bool MarkOf(Microsoft.CodeAnalysis.GeneratorDriver d) =>
            d.GetRunResult().Results[0].GeneratedSources.Single(g => g.HintName.Contains("Edited.M.F.g.cs", StringComparison.Ordinal))
                .SourceText.ToString().Contains("ISelfContainedTwin", StringComparison.Ordinal);
    }

    [Test]
    public void A_marked_scalar_entry_point_inside_an_outer_derivative_gives_its_own_derivative()
    {
        // d/dy [y · f′(1)] = f′(1) = 2 + cos 1, for f(x) = x² + sin x.
        Assert.That(Nest("PlainInside").Call<double>(), Is.EqualTo(2.0 + Math.Cos(1.0)).Within(1e-15));
        // d/dy [y · f(0.5)] = 0.25 + sin 0.5.
        Assert.That(Nest("PlainValueInside").Call<double>(), Is.EqualTo(0.25 + Math.Sin(0.5)).Within(1e-15));
        // d/dy [y · f′(1)·3].
        Assert.That(Nest("PlainJvpInside").Call<double>(), Is.EqualTo(3 * (2.0 + Math.Cos(1.0))).Within(1e-14));
        // g(x) = 2 f(x) + x eˣ: g′(1) = 2(2 + cos 1) + 2e.
        Assert.That(Nest("CallsPlainInside").Call<double>(), Is.EqualTo(2 * (2.0 + Math.Cos(1.0)) + 2 * Math.E).Within(1e-14));
    }

    [Test]
    public void A_marked_gradient_and_jacobian_inside_an_outer_derivative_are_their_closed_forms()
    {
        double[] x = { 0.3, -1.2, 2.5, 0.7, -0.4 };
        double[] g = Nest("SumGradientInside", typeof(double[])).Call<double[]>(x);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That(g[i], Is.EqualTo(Math.Cos(x[i]) * x[i] + Math.Sin(x[i])).Within(1e-15), "∂/∂x" + i);
        }
        double[] b = { 1.7, 0.35 };
        const int m = 6;
        double[] j = Nest("DecayJacobianInside", typeof(double[]), typeof(int)).Call<double[]>(b, m);
        for (int i = 0; i < m; i++)
        {
            double e = Math.Exp(-b[1] * i);
            Assert.That(j[i * 2], Is.EqualTo(e).Within(1e-15), "∂r" + i + "/∂b0");
            Assert.That(j[i * 2 + 1], Is.EqualTo(-b[0] * i * e).Within(1e-14), "∂r" + i + "/∂b1");
        }
    }

    [Test]
    public void Twins_that_run_generic_code_at_a_dual_type_keep_the_guard()
    {
        ThrowsConfusion(() => Nest("CallsGenericInside").Invoke(null, null));
        // The case the guard exists for: without it, the generic twin would read the outer y and return 3 instead of 2.
        ThrowsConfusion(() => Nest("GenericReadsOuter").Invoke(null, null));
    }

    [Test]
    public void Several_passes_and_an_enclosing_chunk_loop_keep_the_guard()
    {
        // 40 inputs: chunked passes (not a single pass), guarded.
        double[] x = new double[40];
        for (int i = 0; i < x.Length; i++) x[i] = 0.05 * i - 1;
        ThrowsConfusion(() => Nest("SumGradientInside", typeof(double[])).Invoke(null, new object[] { x }));
        // A single pass inside an outer chunk loop at double: its replay log is open on this thread.
        ThrowsConfusion(() => Nest("InsideChunkLoop").Invoke(null, null));
    }
}
