namespace Dual;

/// <summary>
/// erf and erfc in <see cref="double"/>, after FreeBSD's <c>s_erf.c</c> (via musl), which carries this notice:
/// "Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at SunPro, a Sun Microsystems, Inc.
/// business. Permission to use, copy, modify, and distribute this software is freely granted, provided that this
/// notice is preserved." Below 0.84375 erf(x) = x + x·R(x²); on [0.84375, 1.25] a rational function of |x| − 1 about
/// erf(1); above, erfc(x) = exp(−x² − 0.5625 + R(1/x²))/x with −x² taken exactly. Errors below one ulp.
/// </summary>
internal static class ErrorFunction
{
    private const double Erx = 8.45062911510467529297e-01;
    private const double Efx8 = 1.02703333676410069053e+00;

    private const double Pp0 = 1.28379167095512558561e-01, Pp1 = -3.25042107247001499370e-01, Pp2 = -2.84817495755985104766e-02,
        Pp3 = -5.77027029648944159157e-03, Pp4 = -2.37630166566501626084e-05;
    private const double Qq1 = 3.97917223959155352819e-01, Qq2 = 6.50222499887672944485e-02, Qq3 = 5.08130628187576562776e-03,
        Qq4 = 1.32494738004321644526e-04, Qq5 = -3.96022827877536812320e-06;

    private const double Pa0 = -2.36211856075265944077e-03, Pa1 = 4.14856118683748331666e-01, Pa2 = -3.72207876035701323847e-01,
        Pa3 = 3.18346619901161753674e-01, Pa4 = -1.10894694282396677476e-01, Pa5 = 3.54783043256182359371e-02,
        Pa6 = -2.16637559486879084300e-03;
    private const double Qa1 = 1.06420880400844228286e-01, Qa2 = 5.40397917702171048937e-01, Qa3 = 7.18286544141962662868e-02,
        Qa4 = 1.26171219808761642112e-01, Qa5 = 1.36370839120290507362e-02, Qa6 = 1.19844998467991074170e-02;

    private const double Ra0 = -9.86494403484714822705e-03, Ra1 = -6.93858572707181764372e-01, Ra2 = -1.05586262253232909814e+01,
        Ra3 = -6.23753324503260060396e+01, Ra4 = -1.62396669462573470355e+02, Ra5 = -1.84605092906711035994e+02,
        Ra6 = -8.12874355063065934246e+01, Ra7 = -9.81432934416914548592e+00;
    private const double Sa1 = 1.96512716674392571292e+01, Sa2 = 1.37657754143519042600e+02, Sa3 = 4.34565877475229228821e+02,
        Sa4 = 6.45387271733267880336e+02, Sa5 = 4.29008140027567833386e+02, Sa6 = 1.08635005541779435134e+02,
        Sa7 = 6.57024977031928170135e+00, Sa8 = -6.04244152148580987438e-02;

    private const double Rb0 = -9.86494292470009928597e-03, Rb1 = -7.99283237680523006574e-01, Rb2 = -1.77579549177547519889e+01,
        Rb3 = -1.60636384855821916062e+02, Rb4 = -6.37566443368389627722e+02, Rb5 = -1.02509513161107724954e+03,
        Rb6 = -4.83519191608651397019e+02;
    private const double Sb1 = 3.03380607434824582924e+01, Sb2 = 3.25792512996573918826e+02, Sb3 = 1.53672958608443695994e+03,
        Sb4 = 3.19985821950859553908e+03, Sb5 = 2.55305040643316442583e+03, Sb6 = 4.74528541206955367215e+02,
        Sb7 = -2.24409524465858183362e+01;

    /// <summary>erf(x): odd, ±1 at ±∞, NaN for NaN.</summary>
    public static double Erf(double x) => ErfOrErfc(x, complement: false);

    /// <summary>erfc(x) = 1 − erf(x), accurate in the upper tail (down to the subnormals at x ≈ 27.2); 2 at −∞, 0 at +∞.</summary>
    public static double Erfc(double x) => ErfOrErfc(x, complement: true);

    // The split that erf and erfc share: NaN passes through; below 0.84375 both come from erf(x) = x + x·R(x²); above,
    // from erfc of |x|. complement is a constant at each call site, so after inlining each keeps only its own branches.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ErfOrErfc(double x, bool complement)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        double ax = Math.Abs(x);
        if (ax < 0.84375)
        {
            if (ax < (complement ? 1.3877787807814457e-17 /* 2^-56 */ : 3.725290298461914e-9 /* 2^-28 */))
            {
                // erf: scaled so that subnormal x does not underflow early.
                return complement ? 1.0 - x : 0.125 * (8 * x + Efx8 * x);
            }
            double xr = x * SmallRatio(x * x);
            if (!complement)
            {
                return x + xr;
            }
            return x < 0.25 ? 1.0 - (x + xr) : 0.5 - (x - 0.5 + xr);
        }
        if (complement)
        {
            return ax < 28 ? (x < 0 ? 2 - ErfcAbove(ax) : ErfcAbove(ax)) : (x < 0 ? 2 : 0);
        }
        double r = ax < 6 ? 1 - ErfcAbove(ax) : 1;
        return x < 0 ? -r : r;
    }

    /// <summary>R(z) with erf(x) = x + x·R(x²) on |x| &lt; 0.84375.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SmallRatio(double z)
    {
        double r = Pp0 + z * (Pp1 + z * (Pp2 + z * (Pp3 + z * Pp4)));
        double s = 1.0 + z * (Qq1 + z * (Qq2 + z * (Qq3 + z * (Qq4 + z * Qq5))));
        return r / s;
    }

    /// <summary>erfc(a) for 0.84375 ≤ a &lt; 28.</summary>
    private static double ErfcAbove(double a)
    {
        if (a < 1.25)
        {
            double s1 = a - 1;
            double p = Pa0 + s1 * (Pa1 + s1 * (Pa2 + s1 * (Pa3 + s1 * (Pa4 + s1 * (Pa5 + s1 * Pa6)))));
            double q = 1 + s1 * (Qa1 + s1 * (Qa2 + s1 * (Qa3 + s1 * (Qa4 + s1 * (Qa5 + s1 * Qa6)))));
            return 1 - Erx - p / q;
        }
        double s = 1 / (a * a);
        double rr, ss;
        if (a < 1 / 0.35)
        {
            rr = Ra0 + s * (Ra1 + s * (Ra2 + s * (Ra3 + s * (Ra4 + s * (Ra5 + s * (Ra6 + s * Ra7))))));
            ss = 1.0 + s * (Sa1 + s * (Sa2 + s * (Sa3 + s * (Sa4 + s * (Sa5 + s * (Sa6 + s * (Sa7 + s * Sa8)))))));
        }
        else
        {
            rr = Rb0 + s * (Rb1 + s * (Rb2 + s * (Rb3 + s * (Rb4 + s * (Rb5 + s * Rb6)))));
            ss = 1.0 + s * (Sb1 + s * (Sb2 + s * (Sb3 + s * (Sb4 + s * (Sb5 + s * (Sb6 + s * Sb7))))));
        }
        // z = a with its low 32 bits cleared, so z·z is exact and −a² = −z² + (z − a)(z + a) loses nothing.
        double z = BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & unchecked((long)0xFFFFFFFF00000000UL));
        return Math.Exp(-z * z - 0.5625) * Math.Exp((z - a) * (z + a) + rr / ss) / a;
    }

    /// <summary>
    /// e^(−x²) to a couple of ulps for any x: x² is split exactly into hi + lo with a fused multiply-add, and
    /// e^(−hi)·(1 − lo) corrects the rounding of x² (which alone would cost x²·2⁻⁵³ relative: 1e-13 at x = 27).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ExpMinusSquare(double x)
    {
        double hi = x * x;
        double lo = Math.FusedMultiplyAdd(x, x, -hi);
        double e = Math.Exp(-hi);
        return double.IsFinite(hi) ? e - e * lo : e;
    }

    /// <summary>e^(x²) to a couple of ulps (see <see cref="ExpMinusSquare"/>); +∞ beyond |x| ≈ 26.64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ExpSquare(double x)
    {
        double hi = x * x;
        double lo = Math.FusedMultiplyAdd(x, x, -hi);
        double e = Math.Exp(hi);
        return double.IsFinite(e) ? e + e * lo : e;
    }

    /// <summary>e^(−x²/2) to a couple of ulps (the halving of hi and lo is exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ExpMinusHalfSquare(double x)
    {
        double hi = x * x;
        double lo = Math.FusedMultiplyAdd(x, x, -hi);
        double e = Math.Exp(-0.5 * hi);
        return double.IsFinite(hi) ? e - e * (0.5 * lo) : e;
    }
}
