using System;
using System.Numerics;
using Dual.Tests.Oracles;
using FsCheck.NUnit;
using NUnit.Framework;
using PropertyAttribute = FsCheck.NUnit.PropertyAttribute;

namespace Dual.Tests;

/// <summary>User code written once over IFloatingPointIeee754, differentiated by running it on duals; nesting for higher derivatives.</summary>
[TestFixture]
[Properties(Arbitrary = new[] { typeof(Domains) })]
public sealed class GenericMathTests
{
    private static T F<T>(T x) where T : IFloatingPointIeee754<T>
        => T.Exp(x) / T.Sqrt(T.Pow(T.Sin(x), T.CreateChecked(3)) + T.Pow(T.Cos(x), T.CreateChecked(3)));

    private static double FPrime(double x)
    {
        double s = Math.Sin(x), c = Math.Cos(x), g = s * s * s + c * c * c, gp = 3 * s * s * c - 3 * c * c * s;
        return Math.Exp(x) / Math.Sqrt(g) * (1 - gp / (2 * g));
    }

    private static T Poly<T>(T x) where T : IFloatingPointIeee754<T>
        => T.CreateChecked(3) * x * x * x - T.CreateChecked(5) * x * x;

    private static T Z<T>(T x, T y) where T : IFloatingPointIeee754<T> => x * y + T.Sin(x);

    [Property]
    public void GenericFunction_MatchesAnalyticAndFiniteDifference(Real r)
    {
        double x = 0.1 + (r.Value + 10) / 20 * 1.3; // (0.1, 1.4): sin³ + cos³ > 0
        Dual<double> d = F(Dual<double>.Variable(x));
        Assert.That(d.Value, Is.EqualTo(F(x)), "the primal is the plain double computation");
        Approx.AssertClose(d.Tangent, FPrime(x), 1e-12, 0, "F′ vs analytic");
        Approx.AssertClose(d.Tangent, FiniteDifference.Derivative(F, x), 1e-6, 1e-10, "F′ vs finite differences");
        Dual<float> f = F(Dual<float>.Variable((float)x));
        Approx.AssertClose(f.Tangent, FPrime((float)x), 1e-4, 1e-6, "F′<float> vs analytic");
    }

    [Test]
    public void Polynomial_ClosedForm_IsExact()
    {
        Dual<double> d = Poly(Dual<double>.Variable(1.5));
        Assert.That(d, Is.EqualTo(new Dual<double>(-1.125, 5.25)));
        Dual<float> f = Poly(Dual<float>.Variable(1.5f));
        Assert.That(f, Is.EqualTo(new Dual<float>(-1.125f, 5.25f)));
    }

    [Property]
    public void Polynomial_MatchesAnalytic(Real r)
    {
        double x = r.Value;
        Approx.AssertClose(Poly(Dual<double>.Variable(x)).Tangent, 9 * x * x - 10 * x, 1e-13, 1e-12, "(3x³ − 5x²)′");
    }

    [Property]
    public void PartialDerivatives_SeedOneAtATime(Real a, Real b)
    {
        double x = a.Value, y = b.Value;
        Dual<double> dx = Z(Dual<double>.Variable(x), Dual<double>.Constant(y));
        Dual<double> dy = Z(Dual<double>.Constant(x), Dual<double>.Variable(y));
        Approx.AssertClose(dx.Tangent, y + Math.Cos(x), 1e-14, 1e-14, "∂z/∂x = y + cos x");
        Assert.That(dy.Tangent, Is.EqualTo(x), "∂z/∂y = x");
        Assert.That(dx.Value, Is.EqualTo(Z(x, y)));
    }

    // ---- nesting: second and third derivatives -------------------------------------------------------------

    private static Dual<Dual<double>> Seed2(double x) => new(new Dual<double>(x, 1), new Dual<double>(1, 0));

    private static void CheckSecond(string name, Func<Dual<Dual<double>>, Dual<Dual<double>>> f, Func<Dual<double>, Dual<double>> first,
        Func<double, double> value, Func<double, double> d1, Func<double, double> d2, double x)
    {
        Dual<Dual<double>> r = f(Seed2(x));
        Approx.AssertClose(r.Value.Value, value(x), 1e-14, 1e-300, $"{name} value at {x:R}");
        Approx.AssertClose(r.Value.Tangent, d1(x), 1e-13, 1e-14, $"{name}′ (inner) at {x:R}");
        Approx.AssertClose(r.Tangent.Value, d1(x), 1e-13, 1e-14, $"{name}′ (outer) at {x:R}");
        Approx.AssertClose(r.Tangent.Tangent, d2(x), 1e-12, 1e-13, $"{name}″ vs analytic at {x:R}");
        (double fd, double roundOff) = FiniteDifference.Estimate(t => first(Dual<double>.Variable(t)).Tangent, x);
        Approx.AssertClose(r.Tangent.Tangent, fd, 1e-6, 1e-10 + roundOff, $"{name}″ vs finite differences of the first derivative at {x:R}");
    }

    [Property]
    public void Second_Sin(Real x) =>
        CheckSecond("sin", Dual<Dual<double>>.Sin, Dual<double>.Sin, Math.Sin, Math.Cos, t => -Math.Sin(t), x.Value);

    [Property]
    public void Second_Exp(Real x) =>
        CheckSecond("exp", Dual<Dual<double>>.Exp, Dual<double>.Exp, Math.Exp, Math.Exp, Math.Exp, x.Value);

    [Property]
    public void Second_Log(Positive x) =>
        CheckSecond("log", Dual<Dual<double>>.Log, Dual<double>.Log, Math.Log, t => 1 / t, t => -1 / (t * t), x.Value);

    [Property]
    public void Second_Cube(Real x) =>
        CheckSecond("x³", d => d * d * d, d => d * d * d, t => t * t * t, t => 3 * t * t, t => 6 * t, x.Value);

    [Property]
    public void Second_GenericFunction(Real r)
    {
        double x = 0.1 + (r.Value + 10) / 20 * 1.3;
        Dual<Dual<double>> d = F(Seed2(x));
        Approx.AssertClose(d.Tangent.Value, FPrime(x), 1e-12, 0, "F′ from the nested pass");
        (double fd, double roundOff) = FiniteDifference.Estimate(FPrime, x);
        Approx.AssertClose(d.Tangent.Tangent, fd, 1e-6, 1e-10 + roundOff, "F″ vs finite differences of the analytic F′");
    }

    [Test]
    public void Third_ThroughTripleNesting()
    {
        const double x = 0.7;
        var seed = new Dual<Dual<Dual<double>>>(
            new Dual<Dual<double>>(new Dual<double>(x, 1), new Dual<double>(1, 0)),
            new Dual<Dual<double>>(new Dual<double>(1, 0), new Dual<double>(0, 0)));
        Dual<Dual<Dual<double>>> s = Dual<Dual<Dual<double>>>.Sin(seed);
        Assert.That(s.Value.Value.Value, Is.EqualTo(Math.Sin(x)));
        Approx.AssertClose(s.Tangent.Tangent.Tangent, -Math.Cos(x), 1e-14, 0, "sin‴ = −cos");
        Approx.AssertClose(s.Tangent.Tangent.Value, -Math.Sin(x), 1e-14, 0, "sin″ = −sin");
        Dual<Dual<Dual<double>>> q = seed * seed * seed * seed;
        Assert.That(q.Tangent.Tangent.Tangent, Is.EqualTo(24 * x).Within(1e-13).Percent, "(x⁴)‴ = 24x");
    }
}
