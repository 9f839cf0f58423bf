namespace Dual;

/// <summary>The standard normal distribution's density, distribution function and quantile in <see cref="double"/>.</summary>
internal static class NormalDistribution
{
    private const double InvSqrt2Pi = 0.3989422804014327;

    // 1/√2 = InvSqrt2Hi + InvSqrt2Lo to 106 bits.
    private const double InvSqrt2Hi = 0.7071067811865476;
    private const double InvSqrt2Lo = -4.833646656726457e-17;

    /// <summary>φ(x) = e^(−x²/2)/√(2π), with x² taken exactly (a couple of ulps down to the subnormals).</summary>
    public static double Pdf(double x) => InvSqrt2Pi * ErrorFunction.ExpMinusHalfSquare(x);

    /// <summary>
    /// Φ(x) = ½·erfc(−x/√2). −x/√2 is formed as the exact pair z + z_lo (a fused multiply-add and 1/√2 in two parts)
    /// and erfc(z + z_lo) = erfc(z) − z_lo·(2/√π)e^(−z²) to first order: rounding −x/√2 alone would cost 2z²·2⁻⁵³
    /// relative in the lower tail (1.5e-13 at x = −37, where Φ ≈ 5.7e-300).
    /// </summary>
    public static double Cdf(double x)
    {
        double p = x * InvSqrt2Hi;
        double pLo = Math.FusedMultiplyAdd(x, InvSqrt2Hi, -p) + x * InvSqrt2Lo;
        double z = -p, zLo = -pLo;
        double erfc = ErrorFunction.Erfc(z);
        if (!double.IsFinite(zLo) || zLo == 0)
        {
            return 0.5 * erfc;
        }
        return 0.5 * (erfc - zLo * SpecialConstants.TwoOverSqrtPi * ErrorFunction.ExpMinusSquare(z));
    }

    /// <summary>Φ⁻¹(p) = −√2·erfc⁻¹(2p): −∞ at 0, +∞ at 1, NaN outside [0, 1] (MathNet's formula, with its erfc⁻¹ replaced).</summary>
    public static double InvCdf(double p) => 0.0 - SpecialConstants.Sqrt2 * InverseErrorFunction.ErfcInv(2 * p); // 0 − v: +0 at p = ½
}
