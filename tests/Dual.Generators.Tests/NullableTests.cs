using System;
using System.Linq;
using System.Reflection;
using NUnit.Framework;
using D = Dual.Dual<double>;

namespace Dual.Generators.Tests;

/// <summary>
/// <c>double?</c> parameters, locals and returns: <c>Dual&lt;double&gt;?</c> in the twins, with <c>??</c>, <c>HasValue</c>,
/// <c>Value</c>, <c>GetValueOrDefault</c>, lifted arithmetic and comparisons, null patterns and casts; both the value and
/// the null paths, through the single-tangent twin and (via entry points) the multi-tangent one, against closed forms.
/// </summary>
public class NullableTests
{
    private const string Source = """
        using System;
        using Dual;

        public static partial class N
        {
            [Differentiable]
            public static double ApplyCap(double value, double? cap = null) => cap is { } c ? Math.Min(value, c) : value;

            // With w: f = w x + [w > 1] x + 3 w + w x. Without: f = x² + 1 + 2x + x/2.
            [Differentiable]
            public static double Mix(double x, double? w)
            {
                double? scaled = w * x;
                double a = scaled ?? x * x;
                double b = w.HasValue ? w.Value * 3 : 1.0;
                double c = w.GetValueOrDefault(0.5) * x;
                if (w > 1.0) a += x;
                if (w == null) b += 2 * x;
                return a + b + c;
            }

            [Differentiable]
            public static double? Maybe(double x, double y) => x > 0 ? x * y : null;

            [Differentiable]
            public static double UseMaybe(double x, double y) => Maybe(x, y) ?? -y;

            [Differentiable]
            public static double Cast(double x)
            {
                double? v = x * x;
                return (double)v + v.GetValueOrDefault();
            }

            // Entry points (bool is data): the multi-tangent twin of Mix, both paths.
            [Differentiable]
            public static double MixAt(double x, double w, bool none) => Mix(x, none ? null : w) + ApplyCap(x, none ? null : w);

            public static double[] MixAtGrad(double x, double w, bool none) { var (v, (dx, dw)) = MixAtValueAndGradient(x, w, none); return new[] { v, dx, dw }; }
            public static double[] UseMaybeGrad(double x, double y) { var (v, (dx, dy)) = UseMaybeValueAndGradient(x, y); return new[] { v, dx, dy }; }
            public static double CastDer(double x) => CastDerivative(x);
        }
        """;

    private static readonly Lazy<Assembly> s_asm = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static MethodInfo M(string name, params Type[] types) => s_asm.Value.Method("N", name, types);

    [TestCase(3.0, 2.5, 0.0, 1.0)]
    [TestCase(2.0, 2.5, 1.0, 0.0)]
    public void ParameterWithValue(double value, double cap, double dValue, double dCap)
    {
        MethodInfo twin = M("ApplyCap", typeof(D), typeof(D?));
        D byValue = twin.Call<D>(new D(value, 1), (D?)new D(cap, 0));
        D byCap = twin.Call<D>(new D(value, 0), (D?)new D(cap, 1));
        Assert.That(byValue.Value, Is.EqualTo(Math.Min(value, cap)));
        Assert.That(byValue.Tangent, Is.EqualTo(dValue));
        Assert.That(byCap.Tangent, Is.EqualTo(dCap));
    }

    [Test]
    public void ParameterNull()
    {
        D r = M("ApplyCap", typeof(D), typeof(D?)).Call<D>(new D(3, 1), null);
        Assert.That(r.Value, Is.EqualTo(3));
        Assert.That(r.Tangent, Is.EqualTo(1));
    }

    [TestCase(0.7, 1.6)]
    [TestCase(1.3, 0.4)]
    public void LiftedOperatorsCoalesceAndMembersWithValue(double x, double w)
    {
        MethodInfo twin = M("Mix", typeof(D), typeof(D?));
        D dx = twin.Call<D>(new D(x, 1), (D?)new D(w, 0));
        D dw = twin.Call<D>(new D(x, 0), (D?)new D(w, 1));
        double step = w > 1 ? 1 : 0;
        Assert.That(dx.Value, Is.EqualTo(w * x + step * x + 3 * w + w * x).Within(1e-14));
        Assert.That(dx.Tangent, Is.EqualTo(2 * w + step).Within(1e-14));
        Assert.That(dw.Tangent, Is.EqualTo(2 * x + 3).Within(1e-14));
    }

    [TestCase(0.7)]
    [TestCase(1.9)]
    public void LiftedOperatorsCoalesceAndMembersWithNull(double x)
    {
        D r = M("Mix", typeof(D), typeof(D?)).Call<D>(new D(x, 1), null);
        Assert.That(r.Value, Is.EqualTo(x * x + 1 + 2 * x + 0.5 * x).Within(1e-14));
        Assert.That(r.Tangent, Is.EqualTo(2 * x + 2.5).Within(1e-14));
    }

    [TestCase(0.7, 1.6, false)]
    [TestCase(1.3, 0.4, false)]
    [TestCase(0.7, 1.6, true)]
    public void MultiTangentTwinThroughEntryPoints(double x, double w, bool none)
    {
        double[] r = M("MixAtGrad", typeof(double), typeof(double), typeof(bool)).Call<double[]>(x, w, none);
        double step = w > 1 ? 1 : 0;
        // Mix + ApplyCap(x, cap): min(x, w) with a cap, x without.
        double f = none ? x * x + 1 + 2.5 * x + x : w * x + step * x + 3 * w + w * x + Math.Min(x, w);
        double fx = none ? 2 * x + 2.5 + 1 : 2 * w + step + (x < w ? 1 : 0);
        double fw = none ? 0 : 2 * x + 3 + (x < w ? 0 : 1);
        Assert.That(r[0], Is.EqualTo(f).Within(1e-14));
        Assert.That(r[1], Is.EqualTo(fx).Within(1e-14));
        Assert.That(r[2], Is.EqualTo(fw).Within(1e-14));
    }

    [TestCase(0.8, 1.5, 1.5, 0.8)]
    [TestCase(-0.8, 1.5, 0.0, -1.0)]
    public void NullableReturnCoalescedByCaller(double x, double y, double dx, double dy)
    {
        double[] r = M("UseMaybeGrad", typeof(double), typeof(double)).Call<double[]>(x, y);
        Assert.That(r[0], Is.EqualTo(x > 0 ? x * y : -y).Within(1e-15));
        Assert.That(r[1], Is.EqualTo(dx).Within(1e-15));
        Assert.That(r[2], Is.EqualTo(dy).Within(1e-15));
    }

    [Test]
    public void ExplicitUnwrapAndGetValueOrDefault()
    {
        foreach (double x in new[] { 0.3, 1.7 })
        {
            Assert.That(M("CastDer", typeof(double)).Call<double>(x), Is.EqualTo(4 * x).Within(1e-14));
        }
    }

    [Test]
    public void NullableTwinSignatures()
    {
        Assert.That(M("Maybe", typeof(D), typeof(D)).ReturnType, Is.EqualTo(typeof(D?)));
        Assert.That(s_asm.Value.GetType("N")!.GetMethods().Where(m => m.Name == "ApplyCapGradient"), Is.Empty, "a double? input gets the twin only");
    }
}
