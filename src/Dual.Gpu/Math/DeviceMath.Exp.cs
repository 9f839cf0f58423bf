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

    /// <summary>(e^r − 1 − r)/r² for |r| ≤ ln2/2 + 2⁻¹⁰.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExpTail(double r) =>
        Horner(r, 0.5000000000000011, 0.1666666666666641, 0.04166666666652597, 0.008333333333494964,
            0.0013888888944789425, 0.0001984126950753369, 2.4801491836432857e-05, 2.75575836151391e-06,
            2.763071979727873e-07, 2.500155107470149e-08);

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

    /// <summary>2^x (f64), ≤ 1 ulp.</summary>
    public static double Exp2(double x)
    {
        double k = RoundToInt(x, 1.0, out int n);
        double r = x - k; // exact
        double q = Horner(r, 0.6931471805599453, 0.24022650695910136, 0.055504108664822305, 0.009618129107592433,
            0.0013333558146367119, 0.00015403530459085738, 1.5252733820351815e-05, 1.3215434345514483e-06,
            1.0178080083096328e-07, 7.07393895599138e-09, 4.451021029747205e-10);
        double p = 1.0 + r * q;
        double result = ScaleB(p, n);
        result = x > 1024.5 ? double.PositiveInfinity : result;
        return x < -1080.0 ? 0.0 : result;
    }

    // f32, all in single precision: k = rint(x·log₂e) from a shifter, r = x − k·ln 2 with ln 2 in two parts (k·A and
    // x − k·A exact: A has 16 significant bits, |k| ≤ 151), e^r = 1 + r + r²·P(r) with the coefficients of Cephes'
    // expf (S. L. Moshier, Cephes Math Library 2.2; relative error about 1 ulp on [−ln2/2, ln2/2]), and 2ᵏ in two exact
    // factors so that a subnormal result rounds once. 2^x: r = x − k exact, 2^r = 1 + r·Q(r) with Cephes' exp2f
    // coefficients. e^x − 1: e^(r+c) − 1 as hi + lo (c the rounding error of r), then 2ᵏ·(hi + lo) + (2ᵏ − 1) summed
    // with one final rounding.
    private const float InvLn2Single = 1.4426950216293335f;
    private const float Ln2SingleA = 0.693145751953125f;      // 0x3F317200
    private const float Ln2SingleB = 1.428606765330187e-06f;  // 0x35BFBE8E

    /// <summary>Reduces x (|x| &lt; 2²¹) to k and r + c = x − k·ln 2, with r rounded and c its rounding error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ReduceExpSingle(float x, out int n, out float c)
    {
        float k = RoundToInt(x, InvLn2Single, out n);
        float t = Fma(k, -Ln2SingleA, x); // exact
        float r = Fma(k, -Ln2SingleB, t);
        c = Fma(k, -Ln2SingleB, t - r);  // t − r is exact (Sterbenz)
        return r;
    }

    /// <summary>(e^r − 1 − r)/r² for |r| ≤ ln2/2 + 2⁻¹⁶ (Cephes expf).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ExpTailSingle(float r) =>
        Horner(r, 5.0000001201e-1f, 1.6666665459e-1f, 4.1665795894e-2f, 8.3334519073e-3f, 1.3981999507e-3f,
            1.9875691500e-4f);

    /// <summary>e^x (f32), in single precision.</summary>
    public static float Exp(float x)
    {
        float r = ReduceExpSingle(x, out int n, out _);
        // 1 + (r + r²·P): the one large rounding is the last addition. −151 ≤ n ≤ 129 for the x that reach here.
        float result = ScaleB(1f + Fma(r * r, ExpTailSingle(r), r), n);
        result = x > 89.0f ? float.PositiveInfinity : result;
        return x < -104.0f ? 0.0f : result;
    }

    /// <summary>e^x − 1 as hi + lo (f32, about 2⁻³⁰ relative) for −60 ≤ x ≤ 60: 2ᵏ·e + (2ᵏ − 1) with e = e^(r+c) − 1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ExpM1CoreSingle(float x, out float lo)
    {
        float r = ReduceExpSingle(x, out int n, out float c);
        float eLo = Fma(r * r, ExpTailSingle(r), Fma(c, r, c)); // e = r + eLo
        n = n < -60 ? -60 : (n > 100 ? 100 : n);
        float s = Pow2Single(n);
        // s·r and s·eLo are exact; s − 1 is exact for |k| ≤ 24 (above, −1 is below half an ulp of the sum).
        float sum = TwoSum(s * r, s - 1f, out float sumError);
        // Normalized (|lo| ≤ ulp(hi)), so that a quotient's reciprocal can be taken of hi alone (tanh).
        float hi = sum + Fma(s, eLo, sumError);
        lo = Fma(s, eLo, sumError) - (hi - sum); // Fast2Sum: |sum| ≥ |s·eLo|
        return hi;
    }

    /// <summary>e^x − 1 (f32), in single precision, accurate near 0.</summary>
    public static float ExpM1(float x)
    {
        float hi = ExpM1CoreSingle(x, out float lo);
        float result = hi + lo;
        // Above 40, e^x > 2⁵⁷ and the −1 is far below half an ulp: e^x itself (covers overflow and +∞).
        result = x > 40.0f ? Exp(x) : result;
        result = x < -20.0f ? -1.0f : result;
        return System.MathF.Abs(x) < 2.98023224e-8f ? x : result; // |x| < 2⁻²⁵: x itself (keeps −0)
    }

    /// <summary>2^x (f32), in single precision.</summary>
    public static float Exp2(float x)
    {
        float k = RoundToInt(x, 1f, out int n);
        float r = x - k; // exact
        float q = Horner(r, 6.931472028550421e-1f, 2.402264791363012e-1f, 5.550332471162809e-2f,
            9.618437357674640e-3f, 1.339887440266574e-3f, 1.535336188319500e-4f);
        n = n < -200 ? -200 : (n > 200 ? 200 : n);
        float result = ScaleB(Fma(r, q, 1f), n);
        result = x > 129.0f ? float.PositiveInfinity : result;
        return x < -151.0f ? 0.0f : result;
    }
}
