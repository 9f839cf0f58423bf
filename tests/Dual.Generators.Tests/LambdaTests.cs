using System;
using NUnit.Framework;

namespace Dual.Generators.Tests;

/// <summary>
/// Lambdas over floating values: rewritten into lambdas over dual numbers (System.Func/Action), passed to helpers
/// whose twins take dual delegates, stored in locals and called there; checked against closed forms and 5-point
/// finite differences of the plain methods, through the single-tangent and the multi-tangent twins.
/// </summary>
public class LambdaTests
{
    private const string Source = """
        using System;
        using Dual;

        public static class Quadrature
        {
            // A helper without [Differentiable]: its twin takes Func<Dual<double>, Dual<double>>.
            public static double Simpson(Func<double, double> f, double a, double b, int intervals = 64)
            {
                double h = (b - a) / intervals;
                double sum = f(a) + f(b);
                for (int i = 1; i < intervals; i++) sum += f(a + i * h) * (i % 2 == 0 ? 2 : 4);
                return sum * h / 3;
            }

            public static double[] Rk4Step(Func<double, double[], double[]> rhs, double t, double[] y, double h)
            {
                double[] k1 = rhs(t, y);
                double[] y2 = new double[y.Length];
                for (int i = 0; i < y.Length; i++) y2[i] = y[i] + h / 2 * k1[i];
                double[] k2 = rhs(t + h / 2, y2);
                double[] r = new double[y.Length];
                for (int i = 0; i < y.Length; i++) r[i] = y[i] + h * k2[i];
                return r;
            }
        }

        public static partial class M
        {
            // ∫₀ᵃ e^(−k t) dt by Simpson's rule: the integrand captures k, the upper limit is a.
            [Differentiable]
            public static double Decay(double a, double k) => Quadrature.Simpson(t => Math.Exp(-k * t), 0, a);

            // f = x² y + sin x through local Func delegates, one with explicit parameter types.
            [Differentiable]
            public static double Local(double x, double y)
            {
                Func<double, double> sq = v => v * v * y;
                Func<double, double, double> add = (double u, double w) => u + Math.Sin(w);
                return add(sq(x), x);
            }

            // An Action writing a captured dual local, and a lambda returning a lambda: f = x y + 3 x² y.
            [Differentiable]
            public static double Captures(double x, double y)
            {
                double acc = 0;
                Action<double> add = v => acc += v * y;
                add(x);
                Func<double, Func<double, double>> scale = c => v => c * v * v;
                return acc + scale(3 * y)(x);
            }

            // One midpoint step of y' = −c y (array state through Func<double, double[], double[]>): y₁ = y₀ (1 − c h + c² h² / 2).
            [Differentiable]
            public static double Step(double y0, double c) => Quadrature.Rk4Step((t, y) => new[] { -c * y[0] }, 0, new[] { y0 }, 0.1)[0];

            public static double[] DecayGrad(double a, double k) { var (v, (da, dk)) = DecayValueAndGradient(a, k); return new[] { v, da, dk }; }
            public static double[] LocalGrad(double x, double y) { var (v, (dx, dy)) = LocalValueAndGradient(x, y); return new[] { v, dx, dy }; }
            public static double[] CapturesGrad(double x, double y) { var (v, (dx, dy)) = CapturesValueAndGradient(x, y); return new[] { v, dx, dy }; }
            public static double[] StepGrad(double y0, double c) { var (v, (d0, dc)) = StepValueAndGradient(y0, c); return new[] { v, d0, dc }; }
            public static double LocalDx(double x, double y) => LocalJvp(x, y, 1, 0).Tangent;
        }
        """;

    private static readonly Lazy<System.Reflection.Assembly> s_asm = new(() => GeneratorHarness.CompileAndLoad(Source));

    private static double[] Grad(string name, double a, double b) =>
        s_asm.Value.Method("M", name + "Grad", typeof(double), typeof(double)).Call<double[]>(a, b);

    private static double Plain(string name, double a, double b) =>
        s_asm.Value.Method("M", name, typeof(double), typeof(double)).Call<double>(a, b);

    /// <summary>Five-point central difference (error O(h⁴)).</summary>
    private static double Fd5(Func<double, double> f, double x)
    {
        const double h = 1e-3;
        return (f(x - 2 * h) - 8 * f(x - h) + 8 * f(x + h) - f(x + 2 * h)) / (12 * h);
    }

    [Test]
    public void GeneratesMultiTangentTwinsWithDualDelegates()
    {
        var r = GeneratorHarness.Run(Source);
        Assert.That(r.Dual, Is.Empty, () => string.Join("\n", r.Dual));
        Assert.That(r.Generated("M.Decay"), Does.Contain("Decay<TTangents>"), "the gradient runs through the multi-tangent twin");
        Assert.That(r.Generated("M.Local"), Does.Contain("global::System.Func<global::Dual.Dual<double, TTangents>, global::Dual.Dual<double, TTangents>> sq"));
    }

    [TestCase(1.0, 0.5)]
    [TestCase(2.5, -0.3)]
    public void HelperWithDelegateParameterMatchesFiniteDifferences(double a, double k)
    {
        double[] g = Grad("Decay", a, k);
        Assert.That(g[0], Is.EqualTo((1 - Math.Exp(-k * a)) / k).Within(1e-6), "Simpson's value is close to the integral");
        GeneratorHarness.Close(g[1], Fd5(s => Plain("Decay", s, k), a), 1e-9, "∂/∂a");
        GeneratorHarness.Close(g[2], Fd5(s => Plain("Decay", a, s), k), 1e-9, "∂/∂k");
    }

    [TestCase(0.7, 1.3)]
    [TestCase(-1.2, 0.4)]
    public void LocalDelegatesMatchTheClosedForm(double x, double y)
    {
        double[] g = Grad("Local", x, y);
        Assert.That(g[0], Is.EqualTo(x * x * y + Math.Sin(x)).Within(1e-14));
        Assert.That(g[1], Is.EqualTo(2 * x * y + Math.Cos(x)).Within(1e-13));
        Assert.That(g[2], Is.EqualTo(x * x).Within(1e-13));
        double dx = s_asm.Value.Method("M", "LocalDx", typeof(double), typeof(double)).Call<double>(x, y);
        Assert.That(dx, Is.EqualTo(2 * x * y + Math.Cos(x)).Within(1e-13), "single-tangent twin (JVP)");
    }

    [TestCase(0.7, 1.3)]
    [TestCase(-2.0, 0.25)]
    public void CapturedWritesAndCurriedLambdasMatchTheClosedForm(double x, double y)
    {
        double[] g = Grad("Captures", x, y);
        Assert.That(g[0], Is.EqualTo(x * y + 3 * x * x * y).Within(1e-13));
        Assert.That(g[1], Is.EqualTo(y + 6 * x * y).Within(1e-13));
        Assert.That(g[2], Is.EqualTo(x + 3 * x * x).Within(1e-13));
    }

    [TestCase(2.0, 0.5)]
    [TestCase(-1.0, 3.0)]
    public void ArrayValuedDelegateMatchesTheClosedForm(double y0, double c)
    {
        const double h = 0.1;
        double[] g = Grad("Step", y0, c);
        Assert.That(g[0], Is.EqualTo(y0 * (1 - c * h + c * c * h * h / 2)).Within(1e-14));
        Assert.That(g[1], Is.EqualTo(1 - c * h + c * c * h * h / 2).Within(1e-14));
        Assert.That(g[2], Is.EqualTo(y0 * (-h + c * h * h)).Within(1e-14));
    }

    [Test]
    public void DelegateParameterOfADifferentiableMethodIsRefused()
    {
        var r = GeneratorHarness.Run("""
            using System;
            using Dual;
            public static partial class C
            {
                [Differentiable] public static double F(Func<double, double> f, double x) => f(x);
            }
            """);
        Assert.That(r.Dual, Has.Some.Matches<Microsoft.CodeAnalysis.Diagnostic>(d => d.Id == "DUAL006" && d.GetMessage().Contains("Func<double, double>")));
        Assert.That(r.Dual, Has.None.Matches<Microsoft.CodeAnalysis.Diagnostic>(d => d.Id == "DUAL014"));
    }
}
