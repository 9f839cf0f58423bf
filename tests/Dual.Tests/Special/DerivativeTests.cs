using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Dual.Tests.SpecialFunctions.Oracle;
using NUnit.Framework;
using HP = Dual.Tests.SpecialFunctions.Oracle.HighPrecision;
using S = Dual.Special;

namespace Dual.Tests.SpecialFunctions;

/// <summary>
/// Derivatives of <see cref="Special"/> on <see cref="Dual{T}"/>, nested and multi-tangent duals against the closed
/// forms evaluated by the 200-bit oracle (erf′ = 2/√π·e^(−x²), Γ′ = Γψ, ψ⁽ⁿ⁾′ = ψ⁽ⁿ⁺¹⁾, (Φ⁻¹)′ = 1/φ(Φ⁻¹), …), tails
/// included; the value part must be the double function's result bit for bit.
/// </summary>
[TestFixture]
public sealed class DerivativeTests
{
    private static void Check(string name, IEnumerable<double> xs, Func<Dual<double>, Dual<double>> f, Func<double, double> primal,
        Func<double, BigFloat> derivative, double tolerance = 1.2e-15, Func<double, double>? absolute = null)
    {
        var failures = new StringBuilder();
        double worst = 0, worstAt = double.NaN;
        int count = 0;
        foreach (double x in xs)
        {
            count++;
            Dual<double> y = f(Dual<double>.Variable(x));
            if (!y.Value.Equals(primal(x)))
            {
                failures.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  value at {x:R}: {y.Value:R} is not the double function's {primal(x):R}"));
            }
            BigFloat exact = derivative(x);
            double exactDouble = exact.ToDouble();
            if (double.IsInfinity(exactDouble) || Math.Abs(exactDouble) < 2.2250738585072014e-308)
            {
                if (!(y.Tangent == exactDouble || Math.Abs(y.Tangent - exactDouble) <= 2 * double.Epsilon))
                {
                    failures.AppendLine(string.Create(CultureInfo.InvariantCulture, $"  {name}′({x:R}) = {y.Tangent:R}, oracle {exactDouble:R}"));
                }
                continue;
            }
            double error = HP.RelativeError(y.Tangent, exact);
            if (error > worst)
            {
                worst = error;
                worstAt = x;
            }
            double allowed = absolute?.Invoke(x) ?? 0;
            if (error > tolerance && Math.Abs(y.Tangent - exactDouble) > allowed)
            {
                failures.AppendLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {name}′({x:R}) = {y.Tangent:R}, oracle {exactDouble:R}: relative error {error:G3} > {tolerance:G3}"));
            }
        }
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name}′ | {count} | {worst:G2} (at {worstAt:G6}) |"));
        if (failures.Length > 0)
        {
            Assert.Fail($"{name}:\n{failures}");
        }
    }

    private static IEnumerable<double> Grid(double from, double to, int count) => HP.Grid(from, to, count);

    [Test]
    public void Erf() => Check("Erf", Grid(-6, 6, 61).Append(26.5), S.Erf, S.Erf, HP.ErfDerivative);

    [Test]
    public void Erfc() => Check("Erfc", Grid(-6, 27, 67), S.Erfc, S.Erfc, x => -HP.ErfDerivative(x));

    [Test]
    public void ErfInv() => Check("ErfInv", Grid(-0.99, 0.99, 67).Append(1 - Math.ScaleB(1, -50)), S.ErfInv, S.ErfInv,
        y => 1 / HP.ErfDerivativeAt(HP.ErfInv(y, MathNet.Numerics.SpecialFunctions.ErfInv(y))));

    [Test]
    public void ErfcInv() => Check("ErfcInv", new[] { 1e-300, 1e-100, 1e-20, 1e-5, 0.3, 1, 1.7, 2 - 1e-10 }, S.ErfcInv, S.ErfcInv,
        q => -1 / HP.ErfDerivativeAt(HP.ErfcInv(q, MathNet.Numerics.SpecialFunctions.ErfcInv(q))));

    [Test]
    public void Gamma() => Check("Gamma", Grid(-9.95, 171.5, 95).Concat([0.5, 1.4616321449683622, 2, -1 + 1e-9, 1e-8]), S.Gamma, S.Gamma,
        x => HP.Gamma(x) * HP.Polygamma(0, x), tolerance: 1.5e-15,
        absolute: x => x < 0 ? 4e-16 * Math.Abs(S.Gamma(x)) * (Math.Abs(S.Digamma(1 - x)) + Math.PI * Math.Abs(1 / Math.Tan(Math.PI * x))) : 0);

    [Test]
    public void LogGamma() => Check("LogGamma", Grid(0.05, 100, 80).Concat([1, 2, 1e5, 1e300]), S.LogGamma, S.LogGamma, x => HP.Polygamma(0, x));

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(4)]
    public void Polygamma(int n) => Check($"Polygamma({n})", Grid(0.05, 60, 80).Append(1e6), x => S.Polygamma(n, x), x => S.Polygamma(n, x),
        x => HP.Polygamma(n + 1, x));

    [Test]
    public void Digamma_NegativeArguments() => Check("Digamma x<0", Grid(-5.9, -0.1, 41).Where(x => Math.Abs(x - Math.Round(x)) > 0.02),
        S.Digamma, S.Digamma, x => HP.Polygamma(1, x), tolerance: 1.5e-15);

    [Test]
    public void NormalPdf() => Check("NormalPdf", Grid(-38, 38, 77), S.NormalPdf, S.NormalPdf,
        x => -(BigFloat.From(x) * HP.NormalPdf(BigFloat.From(x))));

    [Test]
    public void NormalCdf() => Check("NormalCdf", Grid(-38, 8, 47), S.NormalCdf, S.NormalCdf, x => HP.NormalPdf(BigFloat.From(x)));

    [Test]
    public void NormalInvCdf() => Check("NormalInvCdf", new[] { 1e-300, 1e-50, 1e-8, 0.025, 0.3, 0.5, 0.7, 0.975, 1 - 1e-8, 1 - Math.ScaleB(1, -53) },
        S.NormalInvCdf, S.NormalInvCdf,
        p => 1 / HP.NormalPdf(HP.NormalInvCdf(p, MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, p))));

    [Test]
    public void Beta_Partials()
    {
        var rng = new Random(11);
        for (int i = 0; i < 60; i++)
        {
            double a = Math.Exp(rng.NextDouble() * 6 - 2), b = Math.Exp(rng.NextDouble() * 6 - 2);
            BigFloat ba = BigFloat.From(a), bb = BigFloat.From(b);
            BigFloat beta = HP.Beta(a, b), psiSum = HP.Polygamma(0, ba + bb);
            BigFloat da = beta * (HP.Polygamma(0, a) - psiSum), db = beta * (HP.Polygamma(0, b) - psiSum);
            Dual<double> ya = S.Beta(Dual<double>.Variable(a), Dual<double>.Constant(b));
            Dual<double> yb = S.Beta(Dual<double>.Constant(a), Dual<double>.Variable(b));
            // ψ(a) − ψ(a+b) cancels when b ≪ a: the error is absolute in the difference, ~ulps of ψ(a) and ψ(a+b).
            double scale = 4e-16 * beta.ToDouble() * (Math.Abs(S.Digamma(a)) + Math.Abs(S.Digamma(b)) + 2 * Math.Abs(S.Digamma(a + b)));
            AssertClose(ya.Tangent, da, 2e-15, scale, $"∂B/∂a({a}, {b})");
            AssertClose(yb.Tangent, db, 2e-15, scale, $"∂B/∂b({a}, {b})");
            Assert.That(ya.Value, Is.EqualTo(S.Beta(a, b)));

            Dual<double> la = S.LogBeta(Dual<double>.Variable(a), Dual<double>.Constant(b));
            AssertClose(la.Tangent, HP.Polygamma(0, a) - psiSum, 2e-15, scale / beta.ToDouble(), $"∂lnB/∂a({a}, {b})");
        }
    }

    private static void AssertClose(double actual, BigFloat exact, double rtol, double atol, string what)
    {
        double error = HP.RelativeError(actual, exact);
        if (error > rtol && Math.Abs(actual - exact.ToDouble()) > atol)
        {
            Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{what}: {actual:R} vs oracle {exact.ToDouble():R} (relative error {error:G3})"));
        }
    }

    [Test]
    public void SecondDerivatives_NestedDual()
    {
        static Dual<Dual<double>> Seed(double x) => new(new Dual<double>(x, 1), new Dual<double>(1, 0));
        foreach (double x in new[] { -2.5, -0.3, 0.7, 1.9, 4.2 })
        {
            BigFloat bx = BigFloat.From(x);
            BigFloat erfPrime = HP.ErfDerivative(x);
            AssertClose(S.Erf(Seed(x)).Tangent.Tangent, -2 * bx * erfPrime, 3e-15, 0, $"erf″({x})");
            AssertClose(S.NormalCdf(Seed(x)).Tangent.Tangent, -(bx * HP.NormalPdf(bx)), 3e-15, 0, $"Φ″({x})");
            if (x > 0)
            {
                BigFloat psi = HP.Polygamma(0, x);
                AssertClose(S.Gamma(Seed(x)).Tangent.Tangent, HP.Gamma(x) * (psi * psi + HP.Polygamma(1, x)), 3e-15, 0, $"Γ″({x})");
                AssertClose(S.LogGamma(Seed(x)).Tangent.Tangent, HP.Polygamma(1, x), 3e-15, 0, $"lnΓ″({x})");
                AssertClose(S.Digamma(Seed(x)).Tangent.Tangent, HP.Polygamma(2, x), 3e-15, 0, $"ψ″({x})");
            }
            double p = S.NormalCdf(x);
            BigFloat q = HP.NormalInvCdf(p, x), pdf = HP.NormalPdf(q);
            AssertClose(S.NormalInvCdf(Seed(p)).Tangent.Tangent, q / (pdf * pdf), 3e-15, 0, $"(Φ⁻¹)″({p})");
            // The first derivative through the outer tangent too (value of the inner tangent).
            Assert.That(S.Erf(Seed(x)).Value.Tangent, Is.EqualTo(S.Erf(Dual<double>.Variable(x)).Tangent));
        }
    }

    [Test]
    public void ThirdDerivative_DoublyNested()
    {
        // Digamma three levels deep: ψ‴ = ψ⁽³⁾, through Polygamma(1) and Polygamma(2) rules.
        double x = 2.75;
        var seed = new Dual<Dual<Dual<double>>>(new Dual<Dual<double>>(new Dual<double>(x, 1), new Dual<double>(1, 0)),
            new Dual<Dual<double>>(new Dual<double>(1, 0), new Dual<double>(0, 0)));
        Dual<Dual<Dual<double>>> y = S.Digamma(seed);
        AssertClose(y.Tangent.Tangent.Tangent, HP.Polygamma(3, x), 3e-15, 0, "ψ‴(2.75)");
    }

    [Test]
    public void MultiTangent_LanesEqualTheSingleTangentRule()
    {
        Func<Dual<double, Tangents4<double>>, Dual<double, Tangents4<double>>>[] multi =
            [S.Erf, S.Erfc, S.ErfInv, S.Gamma, S.LogGamma, S.Digamma, S.Trigamma, S.NormalPdf, S.NormalCdf, S.NormalInvCdf];
        Func<Dual<double>, Dual<double>>[] single =
            [S.Erf, S.Erfc, S.ErfInv, S.Gamma, S.LogGamma, S.Digamma, S.Trigamma, S.NormalPdf, S.NormalCdf, S.NormalInvCdf];
        double[] seeds = [1, 2, -0.5, 0];
        for (int i = 0; i < multi.Length; i++)
        {
            foreach (double x in new[] { 0.2, 0.45, 0.9 })
            {
                var y = multi[i](new Dual<double, Tangents4<double>>(x, Tangents4<double>.Create(seeds)));
                for (int lane = 0; lane < 4; lane++)
                {
                    Dual<double> expected = single[i](new Dual<double>(x, seeds[lane]));
                    Assert.That(y.Value, Is.EqualTo(expected.Value));
                    Assert.That(y.Tangents[lane], Is.EqualTo(expected.Tangent), $"function {i}, lane {lane}, x = {x}");
                }
            }
        }
        // Binary rules combine both operands' lanes.
        var a = new Dual<double, Tangents2<double>>(1.5, Tangents2<double>.Unit(0, 1));
        var b = new Dual<double, Tangents2<double>>(2.5, Tangents2<double>.Unit(1, 1));
        var beta = S.Beta(a, b);
        Assert.That(beta.Tangents[0], Is.EqualTo(S.Beta(Dual<double>.Variable(1.5), Dual<double>.Constant(2.5)).Tangent));
        Assert.That(beta.Tangents[1], Is.EqualTo(S.Beta(Dual<double>.Constant(1.5), Dual<double>.Variable(2.5)).Tangent));
    }

    private readonly struct ErfTimesGamma : IScalarFunction
    {
        public TNum Evaluate<TNum>(ReadOnlySpan<TNum> x) where TNum : System.Numerics.IFloatingPointIeee754<TNum> =>
            S.Erf(x[0]) * S.Gamma(x[1]);
    }

    [Test]
    public void GenericMath_GradientAndHessianThroughAutoDiff()
    {
        double x = 0.8, y = 3.3;
        double[] point = [x, y];
        double[] gradient = AutoDiff.Gradient<double, ErfTimesGamma>(default, point);
        double[,] hessian = AutoDiff.Hessian<double, ErfTimesGamma>(default, point);
        BigFloat erf = HP.Erf(x), erfPrime = HP.ErfDerivative(x), gamma = HP.Gamma(y), psi = HP.Polygamma(0, y);
        AssertClose(gradient[0], erfPrime * gamma, 2e-15, 0, "∂/∂x");
        AssertClose(gradient[1], erf * gamma * psi, 2e-15, 0, "∂/∂y");
        AssertClose(hessian[0, 0], -2 * BigFloat.From(x) * erfPrime * gamma, 3e-15, 0, "∂²/∂x²");
        AssertClose(hessian[0, 1], erfPrime * gamma * psi, 3e-15, 0, "∂²/∂x∂y");
        AssertClose(hessian[1, 1], erf * gamma * (psi * psi + HP.Polygamma(1, y)), 3e-15, 0, "∂²/∂y²");
        Assert.That(hessian[1, 0], Is.EqualTo(hessian[0, 1]));
    }

    [Test]
    public void Float_Dual()
    {
        Dual<float> y = S.NormalCdf(Dual<float>.Variable(-1.5f));
        Assert.That(y.Value, Is.EqualTo((float)S.NormalCdf(-1.5)));
        Assert.That(y.Tangent, Is.EqualTo((float)S.NormalPdf(-1.5)));
    }
}
