using System;
using System.Collections.Generic;
using System.Linq;
using Dual.Tests.SpecialFunctions.Oracle;
using NUnit.Framework;
using MN = MathNet.Numerics.SpecialFunctions;
using Normal = MathNet.Numerics.Distributions.Normal;

namespace Dual.Tests.SpecialFunctions;

/// <summary>
/// Primal values of <see cref="Special"/> in double against the 200-bit oracle (≤ 1e-15 relative, tails included) and
/// against MathNet.Numerics 5.0 wherever MathNet is itself accurate (≤ 2.5e-16 from the oracle: there the two must agree
/// to 1e-15). The test output carries the accuracy table: points, our maximum relative error, MathNet's maximum relative
/// error, and at how many points MathNet was accurate enough to be compared with.
/// </summary>
[TestFixture]
public sealed class ValueAccuracyTests
{
    private static IEnumerable<double> Tiny => [1e-300, 1e-100, 1e-20, 1e-10, 1e-5];

    [Test]
    public void Erf()
    {
        var check = new AccuracyCheck("Erf [−6, 6]");
        foreach (double x in AccuracyCheck.Grid(-6, 6, 241).Concat(Tiny).Concat(Tiny.Select(t => -t)))
        {
            check.Point(x, Dual.Special.Erf(x), HighPrecision.Erf(x), MN.Erf(x));
        }
        check.Assert();
        Assert.That(check.ComparedWithMathNet, Is.GreaterThan(150));
    }

    [Test]
    public void Erfc()
    {
        var check = new AccuracyCheck("Erfc [−6, 27]");
        foreach (double x in AccuracyCheck.Grid(-6, 27, 331).Append(26.0).Append(26.5))
        {
            check.Point(x, Dual.Special.Erfc(x), HighPrecision.Erfc(x), MN.Erfc(x));
        }
        check.Assert();
        Assert.That(check.ComparedWithMathNet, Is.GreaterThan(100));
    }

    [Test]
    public void ErfInv()
    {
        var check = new AccuracyCheck("ErfInv (−1, 1)");
        var ys = AccuracyCheck.Grid(-0.995, 0.995, 199).Concat(Tiny)
            .Concat(Enumerable.Range(1, 53).Select(k => 1 - Math.ScaleB(1, -k)));
        foreach (double y in ys)
        {
            double start = y < 0.9 ? MN.ErfInv(y) : MN.ErfcInv(1 - y);
            check.Point(y, Dual.Special.ErfInv(y), HighPrecision.ErfInv(y, start), MN.ErfInv(y));
        }
        check.Assert();
        Assert.That(check.ComparedWithMathNet, Is.GreaterThan(100));
    }

    [Test]
    public void ErfcInv()
    {
        var check = new AccuracyCheck("ErfcInv (0, 2)");
        var qs = AccuracyCheck.Decades(-300, -1, 7).Concat(AccuracyCheck.Grid(0.02, 1.98, 99)).Append(2.2250738585072014e-308);
        foreach (double q in qs)
        {
            check.Point(q, Dual.Special.ErfcInv(q), HighPrecision.ErfcInv(q, MN.ErfcInv(q)), MN.ErfcInv(q));
        }
        check.Assert();
        Assert.That(check.ComparedWithMathNet, Is.GreaterThan(50));
    }

    [Test]
    public void Gamma()
    {
        var check = new AccuracyCheck("Gamma [−20, 171.6]");
        var xs = AccuracyCheck.Grid(-19.97, 171.6, 300)
            .Concat(AccuracyCheck.Grid(0.01, 4, 80))
            .Concat(Tiny).Concat(Tiny.Select(t => -t))
            .Concat([-1 + 1e-10, -1 - 1e-10, -2 + 1e-5, -7 - 1e-8, -19.5, -170.5, -183.7, 171.5, 0.5, 1.5]);
        foreach (double x in xs)
        {
            check.Point(x, Dual.Special.Gamma(x), HighPrecision.Gamma(x), MN.Gamma(x));
        }
        check.Assert();
        Assert.That(check.ComparedWithMathNet, Is.GreaterThan(10)); // MathNet's Lanczos Γ is rarely within 2.5e-16
    }

    [Test]
    public void LogGamma()
    {
        var check = new AccuracyCheck("LogGamma (0, 1e300]");
        var xs = AccuracyCheck.Grid(0.01, 100, 250)
            .Concat([1 - 1e-9, 1 + 1e-9, 2 - 1e-9, 2 + 1e-9, 1.4616321449683622, 1e3, 1e5, 1e10, 1e20, 1e100, 1e300])
            .Concat(Tiny);
        foreach (double x in xs)
        {
            check.Point(x, Dual.Special.LogGamma(x), HighPrecision.LogGamma(x, out _), MN.GammaLn(x));
        }
        check.Assert();
        Assert.That(check.ComparedWithMathNet, Is.GreaterThan(50));
    }

    [Test]
    public void LogGammaNegative()
    {
        // Away from the zeros of ln|Γ| (|Γ| = 1), where the reflection formula's cancellation makes the error absolute.
        var check = new AccuracyCheck("LogGamma x < 0");
        foreach (double x in AccuracyCheck.Grid(-19.9, -0.1, 100).Where(x => Math.Abs(x - Math.Round(x)) > 0.01))
        {
            BigFloat exact = HighPrecision.LogGamma(x, out int sign);
            double? mathNet = sign > 0 ? MN.GammaLn(x) : null; // MathNet's GammaLn is ln Γ: NaN where Γ < 0
            double terms = Math.Abs(Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x) * x))) + Math.Abs(MN.GammaLn(-x));
            check.Point(x, Dual.Special.LogGamma(x), exact, mathNet, tolerance: 1e-15, absolute: 4e-16 * terms);
        }
        check.Assert();
    }

    [Test]
    public void Digamma()
    {
        var check = new AccuracyCheck("Digamma (0, 1e10]");
        var xs = AccuracyCheck.Grid(0.01, 60, 300)
            .Concat([1.4616321449683622, 1.4616321449683622 + 1e-12, 1.46163214, 1.4616322, 1e3, 1e6, 1e10])
            .Concat(Tiny);
        foreach (double x in xs)
        {
            check.Point(x, Dual.Special.Digamma(x), HighPrecision.Polygamma(0, x), MN.DiGamma(x));
        }
        check.Assert();
        Assert.That(check.ComparedWithMathNet, Is.GreaterThan(20));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(5)]
    public void PolygammaNegative(int n)
    {
        // The reflection ψ⁽ⁿ⁾(x) = (−1)ⁿψ⁽ⁿ⁾(1−x) − πⁿ⁺¹Pₙ(cot πx) cancels near the zeros of ψ⁽ⁿ⁾, so the error is
        // absolute there, ~ulps of the two terms; and Pₙ(c) ∝ cⁿ⁺¹ turns cot's half-ulp into (n+1)/2 ulps.
        var check = new AccuracyCheck($"Polygamma({n}) x < 0");
        foreach (double x in AccuracyCheck.Grid(-14.9, -0.1, 120).Where(x => Math.Abs(x - Math.Round(x)) > 0.01))
        {
            BigFloat exact = HighPrecision.Polygamma(n, x);
            double reflected = Math.Abs(HighPrecision.Polygamma(n, 1 - x).ToDouble());
            double terms = Math.Abs(exact.ToDouble()) + 2 * reflected;
            check.Point(x, Dual.Special.Polygamma(n, x), exact, n == 0 ? MN.DiGamma(x) : null,
                tolerance: (n + 4) * 2.2e-16, absolute: 4e-16 * terms);
        }
        check.Assert();
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(7)]
    public void Polygamma(int n)
    {
        var check = new AccuracyCheck($"Polygamma({n}) (0, 1e6]");
        foreach (double x in AccuracyCheck.Grid(0.01, 60, 200).Concat([1e3, 1e6]).Concat(Tiny.Take(3)))
        {
            check.Point(x, Dual.Special.Polygamma(n, x), HighPrecision.Polygamma(n, x));
        }
        check.Assert();
    }

    [Test]
    public void Trigamma_IsPolygammaOne()
    {
        foreach (double x in new[] { -3.3, 0.2, 1, 7.5, 100 })
        {
            Assert.That(Dual.Special.Trigamma(x), Is.EqualTo(Dual.Special.Polygamma(1, x)));
        }
    }

    [Test]
    public void Beta()
    {
        var check = new AccuracyCheck("Beta a + b < 171");
        var rng = new Random(7);
        for (int i = 0; i < 200; i++)
        {
            double a = Math.Exp(rng.NextDouble() * 8 - 4), b = Math.Exp(rng.NextDouble() * 8 - 4); // 0.018 … 55
            // Three Γ values, a quotient and a product: 1.5e-15 (the one function not held to 1e-15).
            check.Point(a, Dual.Special.Beta(a, b), HighPrecision.Beta(a, b), MN.Beta(a, b), tolerance: 1.5e-15);
        }
        check.Assert();
    }

    [Test]
    public void BetaLarge()
    {
        // a + b ≥ 171: B is ill-conditioned (relative condition ≈ a·|ln(a/(a+b))|), and the error is up to about |ln B|·2⁻⁵¹
        // (MathNet's exp of three ln Γ values: ~10× that).
        var check = new AccuracyCheck("Beta a + b ≥ 171");
        var rng = new Random(8);
        for (int i = 0; i < 60; i++)
        {
            double a = 1 + rng.NextDouble() * 500, b = 171 + rng.NextDouble() * 500;
            if (i % 2 == 0)
            {
                (a, b) = (b, a);
            }
            double logBeta = HighPrecision.LogBeta(a, b).ToDouble();
            check.Point(a, Dual.Special.Beta(a, b), HighPrecision.Beta(a, b), MN.Beta(a, b), tolerance: 1e-15 + 4.4e-16 * Math.Abs(logBeta));
        }
        check.Assert();
    }

    [Test]
    public void LogBeta()
    {
        var check = new AccuracyCheck("LogBeta");
        var rng = new Random(9);
        for (int i = 0; i < 200; i++)
        {
            double a = Math.Exp(rng.NextDouble() * 14 - 4), b = Math.Exp(rng.NextDouble() * 14 - 4); // 0.018 … 2.2e4
            // ln B crosses 0 on the curve B(a, b) = 1: there the error is absolute (a few ulps of the ln Γ terms).
            check.Point(a, Dual.Special.LogBeta(a, b), HighPrecision.LogBeta(a, b), MN.BetaLn(a, b), absolute: 1e-15);
        }
        check.Assert();
    }

    [Test]
    public void NormalPdf()
    {
        var check = new AccuracyCheck("NormalPdf [−38.5, 38.5]");
        foreach (double x in AccuracyCheck.Grid(-38.5, 38.5, 309))
        {
            check.Point(x, Dual.Special.NormalPdf(x), HighPrecision.NormalPdf(BigFloat.From(x)), Normal.PDF(0, 1, x));
        }
        check.Assert();
        Assert.That(check.ComparedWithMathNet, Is.GreaterThan(30));
    }

    [Test]
    public void NormalCdf()
    {
        var check = new AccuracyCheck("NormalCdf [−38.5, 9]");
        foreach (double x in AccuracyCheck.Grid(-38.5, 9, 191).Append(-37.0))
        {
            check.Point(x, Dual.Special.NormalCdf(x), HighPrecision.NormalCdf(BigFloat.From(x)), Normal.CDF(0, 1, x));
        }
        check.Assert();
        Assert.That(check.ComparedWithMathNet, Is.GreaterThan(20));
    }

    [Test]
    public void NormalInvCdf()
    {
        var check = new AccuracyCheck("NormalInvCdf (0, 1)");
        var ps = AccuracyCheck.Decades(-300, -1, 7)
            .Concat(AccuracyCheck.Grid(0.01, 0.99, 99))
            .Concat(Enumerable.Range(2, 52).Select(k => 1 - Math.ScaleB(1, -k)))
            .Append(2.2250738585072014e-308);
        foreach (double p in ps)
        {
            double mathNet = Normal.InvCDF(0, 1, p);
            check.Point(p, Dual.Special.NormalInvCdf(p), HighPrecision.NormalInvCdf(p, mathNet), mathNet);
        }
        check.Assert();
        Assert.That(check.ComparedWithMathNet, Is.GreaterThan(50));
    }

    [Test]
    public void Float_IsTheDoubleResultRoundedOnce()
    {
        // float and Half are computed in double and rounded once: within half a float ulp (plus the double's own error).
        foreach (double xd in AccuracyCheck.Grid(-5, 5, 41))
        {
            float x = (float)xd;
            AssertFloat("Erf", Dual.Special.Erf(x), HighPrecision.Erf(x));
            AssertFloat("NormalCdf", Dual.Special.NormalCdf(x), HighPrecision.NormalCdf(BigFloat.From(x)));
            if (x > 0)
            {
                AssertFloat("Gamma", Dual.Special.Gamma(x), HighPrecision.Gamma(x));
                AssertFloat("Digamma", Dual.Special.Digamma(x), HighPrecision.Polygamma(0, x));
            }
            Assert.That(Dual.Special.Erfc(x), Is.EqualTo((float)Dual.Special.Erfc((double)x)));
            Assert.That((float)Dual.Special.Erf((Half)x), Is.EqualTo((float)(Half)Dual.Special.Erf((double)(Half)x)));
        }
        Assert.That(Dual.Special.Gamma(35f), Is.EqualTo((float)2.9523279903960414e38), "Γ(35) = 34! fits in float");
        Assert.That(Dual.Special.Gamma(36f), Is.EqualTo(float.PositiveInfinity), "Γ(36) = 35! overflows float");
    }

    private static void AssertFloat(string name, float actual, BigFloat exact)
    {
        double error = HighPrecision.RelativeError(actual, exact);
        Assert.That(error, Is.LessThanOrEqualTo(Math.ScaleB(1, -24) * 1.000001), name); // half a float ulp, relative
    }
}
