using System.Runtime.CompilerServices;

namespace Dual.Gpu;

// exp, exp2, expm1: x = k·ln2 + r with |r| ≤ ln2/2 (Cody–Waite, two parts; k·Ln2Hi is exact because Ln2Hi has 42
// significant bits and |k| < 2¹¹), a minimax polynomial for e^r (no table: kernels cannot read arrays), and 2ᵏ built
// from the exponent field in two factors so that subnormal results round once. Coefficients computed for this file
// (Sollya fpminimax): exp degree 11 (relative error 2⁻⁵⁷·⁹ on [−ln2/2, ln2/2] + 2⁻¹⁰), exp2 degree 11 (2⁻⁵⁷·³).
internal static partial class DeviceMath
{
    private const double InvLn2 = 1.4426950408889634;
    private const double Ln2Hi = 0.6931471805598903;   // 42 significant bits
    private const double Ln2Lo = 5.497923018708371e-14;

    private const double ExpC2 = 0.5000000000000011;
    private const double ExpC3 = 0.1666666666666641;
    private const double ExpC4 = 0.04166666666652597;
    private const double ExpC5 = 0.008333333333494964;
    private const double ExpC6 = 0.0013888888944789425;
    private const double ExpC7 = 0.0001984126950753369;
    private const double ExpC8 = 2.4801491836432857e-05;
    private const double ExpC9 = 2.75575836151391e-06;
    private const double ExpC10 = 2.763071979727873e-07;
    private const double ExpC11 = 2.500155107470149e-08;

    /// <summary>(e^r − 1 − r)/r² for |r| ≤ ln2/2 + 2⁻¹⁰.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExpTail(double r) =>
        Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, ExpC11, ExpC10), ExpC9), ExpC8), ExpC7),
            ExpC6), ExpC5), ExpC4), ExpC3), ExpC2);

    /// <summary>Reduces x (|x| ≤ 746) to k and r + c = x − k·ln2, with r rounded and c its correction.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ReduceExp(double x, out int n, out double c)
    {
        double k = RoundToInt(x, InvLn2, out n);
        double t = x - k * Ln2Hi;   // exact
        double r = t - k * Ln2Lo;
        c = (t - r) - k * Ln2Lo;
        return r;
    }

    /// <summary>e^x (f64), ≤ 1 ulp.</summary>
    public static double Exp(double x)
    {
        double r = ReduceExp(x, out int n, out double c);
        // e^(r+c) = 1 + r + (r²·tail(r) + c·(1 + r)): 1 + r is split exactly so the final rounding is the only large one.
        double hi = FastTwoSum(1.0, r, out double lo);
        double p = hi + (lo + Fma(r * r, ExpTail(r), Fma(c, r, c)));
        double result = ScaleB(p, n);
        result = x > 709.79 ? double.PositiveInfinity : result;
        return x < -746.0 ? 0.0 : result;
    }

    /// <summary>e^x − 1 as hi + lo (about 2⁻⁶⁰ relative) for −40 ≤ x ≤ 709 (callers select the rest).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExpM1Core(double x, out int n, out double lo, out double reduced)
    {
        double r = ReduceExp(x, out n, out double c);
        double eh = FastTwoSum(r, Fma(r * r, ExpTail(r), Fma(c, r, c)), out double el); // e^(r+c) − 1
        reduced = eh;
        // e^x − 1 = 2ᵏ·e + (2ᵏ − 1): 2ᵏ·e and 2ᵏ − 1 are exact for |k| ≤ 53 (above, −1 is below half an ulp).
        int nc = n < -60 ? -60 : (n > 1000 ? 1000 : n);
        double s = Pow2(nc);
        double hi = TwoSum(s * eh, s - 1.0, out double sumError);
        lo = sumError + s * el;
        return hi;
    }

    /// <summary>e^x − 1 (f64), ≤ 1 ulp, accurate near 0.</summary>
    public static double ExpM1(double x)
    {
        double hi = ExpM1Core(x, out int n, out double lo, out double e);
        double result = hi + lo;
        // Near overflow 2ᵏ itself overflows: scale 2ᵏ⁻¹ (e^x − 1 = e^x there) and double.
        double half = Pow2(n - 1 > 1023 ? 1023 : n - 1);
        result = n > 1000 ? Fma(half, e, half) * 2.0 : result;
        result = x > 709.79 ? double.PositiveInfinity : result;
        result = x < -40.0 ? -1.0 : result;
        return System.Math.Abs(x) < 5.551115123125783e-17 ? x : result; // |x| < 2⁻⁵⁴: x itself (keeps −0)
    }

    private const double Exp2C1 = 0.6931471805599453;
    private const double Exp2C2 = 0.24022650695910136;
    private const double Exp2C3 = 0.055504108664822305;
    private const double Exp2C4 = 0.009618129107592433;
    private const double Exp2C5 = 0.0013333558146367119;
    private const double Exp2C6 = 0.00015403530459085738;
    private const double Exp2C7 = 1.5252733820351815e-05;
    private const double Exp2C8 = 1.3215434345514483e-06;
    private const double Exp2C9 = 1.0178080083096328e-07;
    private const double Exp2C10 = 7.07393895599138e-09;
    private const double Exp2C11 = 4.451021029747205e-10;

    /// <summary>2^x (f64), ≤ 1 ulp.</summary>
    public static double Exp2(double x)
    {
        double k = RoundToInt(x, 1.0, out int n);
        double r = x - k; // exact
        double q = Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Exp2C11, Exp2C10), Exp2C9),
            Exp2C8), Exp2C7), Exp2C6), Exp2C5), Exp2C4), Exp2C3), Exp2C2), Exp2C1);
        double p = 1.0 + r * q;
        double result = ScaleB(p, n);
        result = x > 1024.5 ? double.PositiveInfinity : result;
        return x < -1080.0 ? 0.0 : result;
    }

    // f32: computed in f64 with constants of 21 significant bits, which fit DFMA's 32-bit immediate field (no constant
    // loads): k from a short log2(e) (at most 2⁻¹⁶ off the nearest, so |r| ≤ ln2/2 + 2⁻¹³), ln 2 in two parts (k·A and
    // the first subtraction exact, k·B and the second exact, the rest ≈ k·2⁻⁵³), and e^r = 1 + r·(1 + r·Q(r)) with Q
    // of degree 5 (relative error 2⁻³¹·⁹ on [−0.3467, 0.3467]; Sollya fpminimax, formats [|1, 21, …, 21|]).
    private const double InvLn2Short = 1.4426946640014648;     // 0x3FF71547_00000000
    private const double Ln2ShortA = 0.6931471824645996;       // 0x3FE62E43_00000000
    private const double Ln2ShortB = -1.9046542121259336e-09;  // 0xBE205C61_00000000
    private const double ExpFQ1 = 0.16666662693023681640625;
    private const double ExpFQ2 = 4.1666507720947265625e-2;
    private const double ExpFQ3 = 8.33438336849212646484375e-3;
    private const double ExpFQ4 = 1.393086276948451995849609375e-3;
    private const double ExpFQ5 = 1.92498438991606235504150390625e-4;

    /// <summary>Reduces x (|x| ≤ 210) to r = x − k·ln 2 (exact but for ≈ k·2⁻⁵³) and returns k.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ReduceExpSingle(double x, out int n)
    {
        double k = RoundToInt(x, InvLn2Short, out n);
        return Fma(k, -Ln2ShortB, Fma(k, -Ln2ShortA, x));
    }

    /// <summary>(e^r − 1)/r for |r| ≤ ln2/2 + 2⁻¹³, to 2⁻³¹ relative (f32 kernels).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExpM1OverSingle(double r) =>
        Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, ExpFQ5, ExpFQ4), ExpFQ3), ExpFQ2), ExpFQ1), 0.5), 1.0);

    /// <summary>e^x (f32), computed in f64 and rounded once.</summary>
    public static float Exp(float x)
    {
        double r = ReduceExpSingle(x, out int n);
        // 2ⁿ is normal for the n that reach here (−151 ≤ n ≤ 129): one product, then one rounding to float (overflow to
        // ∞ and subnormal results included).
        float result = (float)(Fma(r, ExpM1OverSingle(r), 1.0) * Pow2(n));
        result = x > 89.0f ? float.PositiveInfinity : result;
        return x < -104.0f ? 0.0f : result;
    }

    /// <summary>e^x − 1 (f32), computed in f64 and rounded once.</summary>
    public static float ExpM1(float x) => (float)ExpM1((double)x);

    private const double Exp2FC1 = 0.6931471807068024;
    private const double Exp2FC2 = 0.24022651070893647;
    private const double Exp2FC3 = 0.055504103601100745;
    private const double Exp2FC4 = 0.009618037423105366;
    private const double Exp2FC5 = 0.001333393800133062;
    private const double Exp2FC6 = 0.0001546700261654259;
    private const double Exp2FC7 = 1.5195936631991616e-05;

    /// <summary>2^x (f32), computed in f64 and rounded once.</summary>
    public static float Exp2(float x)
    {
        double xd = x;
        double k = RoundToInt(xd, 1.0, out int n);
        double r = xd - k;
        double q = Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Fma(r, Exp2FC7, Exp2FC6), Exp2FC5), Exp2FC4), Exp2FC3), Exp2FC2),
            Exp2FC1);
        n = n < -300 ? -300 : (n > 300 ? 300 : n);
        float result = (float)(Fma(r, q, 1.0) * Pow2(n));
        result = x > 129.0f ? float.PositiveInfinity : result;
        return x < -151.0f ? 0.0f : result;
    }
}
