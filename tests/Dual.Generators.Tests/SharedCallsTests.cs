using System;
using System.Linq;
using System.Reflection;
using NUnit.Framework;
using D = Dual.Dual<double>;

namespace Dual.Generators.Tests;

/// <summary>
/// Math calls that share their work in the twin (<c>SharedCalls</c>): sin and cos of one argument from one sincos, and
/// repeated calls with the same arguments evaluated once. Where it applies (a variable, a pure expression of variables
/// and constants), where it must not (a variable written, a field or a call in the argument, a call in a lambda or in the
/// variable's own declaration), and that the twins return
/// exactly the bits of the separate rules, against closed forms for the derivatives.
/// </summary>
public class SharedCallsTests
{
    private const string Source = """
        using System;
        using Dual;

        namespace Fusion;

        public static partial class F
        {
            /// <summary>A parameter's pair: eˣ/√(sin³x + cos³x).</summary>
            [Differentiable]
            public static double Param(double x)
            {
                double s = Math.Sin(x), c = Math.Cos(x);
                return Math.Exp(x) / Math.Sqrt(s * s * s + c * c * c);
            }

            /// <summary>A local's pair inside a loop, and a pair of the loop-invariant parameter used in the loop.</summary>
            [Differentiable]
            public static double Loop(double x, int n)
            {
                double sum = 0;
                for (int i = 1; i <= n; i++)
                {
                    double t = i * x;
                    sum += Math.Sin(t) * Math.Cos(t) + Math.Cos(x) * i - Math.Sin(x);
                }
                return sum;
            }

            /// <summary>Reassigned: the calls read different values, so they keep their rules.</summary>
            [Differentiable]
            public static double Reassigned(double x)
            {
                double t = x;
                double a = Math.Sin(t);
                t = 2 * t;
                return a + Math.Cos(t);
            }

            /// <summary>A call in a lambda keeps its rule; the pair outside the lambda is fused.</summary>
            [Differentiable]
            public static double InLambda(double x)
            {
                Func<double, double> g = v => Math.Sin(x) * v;
                return g(2.0) + Math.Cos(x) + Math.Sin(x);
            }

            /// <summary>Calls in the variable's own declaration statement come before the pair exists.</summary>
            [Differentiable]
            public static double OwnDeclaration(double x)
            {
                double u = x * x, a = Math.Sin(u) + Math.Cos(u);
                return a + Math.Sin(u) * Math.Cos(u);
            }

            /// <summary>One call alone is not fused.</summary>
            [Differentiable]
            public static double Single(double x) => Math.Sin(x) * x;

            /// <summary>An expression body: the pair goes before the return.</summary>
            [Differentiable]
            public static double Arrow(double x) => Math.Sin(x) * Math.Cos(x) + double.Sin(x);

            /// <summary>The user's own SinCos takes the same helper.</summary>
            [Differentiable]
            public static double Explicit(double x)
            {
                var (s, c) = Math.SinCos(x);
                return s * c + s;
            }

            /// <summary>A two-link arm's end point: the pairs of a parameter and of a sum of parameters.</summary>
            [Differentiable]
            public static double Arm(double t1, double t2)
            {
                double x = Math.Cos(t1) + 0.8 * Math.Cos(t1 + t2);
                double y = Math.Sin(t1) + 0.8 * Math.Sin(t1 + t2);
                return x * y;
            }

            /// <summary>Constants in the argument: a const local (the pair follows its declaration) and Math.PI.</summary>
            [Differentiable]
            public static double Wave(double t)
            {
                double lead = t * t;
                const double w = 2.5;
                double a = Math.Sin(w * t) * Math.Cos(w * t);
                return lead + a + Math.Sin(2 * Math.PI * t) - Math.Cos(2 * Math.PI * t);
            }

            /// <summary>Functions that can throw are not hoisted: Clamp (min > max), Round (digits).</summary>
            [Differentiable]
            public static double MayThrow(double x) => Math.Clamp(x, 0.0, 1.0) + Math.Clamp(x, 0.0, 1.0) + Math.Round(x, 2) * Math.Round(x, 2);

            /// <summary>A static field that a call could change, and a call: not pure, so not fused.</summary>
            public static double Scale = 1.5;

            [Differentiable]
            public static double Impure(double t) => Math.Sin(Scale * t) + Math.Cos(Scale * t) + Math.Sin(Math.Abs(t)) + Math.Cos(Math.Abs(t));

            /// <summary>The same tokens over different locals (sibling scopes) are different pairs.</summary>
            [Differentiable]
            public static double Siblings(double x)
            {
                double r = 0;
                {
                    double u = x;
                    r += Math.Sin(2 * u) * Math.Cos(2 * u);
                }
                {
                    double u = x * x;
                    r += Math.Sin(2 * u) * Math.Cos(2 * u);
                }
                return r;
            }

            /// <summary>Repeated calls with the same arguments: Black–Scholes' √T, a discount factor and a power, shared; Exp
            /// of two different variables, not.</summary>
            [Differentiable]
            public static double Repeated(double s, double t)
            {
                double d1 = (Math.Log(s) + 0.5 * t) / Math.Sqrt(t);
                double d2 = d1 - Math.Sqrt(t);
                double disc = Math.Exp(-0.05 * t);
                return d1 * d2 + s * Math.Exp(-0.05 * t) - disc + Math.Pow(s, 2.5) * Math.Pow(s, 2.5) + Math.Exp(s) + Math.Exp(t);
            }

            /// <summary>float code: MathF's pair.</summary>
            [Differentiable]
            public static float Single32(float x) => MathF.Sin(x) * MathF.Cos(x) + x;

            /// <summary>A gradient whose entry point runs multi-pass chunk loops (n above 32): Σ sin(xᵢ)cos(xᵢ) + sin(xᵢ).</summary>
            [Differentiable]
            public static double Sum(ReadOnlySpan<double> x)
            {
                double s = 0;
                foreach (double v in x)
                {
                    double w = v;
                    s += Math.Sin(w) * Math.Cos(w) + Math.Sin(w);
                }
                return s;
            }

            /// <summary>Corner cases: a switch section's block, a deconstructed local, a write in a local function, a write
            /// through a ref argument, a write in a lambda, and calls written without the type name.</summary>
            [Differentiable]
            public static double Corners(double x, int mode)
            {
                double r = 0;
                switch (mode)
                {
                    case 0:
                    {
                        double t = 3 * x;
                        r += Math.Sin(t) * Math.Cos(t);
                        break;
                    }
                    default:
                        r += Math.Cos(x);
                        break;
                }
                var (a, b) = (x, 2 * x);
                r += Math.Sin(a) * Math.Cos(a) + Math.Sin(b) * Math.Cos(b);
                double u = x / 3;
                void Bump() => u += 1;
                r += Math.Sin(u);
                Bump();
                r += Math.Cos(u);
                double w = x / 5;
                Swap(ref w);
                r += Math.Sin(w) + Math.Cos(w);
                double z = x / 7;
                Action inc = () => z *= 2;
                r += Math.Sin(z);
                inc();
                r += Math.Cos(z);
                return r;
            }

            private static void Swap(ref double v) => v = -v;

            /// <summary>The twin at many points through AutoDiff's span overload (the method group binds to the twin).</summary>
            public static void ParamAtPoints(double[] x, double[] values, double[] derivatives) => AutoDiff.ValueAndDerivative<double>(Param, x, values, derivatives);

            /// <summary>The generated gradient entry point, callable with arrays.</summary>
            public static double SumGradientOf(double[] x, double[] gradient) => SumGradient(x, gradient);
        }
        """;

    private static readonly Lazy<Assembly> s_asm = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static string Twin(string name)
    {
        var r = GeneratorHarness.Run(Source);
        Assert.That(r.Dual, Is.Empty, () => string.Join("\n", r.Dual));
        string generated = r.Generated("F." + name + ".g.cs");
        // The single-tangent twin: the text up to the multi-tangent one.
        int multi = generated.IndexOf("Multi-tangent twin", StringComparison.Ordinal);
        return multi < 0 ? generated : generated.Substring(0, multi);
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;

    [Test]
    public void FusesWhereTheVariableIsNeverWritten()
    {
        string param = Twin("Param");
        Assert.That(Count(param, "FusedSinCos.Of(x)"), Is.EqualTo(1), param);
        Assert.That(param, Does.Contain("__sincos_x.Sin").And.Contain("__sincos_x.Cos"));
        Assert.That(param, Does.Not.Contain("Dual<double>.Sin(").And.Not.Contain("Dual<double>.Cos("));

        string loop = Twin("Loop");
        Assert.That(Count(loop, "FusedSinCos.Of(t)"), Is.EqualTo(1), loop);
        Assert.That(Count(loop, "FusedSinCos.Of(x)"), Is.EqualTo(1), loop);
        // x's pair at the start of the body, outside the loop; t's right after t's declaration, inside it.
        Assert.That(loop.IndexOf("FusedSinCos.Of(x)", StringComparison.Ordinal), Is.LessThan(loop.IndexOf("for (", StringComparison.Ordinal)), loop);
        Assert.That(loop.IndexOf("FusedSinCos.Of(t)", StringComparison.Ordinal), Is.GreaterThan(loop.IndexOf("t = ", StringComparison.Ordinal)), loop);

        string arrow = Twin("Arrow");
        Assert.That(Count(arrow, "FusedSinCos.Of(x)"), Is.EqualTo(1), arrow);
        Assert.That(Count(arrow, "__sincos_x.Sin"), Is.EqualTo(2), arrow);

        string explicitPair = Twin("Explicit");
        Assert.That(Count(explicitPair, "FusedSinCos.Of(x)"), Is.EqualTo(1), explicitPair);
        Assert.That(explicitPair, Does.Not.Contain("Dual<double>.SinCos("));

        string arm = Twin("Arm");
        Assert.That(Count(arm, "FusedSinCos.Of(t1)"), Is.EqualTo(1), arm);
        Assert.That(Count(arm, "FusedSinCos.Of(t1 + t2)"), Is.EqualTo(1), arm);
        Assert.That(arm, Does.Not.Contain("Dual<double>.Sin(").And.Not.Contain("Dual<double>.Cos("), arm);

        string wave = Twin("Wave");
        Assert.That(Count(wave, "FusedSinCos.Of("), Is.EqualTo(2), wave);
        Assert.That(Count(wave, "FusedSinCos.Of(w * t)"), Is.EqualTo(1), wave);
        Assert.That(wave.IndexOf("FusedSinCos.Of(w * t)", StringComparison.Ordinal), Is.GreaterThan(wave.IndexOf("const double w", StringComparison.Ordinal)), wave);
        Assert.That(wave, Does.Not.Contain("Dual<double>.Sin(").And.Not.Contain("Dual<double>.Cos("), wave);

        string siblings = Twin("Siblings");
        Assert.That(Count(siblings, "FusedSinCos.Of("), Is.EqualTo(2), siblings);

        string repeated = Twin("Repeated");
        Assert.That(Count(repeated, "__sqrt_1 = global::Dual.Dual<double>.Sqrt(t)"), Is.EqualTo(1), repeated);
        Assert.That(Count(repeated, "Dual<double>.Sqrt("), Is.EqualTo(1), repeated);
        Assert.That(Count(repeated, "__exp_1 = global::Dual.Dual<double>.Exp("), Is.EqualTo(1), repeated);
        Assert.That(Count(repeated, "Dual<double>.Exp("), Is.EqualTo(3), "the shared discount factor, Exp(s) and Exp(t)\n" + repeated);
        Assert.That(Count(repeated, "Dual<double>.Pow("), Is.EqualTo(1), repeated);
        Assert.That(Count(repeated, "__pow_1"), Is.EqualTo(3), repeated);

        string corners = Twin("Corners");
        Assert.That(Count(corners, "FusedSinCos.Of("), Is.EqualTo(1), "only the switch section's t\n" + corners);
        Assert.That(Count(corners, "FusedSinCos.Of(t)"), Is.EqualTo(1), corners);

        string single32 = Twin("Single32");
        Assert.That(Count(single32, "FusedSinCos.Of(x)"), Is.EqualTo(1), single32);
    }

    [Test]
    public void KeepsTheRulesWhereFusingCouldChangeWhatIsRead()
    {
        string reassigned = Twin("Reassigned");
        Assert.That(reassigned, Does.Not.Contain("FusedSinCos"), reassigned);

        string lambda = Twin("InLambda");
        Assert.That(Count(lambda, "FusedSinCos.Of(x)"), Is.EqualTo(1), lambda);
        Assert.That(Count(lambda, "Dual<double>.Sin(x)"), Is.EqualTo(1), "the lambda's call keeps its rule\n" + lambda);

        string own = Twin("OwnDeclaration");
        Assert.That(Count(own, "FusedSinCos.Of(u)"), Is.EqualTo(1), own);
        Assert.That(Count(own, "Dual<double>.Sin(u)") + Count(own, "Dual<double>.Cos(u)"), Is.EqualTo(2), "the declaration's own calls keep their rules\n" + own);

        Assert.That(Twin("Single"), Does.Not.Contain("FusedSinCos"));
        Assert.That(Twin("Impure"), Does.Not.Contain("FusedSinCos"));
        string mayThrow = Twin("MayThrow");
        Assert.That(mayThrow, Does.Not.Contain("__clamp").And.Not.Contain("__round"), mayThrow);
    }

    private static readonly double[] Points = { 0.0, -0.0, 0.37, -1.3, 2.2, 1e-300, 1e300, -1e22, Math.PI / 2, double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    private static D Call(string name, D x) => s_asm.Value.Method("Fusion.F", name, typeof(D)).Call<D>(x);

    private static void Same(D actual, D expected, string what)
    {
        Assert.That(BitConverter.DoubleToInt64Bits(actual.Value), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected.Value)), what + " value");
        Assert.That(BitConverter.DoubleToInt64Bits(actual.Tangent), Is.EqualTo(BitConverter.DoubleToInt64Bits(expected.Tangent)), what + " tangent");
    }

    [Test]
    public void FusedTwinsReturnTheBitsOfTheSeparateRules()
    {
        foreach (double v in Points)
        {
            foreach (double t in new[] { 1.0, -0.75 })
            {
                var x = new D(v, t);
                D s = D.Sin(x), c = D.Cos(x);
                Same(Call("Param", x), D.Exp(x) / D.Sqrt(s * s * s + c * c * c), "Param(" + v + ")");
                Same(Call("Arrow", x), D.Sin(x) * D.Cos(x) + D.Sin(x), "Arrow(" + v + ")");
                D g = D.Sin(x) * new D(2.0);
                Same(Call("InLambda", x), g + D.Cos(x) + D.Sin(x), "InLambda(" + v + ")");
                D rs = new D(0.3 * v + 1.7, 0.5 * t), rt = x;
                D d1 = (D.Log(rs) + 0.5 * rt) / D.Sqrt(rt);
                D d2 = d1 - D.Sqrt(rt);
                D disc = D.Exp(-0.05 * rt);
                Same(s_asm.Value.Method("Fusion.F", "Repeated", typeof(D), typeof(D)).Call<D>(rs, rt),
                    d1 * d2 + rs * D.Exp(-0.05 * rt) - disc + D.Pow(rs, 2.5) * D.Pow(rs, 2.5) + D.Exp(rs) + D.Exp(rt), "Repeated(" + v + ")");
                D y2 = new D(0.3 * v - 1.1, -t);
                D ax = D.Cos(x) + 0.8 * D.Cos(x + y2), ay = D.Sin(x) + 0.8 * D.Sin(x + y2);
                Same(s_asm.Value.Method("Fusion.F", "Arm", typeof(D), typeof(D)).Call<D>(x, y2), ax * ay, "Arm(" + v + ")");
                D wa = D.Sin(2.5 * x) * D.Cos(2.5 * x);
                Same(Call("Wave", x), x * x + wa + D.Sin(2 * Math.PI * x) - D.Cos(2 * Math.PI * x), "Wave(" + v + ")");
                Same(Call("Impure", x), D.Sin(1.5 * x) + D.Cos(1.5 * x) + D.Sin(D.Abs(x)) + D.Cos(D.Abs(x)), "Impure(" + v + ")");
                D r0 = 0.0, u1 = x, u2 = x * x;
                r0 += D.Sin(2 * u1) * D.Cos(2 * u1);
                r0 += D.Sin(2 * u2) * D.Cos(2 * u2);
                Same(Call("Siblings", x), r0, "Siblings(" + v + ")");
                foreach (int mode in new[] { 0, 1 })
                {
                    D cr = 0.0;
                    if (mode == 0) { D ct = 3 * x; cr += D.Sin(ct) * D.Cos(ct); } else { cr += D.Cos(x); }
                    D ca = x, cb = 2 * x;
                    cr += D.Sin(ca) * D.Cos(ca) + D.Sin(cb) * D.Cos(cb);
                    D cu = x / 3;
                    cr += D.Sin(cu);
                    cu += 1;
                    cr += D.Cos(cu);
                    D cw = -(x / 5);
                    cr += D.Sin(cw) + D.Cos(cw);
                    D cz = x / 7;
                    cr += D.Sin(cz);
                    cz *= 2;
                    cr += D.Cos(cz);
                    Same(s_asm.Value.Method("Fusion.F", "Corners", typeof(D), typeof(int)).Call<D>(x, mode), cr, "Corners(" + v + ", " + mode + ")");
                }
                var (es, ec) = D.SinCos(x);
                Same(Call("Explicit", x), es * ec + es, "Explicit(" + v + ")");
                D u = x * x;
                Same(Call("OwnDeclaration", x), D.Sin(u) + D.Cos(u) + D.Sin(u) * D.Cos(u), "OwnDeclaration(" + v + ")");

                D loop = s_asm.Value.Method("Fusion.F", "Loop", typeof(D), typeof(int)).Call<D>(x, 5);
                D sum = 0.0;
                for (int i = 1; i <= 5; i++)
                {
                    D ti = i * x;
                    sum += D.Sin(ti) * D.Cos(ti) + D.Cos(x) * i - D.Sin(x);
                }
                Same(loop, sum, "Loop(" + v + ")");

                var xf = new Dual<float>((float)v, (float)t);
                var rf = s_asm.Value.Method("Fusion.F", "Single32", typeof(Dual<float>)).Call<Dual<float>>(xf);
                Dual<float> ef = Dual<float>.Sin(xf) * Dual<float>.Cos(xf) + xf;
                Assert.That(BitConverter.SingleToInt32Bits(rf.Value), Is.EqualTo(BitConverter.SingleToInt32Bits(ef.Value)), "Single32 value");
                Assert.That(BitConverter.SingleToInt32Bits(rf.Tangent), Is.EqualTo(BitConverter.SingleToInt32Bits(ef.Tangent)), "Single32 tangent");
            }
        }
    }

    [Test]
    public void FusedTwinsMatchClosedForms()
    {
        foreach (double v in new[] { 0.37, 1.1, 2.2 })
        {
            // d/dx eˣ/√g with g = sin³x + cos³x: f·(1 − g′/(2g)), g′ = 3 sin x cos x (sin x − cos x).
            double s = Math.Sin(v), c = Math.Cos(v), g = s * s * s + c * c * c;
            double f = Math.Exp(v) / Math.Sqrt(g);
            D param = Call("Param", new D(v, 1.0));
            Assert.That(param.Value, Is.EqualTo(f).Within(1e-15 * Math.Abs(f)));
            Assert.That(param.Tangent, Is.EqualTo(f * (1 - 1.5 * s * c * (s - c) / g)).Within(1e-13 * Math.Abs(f)));

            // d/dx Σᵢ sin(ix)cos(ix) + i cos x − sin x = Σᵢ i cos(2ix) − i sin x − cos x.
            double expected = 0;
            for (int i = 1; i <= 5; i++) expected += i * Math.Cos(2 * i * v) - i * Math.Sin(v) - Math.Cos(v);
            D loop = s_asm.Value.Method("Fusion.F", "Loop", typeof(D), typeof(int)).Call<D>(new D(v, 1.0), 5);
            Assert.That(loop.Tangent, Is.EqualTo(expected).Within(1e-12 * (1 + Math.Abs(expected))));
        }
    }

    [Test]
    public void TwinAtManyPointsThroughTheSpanOverload()
    {
        double[] x = { 0.37, 1.1, 2.2, 0.0, -0.5 }, values = new double[5], derivatives = new double[5];
        s_asm.Value.GetType("Fusion.F")!.GetMethod("ParamAtPoints")!.Invoke(null, new object[] { x, values, derivatives });
        for (int i = 0; i < x.Length; i++)
        {
            D one = Call("Param", new D(x[i], 1.0));
            Assert.That(BitConverter.DoubleToInt64Bits(values[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(one.Value)));
            Assert.That(BitConverter.DoubleToInt64Bits(derivatives[i]), Is.EqualTo(BitConverter.DoubleToInt64Bits(one.Tangent)));
        }
    }

    [TestCase(7)]
    [TestCase(40)]
    [TestCase(100)]
    public void GradientEntryPointMatchesTheClosedFormAcrossChunkLoops(int n)
    {
        var x = Enumerable.Range(0, n).Select(i => -2.0 + 4.0 * ((i * 37) % n) / n).ToArray();
        var gradient = new double[n];
        MethodInfo m = s_asm.Value.GetType("Fusion.F")!.GetMethod("SumGradientOf")!;
        for (int repeat = 0; repeat < 3; repeat++) // later calls replay the loops' logged calls
        {
            double value = (double)m.Invoke(null, new object[] { x, gradient })!;
            double expected = x.Sum(v => Math.Sin(v) * Math.Cos(v) + Math.Sin(v));
            Assert.That(value, Is.EqualTo(expected).Within(1e-13 * n));
            for (int i = 0; i < n; i++)
            {
                // d/dx (sin x cos x + sin x) = cos 2x + cos x.
                Assert.That(gradient[i], Is.EqualTo(Math.Cos(2 * x[i]) + Math.Cos(x[i])).Within(1e-14), "∂" + i);
            }
        }
    }
}
