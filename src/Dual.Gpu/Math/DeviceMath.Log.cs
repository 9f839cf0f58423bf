namespace Dual.Gpu;

// log, log2, log10, log1p: x = 2ᵉ·m with m ∈ [√2/2, √2), f = m − 1 exact, log(1 + f) = f − f²/2 + f³·P(f) with a
// minimax P (no division, no table). Coefficients computed for this file (Sollya fpminimax): degree 22 for f64
// (relative error 2⁻⁵⁹·³ on [√2/2 − 1, √2 − 1] ± 2⁻¹²), degree 12 for the f32 kernels (2⁻³³·¹).
internal static partial class DeviceMath
{
    private const double Sqrt2 = 1.4142135623730951;
    private const double SmallestNormal = 2.2250738585072014e-308;
    private const double TwoPow54 = 18014398509481984.0;

    /// <summary>(log(1+f) − f + f²/2)/f³ for f ∈ [√2/2 − 1, √2 − 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log1pTail(double f)
    {
        // Horner in two halves (f¹⁰ joins them) to shorten the dependency chain.
        double f2 = f * f;
        double f4 = f2 * f2;
        double f8 = f4 * f4;
        double high = Horner(f, 0.07691710512394682, -0.07141990397745414, 0.06675189016658274, -0.06269945105177938,
            0.05817619668448354, -0.053257317825675, 0.05415503650344382, -0.0627784205393303, 0.0570111438813976,
            -0.024293088325638125);
        double low = Horner(f, 0.33333333333333454, -0.2499999999999891, 0.1999999999994551, -0.1666666666691637,
            0.14285714293930277, -0.12499999981943187, 0.11111110510225808, -0.10000000380132341, 0.09090933709143227,
            -0.08333346075877453);
        return Fma(high, f8 * f2, low);
    }

    /// <summary>
    /// Splits finite x &gt; 0 into 2ᵉ·(1 + f) with 1 + f ∈ [√2/2, √2) (subnormals rescaled first), f exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SplitLog(double x, out int e)
    {
        bool subnormal = x < SmallestNormal;
        ulong bits = Bits(subnormal ? x * TwoPow54 : x);
        e = (int)((bits >> 52) & 0x7FF) - (subnormal ? 1077 : 1023);
        double m = FromBits((bits & 0x000F_FFFF_FFFF_FFFFUL) | 0x3FF0_0000_0000_0000UL);
        bool high = m > Sqrt2;
        e += high ? 1 : 0;
        return (high ? m * 0.5 : m) - 1.0;
    }

    /// <summary>log(1 + f) as hi + lo (|lo| ≤ ulp(hi)) for f ∈ [√2/2 − 1, √2 − 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log1pKernel(double f, out double lo)
    {
        double f2 = f * f;
        double hfsq = 0.5 * f2;
        double hi = f - hfsq;
        lo = ((f - hi) - hfsq) + f2 * f * Log1pTail(f); // (f − hi) − hfsq is the exact rounding error of hi
        return hi;
    }

    /// <summary>The result for x ≤ 0, +∞ and NaN, or <paramref name="value"/> for finite x &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T LogSpecial<T>(T x, T value) where T : IFloatingPointIeee754<T>
    {
        value = x == T.PositiveInfinity ? x : value;
        T nonPositive = x == T.Zero ? T.NegativeInfinity : T.NaN;
        return x > T.Zero ? value : (T.IsNaN(x) ? x : nonPositive);
    }

    /// <summary>log x as hi + lo (about 2⁻⁶⁰ relative) for finite x &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LogCore(double x, out double lo)
    {
        double f = SplitLog(x, out int e);
        double hi = Log1pKernel(f, out double kernelLo);
        double dk = e;
        double s = FastTwoSum(dk * Ln2Hi, hi, out double err); // e·Ln2Hi exact; |e·ln2| ≥ |hi| unless e = 0
        return FastTwoSum(s, err + Fma(dk, Ln2Lo, kernelLo), out lo);
    }

    /// <summary>log1p's result for x ≤ −1, +∞ and NaN, x itself for |x| below <paramref name="identityLimit"/> (keeps −0),
    /// else <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Log1PSpecial<T>(T x, T value, T identityLimit) where T : IFloatingPointIeee754<T>
    {
        value = x == T.PositiveInfinity ? x : value;
        T belowMinusOne = x == -T.One ? T.NegativeInfinity : T.NaN;
        value = x > -T.One ? value : (T.IsNaN(x) ? x : belowMinusOne);
        return T.Abs(x) < identityLimit ? x : value;
    }

    /// <summary>Natural logarithm (f64), ≤ 1 ulp.</summary>
    public static double Log(double x) => LogSpecial(x, LogCore(x, out double lo) + lo);

    private const double InvLn2Lo = 2.0355273740931033e-17;
    private const double InvLn10 = 0.4342944819032518;
    private const double InvLn10Lo = 1.098319650216765e-17;
    private const double Log10Of2 = 0.30102999566395283; // 42 significant bits: e·Log10Of2 is exact
    private const double Log10Of2Lo = 2.8363394551044964e-14;

    /// <summary>e·c + (hi + lo)·(1/b) for a base b with 1/log b = cHi + cLo, summed with one final rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ScaleLog(double dk, double hi, double lo, double cHi, double cLo, double eHi, double eLo)
    {
        double p = MulExact(hi, cHi, out double pErr);
        double pLo = pErr + (hi * cLo + lo * cHi);
        double s = TwoSum(dk * eHi, p, out double err);
        return s + (err + Fma(dk, eLo, pLo));
    }

    /// <summary>Base-2 logarithm (f64), ≤ 1 ulp; exact for powers of two.</summary>
    public static double Log2(double x)
    {
        double f = SplitLog(x, out int e);
        double hi = Log1pKernel(f, out double lo);
        return LogSpecial(x, ScaleLog(e, hi, lo, InvLn2, InvLn2Lo, 1.0, 0.0));
    }

    /// <summary>Base-10 logarithm (f64), ≤ 1 ulp.</summary>
    public static double Log10(double x)
    {
        double f = SplitLog(x, out int e);
        double hi = Log1pKernel(f, out double lo);
        return LogSpecial(x, ScaleLog(e, hi, lo, InvLn10, InvLn10Lo, Log10Of2, Log10Of2Lo));
    }

    /// <summary>log(1 + x + xLo) as hi + lo for finite x &gt; −1 (|xLo| ≤ ulp(x)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log1PCore(double x, double xLo, out double lo)
    {
        // u = 1 + x rounded, with its rounding error d exact (TwoSum); log(1 + x) = log u + d/u, where d/u is below
        // 4 ulp of the result and needs 1/u to a few bits: 2⁻ᵉ/(1 + f) from the seed 1 − f + f² (within 7 %) and one
        // Newton step (within 0.5 %).
        double u = TwoSum(1.0, x, out double d);
        double f = SplitLog(u, out int e);
        // Inside [√2/2 − 1, √2 − 1] x itself is f (e = 0): no rounding at all.
        bool direct = x > -0.2928932188134524 && x < 0.41421356237309515;
        f = direct ? x : f;
        e = direct ? 0 : e;
        d = (direct ? 0.0 : d) + xLo;
        double hi = Log1pKernel(f, out double kernelLo);
        double dk = e;
        double seed = Fma(f, f, 1.0 - f);
        double inverse = Fma(seed, Fma(-(1.0 + f), seed, 1.0), seed);
        double correction = d * Pow2(e > 1022 ? -1022 : -e) * inverse; // e ≥ −54 here; at e > 1022 it is negligible
        double s = FastTwoSum(dk * Ln2Hi, hi, out double err);
        return FastTwoSum(s, err + (Fma(dk, Ln2Lo, kernelLo) + correction), out lo);
    }

    /// <summary>log(1 + x) (f64), ≤ 1 ulp, accurate near 0.</summary>
    public static double Log1P(double x) =>
        Log1PSpecial(x, Log1PCore(x, 0.0, out double lo) + lo, 5.551115123125783e-17); // log1p x = x below 2⁻⁵⁴

    // f32, all in single precision: x = 2ᵉ·(1 + f) with 1 + f ∈ [√2/2, √2) (f exact), log(1 + f) = f + lo with
    // lo = −f²/2 + f³·P(f) and the coefficients of Cephes' logf (S. L. Moshier, Cephes Math Library 2.2); the result is
    // assembled with e·A exact (A a short ln 2, log₁₀ 2) and one rounding on each of the last two, decreasing, sums.

    private const float InvLn2SingleLo = 1.925963033500011e-08f;
    private const float InvLn10Single = 0.4342944920063019f;
    private const float InvLn10SingleLo = -1.0103049952192578e-08f;
    private const float Log10Of2SingleA = 0.301025390625f;            // 0x3E9A2000: e·A exact
    private const float Log10Of2SingleB = 4.605039066518657e-06f;

    /// <summary>
    /// Splits finite x &gt; 0 (f32) into 2ᵉ·(1 + f) with 1 + f ∈ [√2/2, √2) (subnormals rescaled first), f exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float SplitLog(float x, out int e)
    {
        bool subnormal = x < 1.17549435e-38f;
        uint bits = Bits(subnormal ? x * 8388608f : x);
        e = (int)((bits >> 23) & 0xFF) - (subnormal ? 150 : 127);
        float m = FromBits((bits & 0x007F_FFFFu) | 0x3F80_0000u);
        bool high = m > 1.41421356f;
        e += high ? 1 : 0;
        return (high ? m * 0.5f : m) - 1f;
    }

    /// <summary>log(1 + f) − f = −f²/2 + f³·P(f) for f ∈ [√2/2 − 1, √2 − 1] (f32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Log1pTailSingle(float f)
    {
        float z = f * f;
        float p = Horner(f, 3.3333331174e-1f, -2.4999993993e-1f, 2.0000714765e-1f, -1.6668057665e-1f,
            1.4249322787e-1f, -1.2420140846e-1f, 1.1676998740e-1f, -1.1514610310e-1f, 7.0376836292e-2f);
        return Fma(z * f, p, -0.5f * z);
    }

    /// <summary>Natural logarithm (f32), in single precision.</summary>
    public static float Log(float x)
    {
        float f = SplitLog(x, out int e);
        float k = e;
        float s = f + Fma(k, Ln2SingleB, Log1pTailSingle(f)); // ln 2 = A + B
        return LogSpecial(x, Fma(k, Ln2SingleA, s));
    }

    /// <summary>Base-2 logarithm (f32), in single precision; exact for powers of two.</summary>
    public static float Log2(float x)
    {
        float f = SplitLog(x, out int e);
        float lo = Log1pTailSingle(f);
        float s = Fma(f, InvLn2Single, Fma(lo, InvLn2Single, f * InvLn2SingleLo));
        return LogSpecial(x, e + s);
    }

    /// <summary>Base-10 logarithm (f32), in single precision.</summary>
    public static float Log10(float x)
    {
        float f = SplitLog(x, out int e);
        float lo = Log1pTailSingle(f);
        float k = e;
        float s = Fma(f, InvLn10Single, Fma(lo, InvLn10Single, Fma(f, InvLn10SingleLo, k * Log10Of2SingleB)));
        return LogSpecial(x, Fma(k, Log10Of2SingleA, s));
    }

    /// <summary>log(1 + x) (f32), in single precision, accurate near 0: u = 1 + x rounded with its error d exact
    /// (TwoSum), log u + d/u with 1/u from the seed 1 − f + f² and one Newton step; inside [√2/2 − 1, √2 − 1], x itself
    /// is f.</summary>
    public static float Log1P(float x)
    {
        float u = TwoSum(1f, x, out float d);
        float f = SplitLog(u, out int e);
        bool direct = x > -0.29289321f && x < 0.41421356f;
        f = direct ? x : f;
        e = direct ? 0 : e;
        d = direct ? 0f : d;
        float seed = Fma(f, f, 1f - f);
        float inverse = Fma(seed, Fma(-(1f + f), seed, 1f), seed);
        float correction = d * Pow2Single(e > 126 ? -126 : -e) * inverse; // −24 ≤ e here; at e > 126 it is negligible
        float k = e;
        float s = f + (Fma(k, Ln2SingleB, Log1pTailSingle(f)) + correction);
        float value = Fma(k, Ln2SingleA, s);
        return Log1PSpecial(x, value, 2.98023224e-8f); // log1p x = x below 2⁻²⁵
    }
}
