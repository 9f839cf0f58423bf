namespace Dual.Gpu;

// atan, atan2, asin, acos. atan: |x| is mapped to u ∈ [−tan π/8, tan π/8] by u = x (x ≤ tan π/8),
// u = (x − 1)/(x + 1) + π/4 (x ≤ tan 3π/8) or u = −1/x + π/2, with one reciprocal and a residual step; atan(u) by a
// minimax odd polynomial (degree 23, relative error 2⁻⁵⁹·³). asin/acos: |x| < ½ by a minimax odd polynomial (degree
// 27, 2⁻⁵⁹·⁸ on [0, ½]); above, asin x = π/2 − 2·asin √((1 − x)/2) with the square root as a double-double.
// Coefficients computed for this file (Sollya fpminimax).
internal static partial class DeviceMath
{
    private const double TanPiOver8 = 0.41421356237309503;
    private const double Tan3PiOver8 = 2.414213562373095;
    private const double PiO4Hi = 0.7853981633974483;
    private const double PiO4Lo = 3.061616997868383e-17;
    private const double PiO2Hi = 1.5707963267948966;
    private const double PiO2Lo = 6.123233995736766e-17;
    private const double PiHi = 3.141592653589793;
    private const double PiLo = 1.2246467991473532e-16;

    /// <summary>atan(t + tLo) as hi + lo for 0 ≤ t ≤ 2⁵⁴ (finite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double AtanCore(double t, double tLo, out double lo)
    {
        bool mid = t > TanPiOver8;
        bool high = t > Tan3PiOver8;
        double tm1 = TwoSum(t, -1.0, out double tm1Error);
        double tp1 = TwoSum(t, 1.0, out double tp1Error);
        double num = high ? -1.0 : (mid ? tm1 : t);
        double numLo = high ? 0.0 : (mid ? tm1Error + tLo : tLo);
        double den = high ? t : (mid ? tp1 : 1.0);
        double denLo = high ? tLo : (mid ? tp1Error + tLo : 0.0);
        double inverse = Rcp(den);
        double u = Divide(num, den, inverse, out double uLo);
        uLo += (numLo - u * denLo) * inverse;
        double z = u * u;
        double p = Horner(z, -0.33333333333333187, 0.199999999999507, -0.1428571427990986, 0.11111110769211162,
            -0.09090897348614871, 0.07692052930104579, -0.06663021024897497, 0.058472829833273815,
            -0.05036560924038582, 0.03799452251441496, -0.017830134780279207);
        double baseHi = high ? PiO2Hi : (mid ? PiO4Hi : 0.0);
        double baseLo = high ? PiO2Lo : (mid ? PiO4Lo : 0.0);
        // atan(u + uLo) = u + u³·p(u²) + uLo/(1 + u²)
        double s = TwoSum(baseHi, u, out double e);
        return FastTwoSum(s, e + (baseLo + Fma(u * z, p, uLo * (1.0 - z))), out lo);
    }

    /// <summary>Arctangent (f64), ≤ 1 ulp.</summary>
    public static double Atan(double x)
    {
        double a = System.Math.Abs(x);
        double r = AtanCore(a, 0.0, out double lo) + lo;
        r = a > 18014398509481984.0 ? PiO2Hi : r; // atan x rounds to π/2 above 2⁵⁴ (also ±∞)
        r = CopySign(r, x);
        return a < 7.450580596923828e-09 ? x : r; // atan x = x below 2⁻²⁷ (keeps −0); NaN stays NaN
    }

    /// <summary>atan2(y, x) (f64), ≤ 1 ulp, with C99's special cases (±0, ±∞ and the signs).</summary>
    public static double Atan2(double y, double x)
    {
        double ax = System.Math.Abs(x), ay = System.Math.Abs(y);
        bool swap = ay > ax;
        double num = swap ? ax : ay, den = swap ? ay : ax;
        // Both scaled so that den ∈ [1, 2): Rcp's range, and the residual's exact products cannot underflow for a
        // subnormal num.
        double ds = ScaleToUnit(den, num, out double ns, out _);
        double inverse = Rcp(ds);
        double t = Divide(ns, ds, inverse, out double tLo);
        bool degenerate = den == 0.0 || den == double.PositiveInfinity;
        t = degenerate ? (num == double.PositiveInfinity ? 1.0 : 0.0) : t;
        tLo = degenerate ? 0.0 : tLo;
        double h = AtanCore(t, tLo, out double l);
        // swap: π/2 − r; x negative (sign bit, −0 included): π − r.
        double complement = TwoSum(PiO2Hi, -h, out double se);
        double sh = swap ? complement : h;
        double sl = swap ? se + (PiO2Lo - l) : l;
        sh = FastTwoSum(sh, sl, out sl);
        bool xNegative = (Bits(x) & 0x8000_0000_0000_0000UL) != 0;
        double supplement = TwoSum(PiHi, -sh, out double qe);
        double qh = xNegative ? supplement : sh;
        double ql = xNegative ? qe + (PiLo - sl) : sl;
        double r = CopySign(qh + ql, y);
        return double.IsNaN(x) || double.IsNaN(y) ? x + y : r;
    }

    /// <summary>(asin s − s)/s³ as a polynomial in z = s² for 0 ≤ s ≤ ½.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double AsinTail(double z) =>
        Horner(z, 0.16666666666666766, 0.07499999999969248, 0.04464285717619568, 0.03038194262742809,
            0.022372217362754052, 0.017351567518668884, 0.01398137434434395, 0.011394224229820896,
            0.010807362619571308, 0.003600996059175457, 0.02197097877558582, -0.02138165087653228, 0.03287373852425192);

    /// <summary>For a = |x| ≤ 1: s + sLo and the tail s³·P(s²) of asin s, where s = a (a &lt; ½) or √((1 − a)/2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double AsinParts(double a, bool small, out double sLo, out double tail)
    {
        double z = small ? a * a : (1.0 - a) * 0.5; // exact for a ≥ ½
        double s = small ? a : System.Math.Sqrt(z);
        // √z as a double-double: (z − s²)/(2s), with s² exact.
        double p = MulExact(s, s, out double pLo);
        double correction = ((z - p) - pLo) * 0.5 * Rcp(s);
        sLo = small || s == 0.0 ? 0.0 : correction;
        tail = s * z * AsinTail(z);
        return s;
    }

    /// <summary>Arcsine (f64), ≤ 1 ulp; NaN outside [−1, 1].</summary>
    public static double Asin(double x)
    {
        double a = System.Math.Abs(x);
        bool small = a < 0.5;
        double s = AsinParts(a, small, out double sLo, out double tail);
        // small: s + tail; else π/2 − 2(s + sLo + tail).
        double big = TwoSum(PiO2Hi, -2.0 * s, out double e);
        big += e + (PiO2Lo - 2.0 * (sLo + tail));
        double r = small ? s + tail : big;
        r = CopySign(r, x);
        return a > 1.0 ? double.NaN : r;
    }

    /// <summary>Arccosine (f64), ≤ 1 ulp; NaN outside [−1, 1].</summary>
    public static double Acos(double x)
    {
        double a = System.Math.Abs(x);
        bool small = a < 0.5;
        double s = AsinParts(a, small, out double sLo, out double tail);
        // small: π/2 − asin x; x ≥ ½: 2·asin s; x ≤ −½: π − 2·asin s.
        double signedS = CopySign(s, x), signedTail = CopySign(tail, x);
        double smallValue = TwoSum(PiO2Hi, -signedS, out double e1);
        smallValue += e1 + (PiO2Lo - signedTail);
        double twice = 2.0 * s + 2.0 * (sLo + tail);
        double negative = TwoSum(PiHi, -2.0 * s, out double e2);
        negative += e2 + (PiLo - 2.0 * (sLo + tail));
        double r = small ? smallValue : (x > 0.0 ? twice : negative);
        return a > 1.0 ? double.NaN : r;
    }

    // f32 atan, in single precision: |x| mapped to u ∈ [−tan π/8, tan π/8] as in f64 (u = x, (x − 1)/(x + 1) or −1/x,
    // numerator and denominator as float pairs, one residual step), atan u = u + u·z·P(z) with the coefficients of
    // Cephes' atanf (S. L. Moshier, Cephes Math Library 2.2), added to π/4 or π/2 as float pairs.
    private const float PiO4SingleHi = 0.7853981852531433f;
    private const float PiO4SingleLo = -2.1855694143368964e-08f;
    private const float PiO2SingleHi = 1.5707963705062866f;
    private const float PiO2SingleLo = -4.371138828673793e-08f;

    /// <summary>Arctangent (f32), in single precision.</summary>
    public static float Atan(float x)
    {
        float a = System.MathF.Abs(x);
        bool mid = a > 0.41421357f;
        bool high = a > 2.4142137f;
        float tm1 = TwoSum(a, -1f, out float tm1Error);
        float tp1 = TwoSum(a, 1f, out float tp1Error);
        float num = high ? -1f : (mid ? tm1 : a);
        float numLo = high || !mid ? 0f : tm1Error;
        float den = high ? a : (mid ? tp1 : 1f);
        float denLo = high || !mid ? 0f : tp1Error;
        den = a > 1e30f ? 1e30f : den; // keeps Rcp in range: atan rounds to π/2 long before
        float u = DivideSingle(num, numLo, den, denLo);
        float z = u * u;
        float tail = Horner(z, -3.33329491539e-1f, 1.99777106478e-1f, -1.38776856032e-1f, 8.05374449538e-2f) * (z * u);
        float baseHi = high ? PiO2SingleHi : (mid ? PiO4SingleHi : 0f);
        float baseLo = high ? PiO2SingleLo : (mid ? PiO4SingleLo : 0f);
        float r = (baseHi + u) + (baseLo + tail);
        r = a > 1e30f ? PiO2SingleHi : r; // also ±∞
        r = CopySign(r, x);
        return a < 2.44140625e-4f ? x : r; // atan x = x below 2⁻¹² (keeps −0); NaN stays NaN
    }

    /// <summary>atan2(y, x) (f32), computed in f64 and rounded once.</summary>
    public static float Atan2(float y, float x) => (float)Atan2((double)y, (double)x);

    /// <summary>Arcsine (f32), computed in f64 and rounded once.</summary>
    public static float Asin(float x) => (float)Asin((double)x);

    /// <summary>Arccosine (f32), computed in f64 and rounded once.</summary>
    public static float Acos(float x) => (float)Acos((double)x);
}
