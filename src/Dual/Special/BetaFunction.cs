using System;

namespace Dual;

/// <summary>
/// The beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b) and ln B in <see cref="double"/>, for a, b &gt; 0.
/// <para>a + b is formed exactly as the pair c + c_lo (TwoSum), and Γ(c + c_lo) = Γ(c)·(1 + c_lo·ψ(c)) to first order:
/// rounding a + b would otherwise cost c·ψ(c)·2⁻⁵³ relative (≈ 2e-15 at c = 10). While Γ(a+b) is finite the gammas are
/// divided directly; beyond (a + b ≥ 171) B = exp(ln B) with ln B = lnΓ(a) + lnΓ(b) − lnΓ(a+b), whose error is
/// absolute in ln B (a few ulps of the largest lnΓ term).</para>
/// </summary>
internal static class BetaFunction
{
    /// <summary>B(a, b) for a, b &gt; 0; 0 when either is +∞; NaN for a ≤ 0, b ≤ 0 or NaN (as MathNet, which throws there).</summary>
    public static double Beta(double a, double b)
    {
        if (!(a > 0 && b > 0))
        {
            return double.NaN;
        }
        if (a == double.PositiveInfinity || b == double.PositiveInfinity)
        {
            return 0;
        }
        double c = TwoSum(a, b, out double cLo);
        if (c < 171)
        {
            double big = Math.Max(a, b), small = Math.Min(a, b);
            double ratio = GammaFunction.Gamma(big) / GammaFunction.Gamma(c);
            double value = ratio * GammaFunction.Gamma(small);
            return cLo == 0 ? value : value - value * (cLo * PolygammaFunction.Digamma(c));
        }
        return Math.Exp(LogBetaLarge(a, b, c, cLo));
    }

    /// <summary>ln B(a, b) for a, b &gt; 0; −∞ when either is +∞; NaN for a ≤ 0, b ≤ 0 or NaN.</summary>
    public static double LogBeta(double a, double b)
    {
        if (!(a > 0 && b > 0))
        {
            return double.NaN;
        }
        if (a == double.PositiveInfinity || b == double.PositiveInfinity)
        {
            return double.NegativeInfinity;
        }
        double c = TwoSum(a, b, out double cLo);
        if (c < 171)
        {
            double big = Math.Max(a, b), small = Math.Min(a, b);
            double ratio = GammaFunction.Gamma(big) / GammaFunction.Gamma(c);
            double value = ratio * GammaFunction.Gamma(small);
            if (double.IsFinite(value) && value > 0)
            {
                // ln(v·(1 − c_lo·ψ(c))) = ln v − c_lo·ψ(c) to first order.
                return Math.Log(value) - cLo * PolygammaFunction.Digamma(c);
            }
        }
        return LogBetaLarge(a, b, c, cLo);
    }

    private static double LogBetaLarge(double a, double b, double c, double cLo) =>
        GammaFunction.LogGamma(a) + GammaFunction.LogGamma(b) - GammaFunction.LogGamma(c) - cLo * PolygammaFunction.Digamma(c);

    /// <summary>Knuth's TwoSum: a + b = s + error exactly.</summary>
    private static double TwoSum(double a, double b, out double error)
    {
        double s = a + b;
        double bb = s - a;
        error = (a - (s - bb)) + (b - bb);
        if (!double.IsFinite(error))
        {
            error = 0;
        }
        return s;
    }
}
