using System;
using System.Linq;
using System.Reflection;
using NUnit.Framework;
using D = Dual.Dual<double>;

namespace Dual.Generators.Tests;

/// <summary>Generated twins and entry points, compiled in memory and executed, against finite differences and hand-written dual code.</summary>
public class CompileAndRunTests
{
    private static readonly Lazy<Assembly> s_asm = new(() => GeneratorHarness.CompileAndLoad(Corpus.Source));

    private static Assembly Asm => s_asm.Value;

    /// <summary>A safe input in [0.2, 2.7] from an arbitrary integer.</summary>
    private static double X(int a) => 0.2 + (Math.Abs((long)a) % 1000) / 400.0;

    private static Func<double, double> Primal(string type, string name) { MethodInfo m = Asm.Method(type, name, typeof(double)); return x => m.Call<double>(x); }

    private static D Twin(string type, string name, D x) => Asm.Method(type, name, typeof(D)).Call<D>(x);

    private static void CheckScalar(string type, string name, double x)
    {
        D r = Twin(type, name, new D(x, 1.0));
        Func<double, double> f = Primal(type, name);
        GeneratorHarness.Close(r.Value, f(x), 1e-12, name + " value");
        GeneratorHarness.Close(r.Tangent, GeneratorHarness.Fd(f, x), 1e-5, name + " derivative");
    }

    [TestCase("Scalar", "MathFns")]
    [TestCase("Scalar", "Compound")]
    [TestCase("Scalar", "Branches")]
    [TestCase("Scalar", "SwitchStmt")]
    [TestCase("Scalar", "SwitchExpr")]
    [TestCase("Scalar", "LocalFn")]
    [TestCase("Scalar", "UsesOuts")]
    [TestCase("Scalar", "Deconstruct")]
    [TestCase("Scalar", "CallsOther")]
    [TestCase("Scalar", "Logging")]
    [TestCase("Scalar", "UsesNative")]
    [TestCase("Scalar", "Arrays")]
    [TestCase("Scalar", "Constants")]
    [TestCase("Other", "Helper")]
    [TestCase("More", "SinCos")]
    [TestCase("More", "DoubleCounter")]
    [TestCase("More", "Swap")]
    [TestCase("More", "FloorIndex")]
    public void TwinMatchesFiniteDifferences(string type, string name)
    {
        foreach (double x in new[] { 0.3, 0.7, 1.3, 2.2 })
        {
            CheckScalar("Corpus." + type, name, x);
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 40)]
    public void PropertyTwinsMatchFiniteDifferences(int a)
    {
        double x = X(a);
        if (Math.Abs(x - 1.0) < 1e-3 || Math.Abs(x - 0.5) < 1e-3) return; // kinks of Abs / branch points
        foreach (string name in new[] { "MathFns", "Compound", "Branches", "SwitchExpr", "LocalFn", "Deconstruct", "CallsOther", "Arrays" })
        {
            if (name == "MathFns" && Math.Abs(x - Math.Round(x)) < 1e-3) continue; // Floor jumps
            CheckScalar("Corpus.Scalar", name, x);
        }
    }

    [Test]
    public void TwinMatchesHandWrittenDualCode()
    {
        foreach (double xv in new[] { 0.4, 1.7 })
        {
            var x = new D(xv, 1.0);
            D hand = D.Sin(x) * D.Exp(-x) + D.Sqrt(x) + D.Log(x) + D.Pow(x, 3.0) + D.Pow(2.0, x) + D.Pow(x, x)
                + D.Atan2(x, 2.0) + D.Tanh(x) + D.Abs(x - 1) + D.Max(x, 0.5) + D.Cbrt(x) + D.Hypot(x, 3.0)
                + D.FusedMultiplyAdd(x, x, 1.0) + D.Log(x, 3.0) + D.Clamp(x, 0.1, 10.0) + D.Sin(x) + D.Floor(x);
            D gen = Twin("Corpus.Scalar", "MathFns", x);
            Assert.That(gen.Value, Is.EqualTo(hand.Value).Within(1e-13));
            Assert.That(gen.Tangent, Is.EqualTo(hand.Tangent).Within(1e-12));

            D hp = 3 * x * x * 2.0 + 2 * new D(2.0) - x / 2.0;
            D gp = Asm.Method("Corpus.Scalar", "Poly", typeof(D), typeof(D)).Call<D>(x, new D(2.0));
            Assert.That(gp.Tangent, Is.EqualTo(hp.Tangent).Within(1e-13));
        }
    }

    [Test]
    public void FloatTwin()
    {
        var m = Asm.Method("Corpus.Scalar", "FloatFn", typeof(Dual<float>));
        var r = m.Call<Dual<float>>(new Dual<float>(1.2f, 1f));
        double x = 1.2;
        double expected = Math.Cos(x) * x + Math.Sin(x) + 0.5 / Math.Sqrt(x) + 2 * x;
        Assert.That(r.Tangent, Is.EqualTo(expected).Within(1e-4));
    }

    [Test]
    public void CastsAndMixedPrecision()
    {
        var m = Asm.Method("Corpus.Scalar", "Casts", typeof(D), typeof(int));
        D r = m.Call<D>(new D(1.3, 1.0), 4);
        // a = 4x, k = 1 (constant), b*f ~ x^2 (float rounding), 2x
        Assert.That(r.Tangent, Is.EqualTo(4 + 2 * 1.3 + 2).Within(1e-5));
        // MathF.Sin((float)x) + x: the twin keeps float precision for the float part; compare with the analytic derivative.
        D mixed = Twin("Corpus.Scalar", "MixedFloat", new D(0.8, 1.0));
        Assert.That(mixed.Tangent, Is.EqualTo(Math.Cos(0.8) + 1).Within(1e-6));
    }

    [TestCase(5)]
    [TestCase(15)]
    public void LoopsBreakContinue(int n)
    {
        var twin = Asm.Method("Corpus.Scalar", "Loops", typeof(D), typeof(int));
        var prim = Asm.Method("Corpus.Scalar", "Loops", typeof(double), typeof(int));
        double x = 1.1;
        D r = twin.Call<D>(new D(x, 1.0), n);
        GeneratorHarness.Close(r.Tangent, GeneratorHarness.Fd(v => prim.Call<double>(v, n), x));
    }

    [TestCase(0)]
    [TestCase(4)]
    [TestCase(20)]
    public void EarlyReturn(int mode)
    {
        var twin = Asm.Method("Corpus.Scalar", "EarlyReturn", typeof(D), typeof(int));
        var prim = Asm.Method("Corpus.Scalar", "EarlyReturn", typeof(double), typeof(int));
        D r = twin.Call<D>(new D(0.9, 1.0), mode);
        GeneratorHarness.Close(r.Tangent, GeneratorHarness.Fd(v => prim.Call<double>(v, mode), 0.9));
    }

    [Test]
    public void RecursionAndRefOutParameters()
    {
        var rec = Asm.Method("Corpus.Scalar", "Recursive", typeof(D), typeof(int));
        D r = rec.Call<D>(new D(1.5, 1.0), 4);
        Assert.That(r.Tangent, Is.EqualTo(4 * Math.Pow(1.5, 3)).Within(1e-12));

        var outs = Asm.Method("Corpus.Scalar", "Outs", typeof(D), typeof(D).MakeByRefType(), typeof(D).MakeByRefType(), typeof(D).MakeByRefType());
        object?[] args = { new D(3.0, 1.0), null, new D(2.0, 0.0), new D(1.0, 1.0) };
        outs.Invoke(null, args);
        var y = (D)args[1]!;
        var z = (D)args[2]!;
        Assert.That((y.Value, y.Tangent), Is.EqualTo((9.0, 6.0)));
        Assert.That((z.Value, z.Tangent), Is.EqualTo((7.0, 3.0)));
    }

    [Test]
    public void ForeachOverArrays()
    {
        var m = Asm.Method("Corpus.Scalar", "ForeachArray", typeof(D[]));
        D r = m.Call<D>((object)new[] { new D(1.0, 1.0), new D(2.0, 0.0), new D(3.0, 1.0) });
        Assert.That(r.Tangent, Is.EqualTo(2 * 1.0 + 2 * 3.0));
    }

    [Test]
    public void TuplesMapToDualTuples()
    {
        var m = Asm.Method("Corpus.Scalar", "Pair", typeof(D));
        var t = m.Call<ValueTuple<D, D>>(new D(0.5, 1.0));
        Assert.That(t.Item1.Tangent, Is.EqualTo(1.0).Within(1e-15));
        Assert.That(t.Item2.Tangent, Is.EqualTo(Math.Cos(0.5)).Within(1e-15));
    }

    [Test]
    public void InstanceMethodReadsFieldsAsConstants()
    {
        Type t = Asm.GetType("Corpus.Instance", true)!;
        object inst = Activator.CreateInstance(t)!;
        var twin = t.GetMethod("Eval", new[] { typeof(D) })!;
        var r = (D)twin.Invoke(inst, new object[] { new D(2.0, 1.0) })!;
        Assert.That((r.Value, r.Tangent), Is.EqualTo((2.5 * 4 + 0.25, 2.5 * 4)));
        var d = t.GetMethod("EvalValueAndDerivative")!;
        var vd = ((double Value, double Derivative))d.Invoke(inst, new object[] { 2.0 })!;
        Assert.That(vd.Derivative, Is.EqualTo(10.0));
        Assert.That(vd.Value, Is.EqualTo(10.25));
        Assert.That((double)t.GetMethod("EvalDerivative")!.Invoke(inst, new object[] { 2.0 })!, Is.EqualTo(10.0));
    }

    [FsCheck.NUnit.Property(MaxTest = 30)]
    public void ScalarEntryPoints(int a, int b)
    {
        double x = X(a), y = X(b);
        var grad = Asm.Method("Corpus.Scalar", "PolyValueAndGradient", typeof(double), typeof(double));
        var (value, g) = ((double, (double, double)))grad.Invoke(null, new object[] { x, y })!;
        Func<double, double, double> f = (u, v) => 3 * u * u * v + 2 * v - u / v;
        GeneratorHarness.Close(value, f(x, y), 1e-14);
        var gradOnly = ((double, double))Asm.Method("Corpus.Scalar", "PolyGradient", typeof(double), typeof(double)).Invoke(null, new object[] { x, y })!;
        Assert.That(gradOnly, Is.EqualTo(g));
        GeneratorHarness.Close(g.Item1, 6 * x * y - 1 / y, 1e-12);
        GeneratorHarness.Close(g.Item2, 3 * x * x + 2 + x / (y * y), 1e-12);

        var jvp = Asm.Method("Corpus.Scalar", "PolyJvp", typeof(double), typeof(double), typeof(double), typeof(double));
        var j = ((double Value, double Tangent))jvp.Invoke(null, new object[] { x, y, 0.3, -0.7 })!;
        GeneratorHarness.Close(j.Tangent, 0.3 * g.Item1 - 0.7 * g.Item2, 1e-12);

        var deriv = Asm.Method("Corpus.Scalar", "MathFnsDerivative", typeof(double));
        double dv = (double)deriv.Invoke(null, new object[] { x })!;
        if (Math.Abs(x - 1) > 1e-3 && Math.Abs(x - Math.Round(x)) > 1e-3)
        {
            GeneratorHarness.Close(dv, GeneratorHarness.Fd(Primal("Corpus.Scalar", "MathFns"), x), 1e-5);
        }
    }

    [TestCase(2)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(19)]
    [TestCase(41)]
    public void SpanGradientIsChunkedAndCorrect(int n)
    {
        double[] x = Enumerable.Range(0, n).Select(i => 0.3 + 0.1 * i).ToArray();
        double[] g = new double[n];
        double value = Asm.Method("Corpus.Vec", "RosenbrockGrad", typeof(double[]), typeof(double[])).Call<double>(x, g);
        double expectedValue = 0;
        double[] eg = new double[n];
        for (int i = 0; i + 1 < n; i++)
        {
            double a = 1 - x[i], b = x[i + 1] - x[i] * x[i];
            expectedValue += a * a + 100 * b * b;
            eg[i] += -2 * a - 400 * x[i] * b;
            eg[i + 1] += 200 * b;
        }
        GeneratorHarness.Close(value, expectedValue, 1e-14);
        for (int i = 0; i < n; i++) GeneratorHarness.Close(g[i], eg[i], 1e-12, "g[" + i + "]");

        double[] v = Enumerable.Range(0, n).Select(i => Math.Cos(i)).ToArray();
        var jv = Asm.Method("Corpus.Vec", "RosenbrockJvpW", typeof(double[]), typeof(double[])).Call<double[]>(x, v);
        GeneratorHarness.Close(jv[1], eg.Zip(v, (p, q) => p * q).Sum(), 1e-10);
    }

    /// <summary>Generated entry points of functions that never pair sin with cos: after the first calls the one-pass
    /// drivers evaluate the twin at their unpaired blocks (SinCosPairing), which the twin wrappers accept. Oracles: the
    /// closed forms, and the first call's bits (made through the pairing memo).</summary>
    [Test]
    public void Unpaired_twins_keep_their_gradient_and_Jacobian_over_repeated_calls()
    {
        double[] x = Enumerable.Range(0, 10).Select(i => 0.3 + 0.21 * i).ToArray();
        MethodInfo grad = Asm.Method("Corpus.Vec", "CosSumGrad", typeof(double[]), typeof(double[]));
        double[]? first = null;
        for (int call = 0; call < 8; call++)
        {
            var g = new double[x.Length];
            double value = grad.Call<double>(x, g);
            GeneratorHarness.Close(value, x.Sum(v => Math.Cos(2 * v) + v * v), 1e-14, "value");
            for (int i = 0; i < x.Length; i++) GeneratorHarness.Close(g[i], -2 * Math.Sin(2 * x[i]) + 2 * x[i], 1e-14, $"call {call}, g[{i}]");
            first ??= g;
            Assert.That(g, Is.EqualTo(first), $"call {call}: the first call's bits");
        }

        const int m = 6;
        double[]? firstJacobian = null;
        for (int call = 0; call < 8; call++)
        {
            double[] y = new double[m], jac = new double[m * x.Length];
            Asm.Method("Corpus.Vec", "MapJac", typeof(double[]), typeof(double[]), typeof(double[])).Invoke(null, new object[] { x, y, jac });
            for (int i = 0; i < m; i++)
            {
                int p = i % x.Length, q = (i + 1) % x.Length;
                for (int k = 0; k < x.Length; k++)
                {
                    double e = (k == p ? Math.Cos(x[p]) * x[q] : 0) + (k == q ? Math.Sin(x[p]) : 0);
                    GeneratorHarness.Close(jac[i * x.Length + k], e, 1e-13, $"call {call}, J[{i},{k}]");
                }
            }
            firstJacobian ??= jac;
            Assert.That(jac, Is.EqualTo(firstJacobian), $"call {call}: the first call's bits");
        }
    }

    [TestCase(3, 3)]
    [TestCase(10, 4)]
    [TestCase(2, 11)]
    [TestCase(35, 40)]
    public void JacobianAndJvpOfVectorFunction(int n, int m)
    {
        double[] x = Enumerable.Range(0, n).Select(i => 0.2 + 0.15 * i).ToArray();
        double[] y = new double[m], jac = new double[m * n];
        Asm.Method("Corpus.Vec", "MapJac", typeof(double[]), typeof(double[]), typeof(double[])).Invoke(null, new object[] { x, y, jac });
        for (int i = 0; i < m; i++)
        {
            int p = i % n, q = (i + 1) % n;
            GeneratorHarness.Close(y[i], Math.Sin(x[p]) * x[q], 1e-14);
            for (int k = 0; k < n; k++)
            {
                double e = (k == p ? Math.Cos(x[p]) * x[q] : 0) + (k == q ? Math.Sin(x[p]) : 0);
                GeneratorHarness.Close(jac[i * n + k], e, 1e-13, $"J[{i},{k}]");
            }
        }
        double[] v = Enumerable.Range(0, n).Select(i => 1.0 / (i + 1)).ToArray();
        double[] y2 = new double[m], jv = new double[m];
        Asm.Method("Corpus.Vec", "MapJvpW", typeof(double[]), typeof(double[]), typeof(double[]), typeof(double[])).Invoke(null, new object[] { x, v, y2, jv });
        for (int i = 0; i < m; i++)
        {
            double e = 0;
            for (int k = 0; k < n; k++) e += jac[i * n + k] * v[k];
            GeneratorHarness.Close(jv[i], e, 1e-12);
        }
    }

    [Test]
    public void ArrayInputAndMixedPrecisionGradients()
    {
        double[] x = { 0.5, 1.5, -0.25 };
        double[] g = new double[3];
        double v = Asm.Method("Corpus.Vec", "ArrayGrad", typeof(double[]), typeof(double[])).Call<double>(x, g);
        Assert.That(v, Is.EqualTo(0.75 + Math.Exp(-0.25)).Within(1e-14));
        Assert.That(g, Is.EqualTo(new[] { 1.5, 0.5, Math.Exp(-0.25) }).Within(1e-14));

        double[] g2 = new double[3];
        Asm.Method("Corpus.Vec", "MixedGrad", typeof(double[]), typeof(double[])).Call<double>(new[] { 0.5, 2.0, 0.0 }, g2);
        Assert.That(g2, Is.EqualTo(new[] { 2.0, 0.5, 0.0 }).Within(1e-6));
    }

    [Test]
    public void SpanForeachParamsAndOutputWithConstant()
    {
        double[] x = { 0.5, -1.0, 2.0 };
        double[] g = new double[3];
        double v = Asm.Method("Corpus.More", "SpanForeachGrad", typeof(double[]), typeof(double[])).Call<double>(x, g);
        Assert.That(v, Is.EqualTo(0.125 - 1 + 8));
        Assert.That(g, Is.EqualTo(new[] { 0.75, 3.0, 12.0 }));

        var p = Asm.Method("Corpus.More", "Params", typeof(D[]));
        Assert.That(p.Call<D>((object)new[] { new D(3, 1), new D(4, 0) }).Tangent, Is.EqualTo(4.0));

        double[] y = new double[3], j = new double[6];
        Asm.Method("Corpus.More", "WriteSpanJac", typeof(double[]), typeof(double[]), typeof(double[])).Invoke(null, new object[] { new[] { 2.0, 3.0 }, y, j });
        Assert.That(y, Is.EqualTo(new[] { 6.0, Math.Exp(2), 1.0 }));
        Assert.That(j, Is.EqualTo(new[] { 3.0, 2.0, Math.Exp(2), 0, 0, 0 }));
    }

    [Test]
    public void EntryPointsValidateBufferSizes()
    {
        var m = Asm.Method("Corpus.Vec", "RosenbrockGrad", typeof(double[]), typeof(double[]));
        var ex = Assert.Throws<TargetInvocationException>(() => m.Invoke(null, new object[] { new double[3], new double[2] }));
        Assert.That(ex!.InnerException, Is.TypeOf<ArgumentException>());
        Assert.That(((ArgumentException)ex.InnerException!).ParamName, Is.EqualTo("gradient"));
        Assert.That(ex.InnerException!.Message, Does.Contain("length 2").And.Contain("'x', 3"));

        var j = Asm.Method("Corpus.Vec", "MapJac", typeof(double[]), typeof(double[]), typeof(double[]));
        var ex2 = Assert.Throws<TargetInvocationException>(() => j.Invoke(null, new object[] { new double[3], new double[2], new double[5] }));
        Assert.That(((ArgumentException)ex2!.InnerException!).ParamName, Is.EqualTo("jacobian"));
    }
}

/// <summary>Calls between [Differentiable] methods declared in different files and types.</summary>
public class CrossFileTests
{
    [Test]
    public void CallsIntoAnotherFileGoToItsTwin()
    {
        var asm = GeneratorHarness.CompileAndLoad(
            """
            using Dual;
            namespace X;
            public static partial class A
            {
                [Differentiable] public static double F(double x) => B.G(x) * x + B.H(x, 2.0);
            }
            """,
            """
            using System;
            using Dual;
            namespace X;
            public static partial class B
            {
                [Differentiable] public static double G(double x) => Math.Exp(x);
                [Differentiable] public static double H(double x, double k) => k * x * x;
            }
            """);
        var f = asm.Method("X.A", "FValueAndDerivative", typeof(double));
        var (value, d) = ((double, double))f.Invoke(null, new object[] { 0.7 })!;
        Assert.That(d, Is.EqualTo(Math.Exp(0.7) * (1 + 0.7) + 4 * 0.7).Within(1e-13));
        Assert.That(value, Is.EqualTo(Math.Exp(0.7) * 0.7 + 2 * 0.49).Within(1e-13));
    }
}

/// <summary>Gradient entry points on the paths not covered by the corpus: many scalar inputs and mixed precision.</summary>
public class GradientPathTests
{
    [TestCase(3)]
    [TestCase(16)]
    [TestCase(17)]
    public void ManyScalarInputs(int n)
    {
        string ps = string.Join(", ", Enumerable.Range(0, n).Select(i => "double a" + i));
        string body = string.Join(" + ", Enumerable.Range(0, n).Select(i => $"{i + 1} * a{i} * a{(i + 1) % n}"));
        string args = string.Join(", ", Enumerable.Range(0, n).Select(i => "x[" + i + "]"));
        var asm = GeneratorHarness.CompileAndLoad($$"""
            using Dual;
            public static partial class M
            {
                [Differentiable] public static double F({{ps}}) => {{body}};
                public static object Grad(double[] x) { var g = FGradient({{args}}); return g; }
            }
            """);
        double[] x = Enumerable.Range(0, n).Select(i => 0.1 * (i + 1)).ToArray();
        object tuple = asm.Method("M", "Grad", typeof(double[])).Invoke(null, new object[] { x })!;
        double[] g = Flatten(tuple);
        Assert.That(g, Has.Length.EqualTo(n));
        for (int k = 0; k < n; k++)
        {
            // f = Σ (i+1) a_i a_{i+1}: ∂f/∂a_k = (k+1) a_{k+1} + k' a_{k-1}, with k' the coefficient of the previous term.
            int prev = (k - 1 + n) % n;
            double expected = (k + 1) * x[(k + 1) % n] + (prev + 1) * x[prev];
            Assert.That(g[k], Is.EqualTo(expected).Within(1e-12), "k=" + k);
        }
    }

    private static double[] Flatten(object tuple)
    {
        var list = new System.Collections.Generic.List<double>();
        var t = (System.Runtime.CompilerServices.ITuple)tuple;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] is System.Runtime.CompilerServices.ITuple rest) list.AddRange(Flatten(rest));
            else list.Add((double)t[i]!);
        }
        return list.ToArray();
    }

    [Test]
    public void OptingOutOfMultiTangentTwinsAndEntryPoints()
    {
        const string source = """
            using System;
            using Dual;
            public static partial class M
            {
                [Differentiable(MultiTangent = false)] public static double G(double x) => Math.Exp(x);
                [Differentiable(EntryPoints = false)] public static double H(double x) => x * x;
                [Differentiable] public static double F(double x, double y) => G(x) * y + H(y);
                public static double[] Grad(double x, double y) { var (v, (a, b)) = FValueAndGradient(x, y); return new[] { a, b, v }; }
            }
            """;
        var r = GeneratorHarness.Run(source);
        Assert.That(r.Generated("M.G"), Does.Not.Contain("G<TTangents>").And.Contain("GDerivative"));
        Assert.That(r.Generated("M.H"), Does.Contain("H<TTangents>").And.Not.Contain("HDerivative").And.Not.Contain("HJvp"));
        Assert.That(r.Generated("M.F"), Does.Not.Contain("F<TTangents>").And.Contain("one forward pass per input"));
        var asm = GeneratorHarness.CompileAndLoad(source);
        var g = asm.Method("M", "Grad", typeof(double), typeof(double)).Call<double[]>(0.5, 2.0);
        Assert.That(g, Is.EqualTo(new[] { Math.Exp(0.5) * 2, Math.Exp(0.5) + 4, Math.Exp(0.5) * 2 + 4 }).Within(1e-13));
    }

    [Test]
    public void MixedPrecisionFallsBackToScalarPasses()
    {
        var r = GeneratorHarness.Run("""
            using Dual;
            public static partial class M
            {
                [Differentiable] public static double F(double x, double y) { float f = (float)x; return f * y + x; }
            }
            """);
        string generated = r.Generated("M.F");
        Assert.That(generated, Does.Not.Contain("F<TTangents>").And.Contain("one forward pass per input"));
        var asm = GeneratorHarness.CompileAndLoad("""
            using Dual;
            public static partial class M
            {
                [Differentiable] public static double F(double x, double y) { float f = (float)x; return f * y + x; }
                public static double[] G(double x, double y) { var (v, (a, b)) = FValueAndGradient(x, y); return new[] { a, b, v }; }
            }
            """);
        var g = asm.Method("M", "G", typeof(double), typeof(double)).Call<double[]>(0.5, 3.0);
        Assert.That(g, Is.EqualTo(new[] { 4.0, 0.5, 2.0 }).Within(1e-6));
    }
}

/// <summary>Generated code must not add warnings to projects that treat warnings as errors and generate XML docs.</summary>
public class GeneratedCodeHygieneTests
{
    [Test]
    public void NoWarningsInGeneratedFilesWithDocumentationDiagnostics()
    {
        var parse = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview, Microsoft.CodeAnalysis.DocumentationMode.Diagnose);
        var input = GeneratorHarness.Compilation(Corpus.Source);
        input = input.ReplaceSyntaxTree(input.SyntaxTrees.First(), Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(Corpus.Source, parse, "/src/File0.cs"));
        Microsoft.CodeAnalysis.GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            new[] { Microsoft.CodeAnalysis.GeneratorExtensions.AsSourceGenerator(new DifferentiableGenerator()) }, parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        var generatedTrees = output.SyntaxTrees.Where(t => !input.SyntaxTrees.Contains(t)).ToHashSet();
        Assert.That(generatedTrees, Is.Not.Empty);
        // Documentation diagnostics are active: the (undocumented) user corpus itself gets CS1591.
        Assert.That(output.GetDiagnostics().Any(d => d.Id == "CS1591" && !generatedTrees.Contains(d.Location.SourceTree!)), Is.True);
        var warnings = output.GetDiagnostics()
            .Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning && generatedTrees.Contains(d.Location.SourceTree!))
            .ToList();
        Assert.That(warnings, Is.Empty, string.Join("\n", warnings.Take(20)));
    }
}

/// <summary>Data beside inputs (issue 13 item 8) and defaults/named arguments on entry points (item 7).</summary>
public class DataParameterTests
{
    private const string Source = """
        using System;
        using Dual;
        public static partial class M
        {
            [Differentiable]
            public static double Loss(ReadOnlySpan<double> w, [Constant] double[] xs, [Constant] double[] ys)
            {
                double s = 0;
                for (int i = 0; i < xs.Length; i++) { double r = w[0] * xs[i] + w[1] - ys[i]; s += r * r; }
                return s;
            }

            [Differentiable] public static double Scaled(double x, [Constant] double k = 2.0, int n = 3) => k * Math.Pow(x, n);

            public static double[] Grad(double[] w, double[] xs, double[] ys) { var g = new double[2]; double v = LossGradient(w, xs, ys, g); return new[] { v, g[0], g[1] }; }
            public static double[] Jvp(double[] w, double[] xs, double[] ys, double[] v) { var r = LossJvp(w, xs, ys, v); return new[] { r.Value, r.Tangent }; }
            public static double[] Defaults(double x) => new[] { ScaledDerivative(x), ScaledDerivative(x, n: 2), ScaledValueAndDerivative(x, 0.5).Value, ScaledJvp(x, 2.0).Tangent };
        }
        """;

    [Test]
    public void ConstantArraysArePlainDataBesideTheDifferentiatedSpan()
    {
        var asm = GeneratorHarness.CompileAndLoad(Source);
        double[] w = { 0.7, -0.2 }, xs = { 1.0, 2.0, 3.5, -1.0 }, ys = { 0.3, 1.9, 2.0, -0.4 }, v = { 0.25, -1.5 };
        // Closed form of the least-squares loss and its gradient.
        double value = 0, g0 = 0, g1 = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double r = w[0] * xs[i] + w[1] - ys[i];
            value += r * r;
            g0 += 2 * r * xs[i];
            g1 += 2 * r;
        }
        var got = asm.Method("M", "Grad", typeof(double[]), typeof(double[]), typeof(double[])).Call<double[]>(w, xs, ys);
        Assert.That(got, Is.EqualTo(new[] { value, g0, g1 }).Within(1e-12));
        var jvp = asm.Method("M", "Jvp", typeof(double[]), typeof(double[]), typeof(double[]), typeof(double[])).Call<double[]>(w, xs, ys, v);
        Assert.That(jvp, Is.EqualTo(new[] { value, g0 * v[0] + g1 * v[1] }).Within(1e-12));
    }

    [Test]
    public void EntryPointsKeepDefaultsAndNamedArguments()
    {
        var r = GeneratorHarness.Run(Source);
        Assert.That(r.Generated("M.Scaled"), Does.Contain("ScaledDerivative(double x, double k = 2D, int n = 3)").Or.Contain("ScaledDerivative(double x, double k = 2.0, int n = 3)"));
        var asm = GeneratorHarness.CompileAndLoad(Source);
        double x = 1.5;
        var got = asm.Method("M", "Defaults", typeof(double)).Call<double[]>(x);
        // d/dx k xⁿ = k n xⁿ⁻¹, with k = 2, n = 3 by default; n = 2 named; k = 0.5 positional; JVP along 2.
        Assert.That(got, Is.EqualTo(new[] { 2 * 3 * x * x, 2 * 2 * x, 0.5 * x * x * x, 2 * 3 * x * x * 2.0 }).Within(1e-12));
    }
}
