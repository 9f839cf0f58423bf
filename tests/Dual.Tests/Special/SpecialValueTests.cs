using System;
using System.Runtime.InteropServices;
using NUnit.Framework;
using S = Dual.Special;

namespace Dual.Tests.SpecialFunctions;

/// <summary>NaN, infinities, signed zeros, poles and domain edges, as documented on <see cref="Special"/>; allocation; unsupported types.</summary>
[TestFixture]
public sealed class SpecialValueTests
{
    private const double Inf = double.PositiveInfinity;
    private const double NaN = double.NaN;

    private static void Expect(double actual, double expected, string what)
    {
        // Equals: NaN equals NaN, and +0 and −0 differ.
        Assert.That(actual.Equals(expected), $"{what}: got {actual:R}, expected {expected:R}");
    }

    [Test]
    public void ErrorFunctions()
    {
        Expect(S.Erf(Inf), 1, "erf(+∞)");
        Expect(S.Erf(-Inf), -1, "erf(−∞)");
        Expect(S.Erf(-0.0), -0.0, "erf(−0)");
        Expect(S.Erf(NaN), NaN, "erf(NaN)");
        Expect(S.Erfc(Inf), 0, "erfc(+∞)");
        Expect(S.Erfc(-Inf), 2, "erfc(−∞)");
        Expect(S.Erfc(28.0), 0, "erfc(28) underflows");
        Expect(S.Erfc(NaN), NaN, "erfc(NaN)");
        Expect(S.ErfInv(1.0), Inf, "erf⁻¹(1)");
        Expect(S.ErfInv(-1.0), -Inf, "erf⁻¹(−1)");
        Expect(S.ErfInv(-0.0), -0.0, "erf⁻¹(−0)");
        Expect(S.ErfInv(1.5), NaN, "erf⁻¹(1.5)");
        Expect(S.ErfInv(NaN), NaN, "erf⁻¹(NaN)");
        Expect(S.ErfcInv(0.0), Inf, "erfc⁻¹(0)");
        Expect(S.ErfcInv(2.0), -Inf, "erfc⁻¹(2)");
        Expect(S.ErfcInv(1.0), 0, "erfc⁻¹(1)");
        Expect(S.ErfcInv(-0.1), NaN, "erfc⁻¹(−0.1)");
        Expect(S.ErfcInv(2.1), NaN, "erfc⁻¹(2.1)");
    }

    [Test]
    public void GammaFamily()
    {
        Expect(S.Gamma(0.0), Inf, "Γ(+0)");
        Expect(S.Gamma(-0.0), -Inf, "Γ(−0)");
        Expect(S.Gamma(-1.0), NaN, "Γ(−1)");
        Expect(S.Gamma(-170.0), NaN, "Γ(−170)");
        Expect(S.Gamma(Inf), Inf, "Γ(+∞)");
        Expect(S.Gamma(-Inf), NaN, "Γ(−∞)");
        Expect(S.Gamma(NaN), NaN, "Γ(NaN)");
        Expect(S.Gamma(171.7), Inf, "Γ(171.7) overflows");
        Expect(S.Gamma(-184.5), -0.0, "Γ(−184.5) underflows to −0 (Γ < 0 on (−185, −184))");
        Expect(S.Gamma(-185.5), 0.0, "Γ(−185.5) underflows to +0");
        Expect(S.Gamma(5.0), 24, "Γ(5) = 4! exactly");
        Expect(S.Gamma(23.0), 1124000727777607680000.0, "Γ(23) = 22! exactly");
        Expect(S.LogGamma(0.0), Inf, "lnΓ(0)");
        Expect(S.LogGamma(-3.0), Inf, "lnΓ(−3)");
        Expect(S.LogGamma(Inf), Inf, "lnΓ(+∞)");
        Expect(S.LogGamma(-Inf), Inf, "lnΓ(−∞)");
        Expect(S.LogGamma(1.0), 0, "lnΓ(1)");
        Expect(S.LogGamma(2.0), 0, "lnΓ(2)");
        Expect(S.LogGamma(NaN), NaN, "lnΓ(NaN)");
        Expect(S.Digamma(0.0), -Inf, "ψ(+0)");
        Expect(S.Digamma(-0.0), Inf, "ψ(−0)");
        Expect(S.Digamma(-2.0), NaN, "ψ(−2)");
        Expect(S.Digamma(Inf), Inf, "ψ(+∞)");
        Expect(S.Digamma(-Inf), NaN, "ψ(−∞)");
        Expect(S.Trigamma(0.0), Inf, "ψ₁(0)");
        Expect(S.Trigamma(-3.0), Inf, "ψ₁(−3)");
        Expect(S.Trigamma(Inf), 0, "ψ₁(+∞)");
        Expect(S.Polygamma(2, 0.0), -Inf, "ψ₂(+0)");
        Expect(S.Polygamma(2, -0.0), Inf, "ψ₂(−0)");
        Expect(S.Polygamma(2, -4.0), NaN, "ψ₂(−4)");
        Expect(S.Polygamma(-1, 2.0), NaN, "ψ₋₁ is not defined here");
        Expect(S.Beta(0.0, 1.0), NaN, "B(0, 1)");
        Expect(S.Beta(-1.5, 1.0), NaN, "B(−1.5, 1)");
        Expect(S.Beta(Inf, 2.0), 0, "B(∞, 2)");
        Expect(S.Beta(2.0, 3.0), 1.0 / 12, "B(2, 3)");
        Expect(S.LogBeta(Inf, 2.0), -Inf, "ln B(∞, 2)");
        Expect(S.LogBeta(NaN, 2.0), NaN, "ln B(NaN, 2)");
    }

    [Test]
    public void Normal()
    {
        Expect(S.NormalPdf(Inf), 0, "φ(∞)");
        Expect(S.NormalPdf(-Inf), 0, "φ(−∞)");
        Expect(S.NormalPdf(NaN), NaN, "φ(NaN)");
        Expect(S.NormalCdf(-Inf), 0, "Φ(−∞)");
        Expect(S.NormalCdf(Inf), 1, "Φ(∞)");
        Expect(S.NormalCdf(0.0), 0.5, "Φ(0)");
        Expect(S.NormalCdf(NaN), NaN, "Φ(NaN)");
        Expect(S.NormalInvCdf(0.0), -Inf, "Φ⁻¹(0)");
        Expect(S.NormalInvCdf(1.0), Inf, "Φ⁻¹(1)");
        Expect(S.NormalInvCdf(0.5), 0.0, "Φ⁻¹(½) = +0");
        Expect(S.NormalInvCdf(-0.1), NaN, "Φ⁻¹(−0.1)");
        Expect(S.NormalInvCdf(1.1), NaN, "Φ⁻¹(1.1)");
    }

    [Test]
    public void Derivatives_AtEdges()
    {
        // The quantile's slope is +∞ at 0 and 1; Γ′ at a pole is NaN like Γ itself; erf′ vanishes at ±∞.
        Expect(S.NormalInvCdf(Dual<double>.Variable(0.0)).Tangent, Inf, "(Φ⁻¹)′(0)");
        Expect(S.NormalInvCdf(Dual<double>.Variable(1.0)).Tangent, Inf, "(Φ⁻¹)′(1)");
        Expect(S.ErfcInv(Dual<double>.Variable(0.0)).Tangent, -Inf, "(erfc⁻¹)′(0)");
        Expect(S.Gamma(Dual<double>.Variable(-2.0)).Tangent, NaN, "Γ′(−2)");
        Expect(S.Erf(Dual<double>.Variable(Inf)).Tangent, 0, "erf′(∞)");
        Expect(S.NormalCdf(Dual<double>.Variable(-40.0)).Tangent, S.NormalPdf(-40.0), "Φ′(−40) = φ(−40)");
        // A constant (zero tangent) stays a constant.
        Expect(S.Gamma(Dual<double>.Constant(3.5)).Tangent, 0, "Γ of a constant");
    }

    [Test]
    public void NoAllocation()
    {
        double sink = 0;
        var d = Dual<double>.Variable(0.7);
        var m = new Dual<double, Tangents8<double>>(0.7, Tangents8<double>.Unit(3, 1));
        var n = new Dual<Dual<double>>(new Dual<double>(0.7, 1), new Dual<double>(1, 0));
        void Run()
        {
            sink += S.Erf(0.7) + S.Erfc(3.0) + S.ErfInv(0.3) + S.ErfcInv(1e-20) + S.Gamma(4.5) + S.LogGamma(30.0) + S.Digamma(2.5)
                + S.Polygamma(3, -2.5) + S.Beta(2.5, 3.5) + S.LogBeta(300.0, 400.0) + S.NormalPdf(1.0) + S.NormalCdf(-30.0) + S.NormalInvCdf(1e-10)
                + S.Erf(0.7f) + S.Gamma(2.5f);
            sink += S.Erf(d).Tangent + S.Gamma(d).Tangent + S.NormalInvCdf(d).Tangent + S.Beta(d, d).Tangent;
            sink += S.Erf(m).Tangents[3] + S.Digamma(m).Tangents[3] + S.NormalCdf(m).Value;
            sink += S.Gamma(n).Tangent.Tangent + S.NormalCdf(n).Tangent.Tangent;
        }
        Run();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            Run();
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(allocated, Is.Zero, "bytes allocated by 100 rounds of special functions");
        Assert.That(double.IsNaN(sink), Is.False);
    }

    [Test]
    public void UnsupportedType_ThrowsNamingIt()
    {
        var ex = Assert.Throws<NotSupportedException>(() => S.Erf(new NFloat(0.5)));
        Assert.That(ex!.Message, Does.Contain("NFloat"));
        Assert.Throws<NotSupportedException>(() => S.Gamma(new Dual<NFloat>(new NFloat(2.5), new NFloat(1))));
    }
}
