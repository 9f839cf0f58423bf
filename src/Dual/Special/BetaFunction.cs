namespace Dual;

/// <summary>
/// The beta function B(a, b) = Γ(a)Γ(b)/Γ(a+b) and ln B in <see cref="double"/>, for a, b &gt; 0.
/// <para>a + b is formed exactly as the pair c + c_lo (TwoSum), and Γ(c + c_lo) = Γ(c)·(1 + c_lo·ψ(c)) to first order:
/// rounding a + b would otherwise cost c·ψ(c)·2⁻⁵³ relative (≈ 2e-15 at c = 10). While Γ(a+b) is finite the gammas are
/// divided directly; beyond (a + b ≥ 171) B = exp(ln B) with ln B from Stirling's formula in a cancellation-free form.
/// There B is ill-conditioned (a·∂ln B/∂a ≈ a·ln(a/(a+b)): hundreds), and its relative error is about |ln B|·2⁻⁵³.</para>
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

    /// <summary>
    /// ln B for a + b ≥ 171 (so the larger argument g ≥ 85) by Stirling's formula lnΓ(x) = (x−½)ln x − x + ½ln 2π + δ(x),
    /// with the large terms combined analytically (c − g = s exactly) into log1p forms of the same sign, instead of the
    /// difference of three lnΓ values of up to ~1e3 each (which cost 1e-12 relative in B at a, b ≈ 400).
    /// </summary>
    private static double LogBetaLarge(double a, double b, double c, double cLo)
    {
        double s = Math.Min(a, b), g = Math.Max(a, b);
        if (s >= 10)
        {
            // ½ln 2π + (s−½)ln(s/c) + g·ln(g/c) − ½ln g + δ(s) + δ(g) − δ(c)
            return 0.91893853320467274 - (s - 0.5) * Math.Log(1 + g / s) - g * LogOnePlus(s / g) - 0.5 * Math.Log(g)
                + StirlingCorrection(s) + StirlingCorrection(g) - StirlingCorrection(c);
        }
        // lnΓ(s) − (g−½)·ln(1 + s/g) − s·ln(c + c_lo) + s + δ(g) − δ(c)
        return GammaFunction.LogGamma(s) - (g - 0.5) * LogOnePlus(s / g) - s * (Math.Log(c) + cLo / c) + s
            + StirlingCorrection(g) - StirlingCorrection(c);
    }

    /// <summary>δ(x) = lnΓ(x) − ((x−½)ln x − x + ½ln 2π) = Σ B₂ₖ/(2k(2k−1)x²ᵏ⁻¹) for x ≥ 10 (eight terms: &lt; 1e-18).</summary>
    private static double StirlingCorrection(double x)
    {
        double z = 1 / (x * x);
        return (1.0 / 12 - z * (1.0 / 360 - z * (1.0 / 1260 - z * (1.0 / 1680 - z * (1.0 / 1188
            - z * (691.0 / 360360 - z * (1.0 / 156 - z * (3617.0 / 122400)))))))) / x;
    }

    /// <summary>ln(1 + t) for 0 ≤ t ≤ 1 with the rounding of 1 + t corrected (Goldberg's theorem 4).</summary>
    private static double LogOnePlus(double t)
    {
        double u = 1 + t;
        return u == 1 ? t : Math.Log(u) * (t / (u - 1));
    }

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
