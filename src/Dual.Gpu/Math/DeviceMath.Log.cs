using System.Runtime.CompilerServices;

namespace Dual.Gpu;

// log, log2, log10, log1p: x = 2ᵉ·m with m ∈ [√2/2, √2), f = m − 1 exact, log(1 + f) = f − f²/2 + f³·P(f) with a
// minimax P (no division, no table). Coefficients computed for this file (Sollya fpminimax): degree 22 for f64
// (relative error 2⁻⁵⁹·³ on [√2/2 − 1, √2 − 1] ± 2⁻¹²), degree 12 for the f32 kernels (2⁻³³·¹).
internal static partial class DeviceMath
{
    private const double Log1pC3 = 0.33333333333333454;
    private const double Log1pC4 = -0.2499999999999891;
    private const double Log1pC5 = 0.1999999999994551;
    private const double Log1pC6 = -0.1666666666691637;
    private const double Log1pC7 = 0.14285714293930277;
    private const double Log1pC8 = -0.12499999981943187;
    private const double Log1pC9 = 0.11111110510225808;
    private const double Log1pC10 = -0.10000000380132341;
    private const double Log1pC11 = 0.09090933709143227;
    private const double Log1pC12 = -0.08333346075877453;
    private const double Log1pC13 = 0.07691710512394682;
    private const double Log1pC14 = -0.07141990397745414;
    private const double Log1pC15 = 0.06675189016658274;
    private const double Log1pC16 = -0.06269945105177938;
    private const double Log1pC17 = 0.05817619668448354;
    private const double Log1pC18 = -0.053257317825675;
    private const double Log1pC19 = 0.05415503650344382;
    private const double Log1pC20 = -0.0627784205393303;
    private const double Log1pC21 = 0.0570111438813976;
    private const double Log1pC22 = -0.024293088325638125;

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
        double high = Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Log1pC22, Log1pC21), Log1pC20),
            Log1pC19), Log1pC18), Log1pC17), Log1pC16), Log1pC15), Log1pC14), Log1pC13);
        double low = Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Log1pC12, Log1pC11), Log1pC10),
            Log1pC9), Log1pC8), Log1pC7), Log1pC6), Log1pC5), Log1pC4), Log1pC3);
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
    private static double LogSpecial(double x, double value)
    {
        value = x == double.PositiveInfinity ? x : value;
        double nonPositive = x == 0.0 ? double.NegativeInfinity : double.NaN;
        return x > 0.0 ? value : (double.IsNaN(x) ? x : nonPositive);
    }

    /// <summary>Natural logarithm (f64), ≤ 1 ulp.</summary>
    public static double Log(double x)
    {
        double f = SplitLog(x, out int e);
        double hi = Log1pKernel(f, out double lo);
        double dk = e;
        double s = FastTwoSum(dk * Ln2Hi, hi, out double err); // e·Ln2Hi exact; |e·ln2| ≥ |hi| unless e = 0
        return LogSpecial(x, s + (err + Fma(dk, Ln2Lo, lo)));
    }

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

    /// <summary>log(1 + x) (f64), ≤ 1 ulp, accurate near 0.</summary>
    public static double Log1P(double x)
    {
        // u = 1 + x rounded, with its rounding error d exact (TwoSum); log(1 + x) = log u + d/u, where d/u is below
        // 4 ulp of the result and needs 1/u to a few bits: 2⁻ᵉ/(1 + f) from the seed 1 − f + f² (within 7 %) and one
        // Newton step (within 0.5 %).
        double u = TwoSum(1.0, x, out double d);
        double f = SplitLog(u, out int e);
        // Inside [√2/2 − 1, √2 − 1] x itself is f (e = 0, d = 0): no rounding at all.
        bool direct = x > -0.2928932188134524 && x < 0.41421356237309515;
        f = direct ? x : f;
        e = direct ? 0 : e;
        d = direct ? 0.0 : d;
        double hi = Log1pKernel(f, out double lo);
        double dk = e;
        double seed = Fma(f, f, 1.0 - f);
        double inverse = Fma(seed, Fma(-(1.0 + f), seed, 1.0), seed);
        double correction = d * Pow2(e > 1022 ? -1022 : -e) * inverse; // e ≥ −54 here; at e > 1022 it is negligible
        double s = FastTwoSum(dk * Ln2Hi, hi, out double err);
        double value = s + (err + (Fma(dk, Ln2Lo, lo) + correction));
        value = x == double.PositiveInfinity ? x : value;
        double belowMinusOne = x == -1.0 ? double.NegativeInfinity : double.NaN;
        value = x > -1.0 ? value : (double.IsNaN(x) ? x : belowMinusOne);
        return System.Math.Abs(x) < 5.551115123125783e-17 ? x : value; // keeps −0, and log1p x = x below 2⁻⁵⁴
    }

    // f32 kernels: degree 12 (relative error 2⁻³³·¹), in f64, rounded once.
    private const double Log1pFC2 = -0.5000000028678004;
    private const double Log1pFC3 = 0.33333331979436753;
    private const double Log1pFC4 = -0.2499993766268877;
    private const double Log1pFC5 = 0.2000009624872954;
    private const double Log1pFC6 = -0.16670347855918854;
    private const double Log1pFC7 = 0.1428572670951674;
    private const double Log1pFC8 = -0.12412323364488256;
    private const double Log1pFC9 = 0.1102039693794135;
    private const double Log1pFC10 = -0.10871959076835212;
    private const double Log1pFC11 = 0.10731732893588868;
    private const double Log1pFC12 = -0.059968891289848385;

    /// <summary>log(1 + f) to 2⁻³³ for f ∈ [√2/2 − 1, √2 − 1].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Log1pKernelSingle(double f)
    {
        double p = Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Fma(f, Log1pFC12, Log1pFC11),
            Log1pFC10), Log1pFC9), Log1pFC8), Log1pFC7), Log1pFC6), Log1pFC5), Log1pFC4), Log1pFC3), Log1pFC2);
        return Fma(f * f, p, f);
    }

    /// <summary>log(x) in f64 to 2⁻³³ for finite x &gt; 0 (any float converted to double is normal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LogSingleCore(double x)
    {
        ulong bits = Bits(x);
        int e = (int)((bits >> 52) & 0x7FF) - 1023;
        double m = FromBits((bits & 0x000F_FFFF_FFFF_FFFFUL) | 0x3FF0_0000_0000_0000UL);
        bool high = m > Sqrt2;
        e += high ? 1 : 0;
        double f = (high ? m * 0.5 : m) - 1.0;
        return Fma(e, 0.6931471805599453, Log1pKernelSingle(f));
    }

    /// <summary>Natural logarithm (f32), computed in f64 and rounded once.</summary>
    public static float Log(float x) => (float)LogSpecial(x, LogSingleCore(x));

    /// <summary>Base-2 logarithm (f32), computed in f64 and rounded once.</summary>
    public static float Log2(float x)
    {
        double xd = x;
        ulong bits = Bits(xd);
        int e = (int)((bits >> 52) & 0x7FF) - 1023;
        double m = FromBits((bits & 0x000F_FFFF_FFFF_FFFFUL) | 0x3FF0_0000_0000_0000UL);
        bool high = m > Sqrt2;
        e += high ? 1 : 0;
        double f = (high ? m * 0.5 : m) - 1.0;
        return (float)LogSpecial(xd, Fma(Log1pKernelSingle(f), InvLn2, e));
    }

    /// <summary>Base-10 logarithm (f32), computed in f64 and rounded once.</summary>
    public static float Log10(float x) => (float)LogSpecial(x, LogSingleCore(x) * InvLn10);

    /// <summary>log(1 + x) (f32), computed in f64 and rounded once.</summary>
    public static float Log1P(float x) => (float)Log1P((double)x);
}
