using System;
using System.Text;
using Dual.Tests.SpecialFunctions.Oracle;
using NUnit.Framework;
using HP = Dual.Tests.SpecialFunctions.Oracle.HighPrecision;
using S = Dual.Special;

namespace Dual.Tests.RedTeam;

/// <summary>
/// The partials of B(a, b) and ln B(a, b), ψ(a) − ψ(a+b) (times B), where b is small against a. Written as the
/// difference of two digammas they cancelled: at a = 1e8, b = 1 the derivative kept 6 digits, at a = 1e17 it was 0.
/// Oracle: the 200-bit digamma with a + b exact.
/// </summary>
[TestFixture]
public sealed class BetaPartialsTests
{
    private static readonly (double A, double B)[] Points =
    [
        (2, 3), (1e8, 1), (1e17, 1), (1e10, 2.5), (3e5, 4e5), (0.5, 1e12), (1e300, 1), (12, 1e-6), (1e6, 1e-3),
        (10, 0.004), (5, 1e-10), (0.3, 1e-9), (1e-3, 1e-7), (9.99, 0.02), (20, -9.3), (1.5, 1e-3), (7, 7e-3), (1e-12, 1e10), (0.7, -0.6999), (25, 3), (19.5, 0.25),
    ];

    // For a small positive integer b the exact −Σₖ 1/(a + k) (the 200-bit ψ cannot resolve ψ(1e300) − ψ(1e300 + 1)).
    private static BigFloat DigammaDifference(double a, double b)
    {
        if (b is >= 1 and <= 8 && b == Math.Floor(b))
        {
            BigFloat sum = BigFloat.Zero;
            for (int k = 0; k < b; k++)
            {
                sum -= BigFloat.One / (BigFloat.From(a) + k);
            }
            return sum;
        }
        return HP.Polygamma(0, BigFloat.From(a)) - HP.Polygamma(0, BigFloat.From(a) + BigFloat.From(b));
    }

    [Test]
    public void LogBeta_partials_match_the_high_precision_digamma_difference()
    {
        var failures = new StringBuilder();
        foreach ((double a, double b) in Points)
        {
            Dual<double> da = S.LogBeta(Dual<double>.Variable(a), Dual<double>.Constant(b));
            Dual<double> db = S.LogBeta(Dual<double>.Constant(a), Dual<double>.Variable(b));
            double ea = HP.RelativeError(da.Tangent, DigammaDifference(a, b));
            double eb = HP.RelativeError(db.Tangent, DigammaDifference(b, a));
            if (!(ea <= 1e-14) || !(eb <= 1e-14))
            {
                failures.AppendLine($"LogBeta({a:R}, {b:R}): ∂a = {da.Tangent:R} (rel. error {ea:E2}), ∂b = {db.Tangent:R} (rel. error {eb:E2})");
            }
        }
        Assert.That(failures.ToString(), Is.Empty);
    }

    [Test]
    public void Beta_partials_match_B_times_the_digamma_difference()
    {
        var failures = new StringBuilder();
        foreach ((double a, double b) in Points)
        {
            double v = S.Beta(a, b);
            // The oracle's lnΓ at 200 bits cannot resolve B beyond a, b ≈ 1e20 (lnΓ(1e300) needs 300 digits).
            if (!double.IsNormal(v) || v > 1e300 || !(a > 0 && b > 0) || a > 1e20 || b > 1e20)
            {
                continue;
            }
            Dual<double> da = S.Beta(Dual<double>.Variable(a), Dual<double>.Constant(b));
            BigFloat exact = HP.Beta(a, b) * DigammaDifference(a, b);
            if (exact.IsZero || !double.IsNormal(exact.ToDouble()))
            {
                continue;
            }
            double ea = HP.RelativeError(da.Tangent, exact);
            if (!(ea <= 1e-13))
            {
                failures.AppendLine($"Beta({a:R}, {b:R}): ∂a = {da.Tangent:R}, exact {exact.ToDouble():R} (rel. error {ea:E2})");
            }
        }
        Assert.That(failures.ToString(), Is.Empty);
    }

    [Test]
    public void LogBeta_second_partial_in_a_through_nested_duals()
    {
        var failures = new StringBuilder();
        foreach ((double a, double b) in Points)
        {
            var x = new Dual<Dual<double>>(Dual<double>.Variable(a), Dual<double>.One);
            Dual<Dual<double>> y = S.LogBeta(x, Dual<Dual<double>>.Constant(Dual<double>.Constant(b)));
            // ∂²/∂a² ln B = ψ′(a) − ψ′(a+b).
            BigFloat exact = HP.Polygamma(1, BigFloat.From(a)) - HP.Polygamma(1, BigFloat.From(a) + BigFloat.From(b));
            double e = HP.RelativeError(y.Tangent.Tangent, exact);
            if (!(e <= 1e-12))
            {
                failures.AppendLine($"LogBeta({a:R}, {b:R}): ∂²a = {y.Tangent.Tangent:R}, exact {exact.ToDouble():R} (rel. error {e:E2})");
            }
        }
        Assert.That(failures.ToString(), Is.Empty);
    }
}

/// <summary>
/// Special functions at ±∞ where the derivative has a limit: φ′(x) = −x·φ(x) → 0, (e^(−x²))′ → 0 (the second derivative
/// of erf), ∂/∂a ln B(a, b) = ψ(a) − ψ(a+b) → 0 as a → ∞. The plain forms gave ∞·0 or ∞ − ∞ = NaN.
/// </summary>
[TestFixture]
public sealed class SpecialLimitsAtInfinityTests
{
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void NormalPdf_and_the_second_derivative_of_Erf_tend_to_zero(double x)
    {
        Assert.That(S.NormalPdf(Dual<double>.Variable(x)).Tangent, Is.EqualTo(0.0));
        var nested = new Dual<Dual<double>>(Dual<double>.Variable(x), Dual<double>.One);
        Assert.That(S.Erf(nested).Tangent.Tangent, Is.EqualTo(0.0), "erf″");
        Assert.That(S.NormalCdf(nested).Tangent.Tangent, Is.EqualTo(0.0), "Φ″");
        // Oracle: the closed form −x·φ(x) at |x| = 40 is already below 1e-300 and shrinking.
        Assert.That(Math.Abs(40 * Math.Exp(-800) / Math.Sqrt(2 * Math.PI)), Is.LessThan(1e-300));
    }

    [Test]
    public void LogBeta_and_Beta_partials_in_an_infinite_argument_tend_to_zero()
    {
        Assert.That(S.LogBeta(Dual<double>.Variable(double.PositiveInfinity), Dual<double>.Constant(2.5)).Tangent, Is.EqualTo(0.0));
        Assert.That(S.Beta(Dual<double>.Variable(double.PositiveInfinity), Dual<double>.Constant(2.5)).Tangent, Is.EqualTo(0.0));
        // The other partial, ψ(b) − ψ(∞), is −∞ (ln B → −∞ linearly in ψ(b)): unchanged.
        Assert.That(S.LogBeta(Dual<double>.Constant(double.PositiveInfinity), Dual<double>.Variable(2.5)).Tangent, Is.EqualTo(double.NegativeInfinity));
        // Oracle: at a = 1e300 the exact −1/a (b = 1) is already −1e-300.
        Assert.That(S.LogBeta(Dual<double>.Variable(1e300), Dual<double>.Constant(1)).Tangent, Is.EqualTo(-1e-300).Within(1e-314));
    }
}

/// <summary>Beta and LogBeta are two-argument rules: a constant operand whose partial is infinite contributes 0, not 0·∞.</summary>
[TestFixture]
public sealed class BetaConstantOperandTests
{
    [Test]
    public void A_constant_operand_with_an_infinite_partial_contributes_nothing()
    {
        // At a = ∞ (a constant) ∂/∂a = ψ(∞) − ψ(∞ + b) has the limit 0 and ∂/∂b = ψ(b) − ψ(∞) = −∞; the constant must
        // contribute nothing (it gave 0·(−∞) = NaN in the variable's lane).
        var multi = S.LogBeta(Dual<double, Tangents2<double>>.Constant(double.PositiveInfinity), Dual<double, Tangents2<double>>.Variable(2.5, 1));
        Assert.That(multi.Tangents[0], Is.EqualTo(0.0));
        Assert.That(multi.Tangents[1], Is.EqualTo(double.NegativeInfinity));
        var single = S.LogBeta(Dual<double>.Variable(double.PositiveInfinity), Dual<double>.Constant(2.5));
        Assert.That(single.Tangent, Is.EqualTo(0.0));
    }
}
