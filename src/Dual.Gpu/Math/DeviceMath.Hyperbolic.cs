namespace Dual.Gpu;

// sinh, cosh, tanh and their inverses, from the exp/expm1/log/log1p cores (double-double where a cancellation or a
// second rounding would cost an ulp) plus, for sinh below 1, a minimax odd polynomial (degree 17, relative error
// 2⁻⁶²·⁶ on [0, 1]; Sollya fpminimax).
internal static partial class DeviceMath
{
    /// <summary>e^a = 2ᵏ·(hi + lo) for 0 ≤ a ≤ 711, with 1/(hi + lo) in <paramref name="inverse"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double ExpParts(double a, out int n, out double lo, out double inverse)
    {
        double r = ReduceExp(a, out n, out double c);
        double hi = FastTwoSum(1.0, r, out double oneLo);
        hi = FastTwoSum(hi, oneLo + Fma(r * r, ExpTail(r), Fma(c, r, c)), out lo);
        double y = Rcp(hi);
        inverse = Fma(-lo * y, y, y);
        return hi;
    }

    /// <summary>Hyperbolic sine (f64), ≤ 1 ulp.</summary>
    public static double Sinh(double x)
    {
        double a = System.Math.Abs(x);
        double z = a * a;
        double p = Horner(z, 0.16666666666666666, 0.008333333333333519, 0.00019841269841133324, 2.755731927381694e-06,
            2.5052098380200965e-08, 1.6060169334172734e-10, 7.580552974876095e-13, 4.4368844976345805e-15);
        double small = Fma(a * z, p, a);
        // a ≥ 1: (e^a − e^−a)/2 = 2ᵏ⁻¹·(p − 2⁻²ᵏ/p), e^−a at most e⁻² of e^a.
        double hi = ExpParts(a, out int n, out double lo, out double inverse);
        int nc = n > 500 ? 500 : n;
        double large = ScaleB(hi + (lo - Pow2(-2 * nc) * inverse), n - 1);
        double r = a < 1.0 ? small : large;
        r = a > 711.0 ? double.PositiveInfinity : r;
        return CopySign(r, x); // NaN stays NaN
    }

    /// <summary>Hyperbolic cosine (f64), ≤ 1 ulp.</summary>
    public static double Cosh(double x)
    {
        double a = System.Math.Abs(x);
        double hi = ExpParts(a, out int n, out double lo, out double inverse);
        int nc = n > 500 ? 500 : n;
        double r = ScaleB(hi + (lo + Pow2(-2 * nc) * inverse), n - 1);
        return a > 711.0 ? double.PositiveInfinity : r; // NaN stays NaN
    }

    /// <summary>Hyperbolic tangent (f64), ≤ 1 ulp: e/(e + 2) with e = expm1(2|x|) as a double-double.</summary>
    public static double Tanh(double x)
    {
        double a = System.Math.Abs(x);
        double eh = ExpM1Core(2.0 * a, out _, out double el, out _);
        double dh = TwoSum(eh, 2.0, out double dl);
        dl += el;
        double inverse = Rcp(dh);
        double t = Divide(eh, dh, inverse, out double tl);
        double r = t + (tl + (el - t * dl) * inverse);
        r = a > 22.0 ? 1.0 : r;
        r = CopySign(r, x);
        return a < 7.450580596923828e-09 ? x : r; // tanh x = x below 2⁻²⁷ (keeps −0); NaN stays NaN
    }

    private const double Ln2Hi53 = 0.6931471805599453;
    private const double Ln2Lo53 = 2.3190468138462996e-17;

    /// <summary>log(hi + lo) for hi &gt; 0 normal, |lo| ≤ ulp(hi), rounded once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double LogOfSum(double hi, double lo, double addHi, double addLo)
    {
        double h = LogCore(hi, out double l);
        double s = TwoSum(h, addHi, out double e);
        return s + (e + (l + addLo + lo * Rcp(hi)));
    }

    /// <summary>Inverse hyperbolic sine (f64), ≤ 1 ulp.</summary>
    public static double Asinh(double x)
    {
        double a = System.Math.Abs(x);
        double a2 = a * a;
        double q = System.Math.Sqrt(a2 + 1.0);
        // a < 2: log1p(a + a²/(1 + √(1 + a²))); 2 ≤ a ≤ 2²⁸: log(2a + 1/(a + √(a² + 1))); above: log a + ln 2.
        double w = a2 * Rcp(1.0 + q);
        double uh = TwoSum(a, w, out double ul);
        double small = Log1PCore(uh, ul, out double smallLo) + smallLo;
        double vh = TwoSum(2.0 * a, Rcp(a + q), out double vl);
        bool huge = a > 268435456.0;
        double r = LogOfSum(huge ? a : vh, huge ? 0.0 : vl, huge ? Ln2Hi53 : 0.0, huge ? Ln2Lo53 : 0.0);
        r = a < 2.0 ? small : r;
        r = a == double.PositiveInfinity ? a : r;
        r = CopySign(r, x);
        return a < 7.450580596923828e-09 ? x : r; // asinh x = x below 2⁻²⁷ (keeps −0); NaN stays NaN
    }

    /// <summary>Inverse hyperbolic cosine (f64), ≤ 1 ulp; NaN below 1.</summary>
    public static double Acosh(double x)
    {
        // 1 ≤ x < 2: log1p(t + √(2t + t²)) with t = x − 1 exact; 2 ≤ x ≤ 2²⁸: log(2x − 1/(x + √(x² − 1))); above: log x + ln 2.
        double t = x - 1.0;
        double root = System.Math.Sqrt(Fma(t, t, 2.0 * t));
        double uh = TwoSum(t, root, out double ul);
        double small = Log1PCore(uh, ul, out double smallLo) + smallLo;
        double vh = TwoSum(2.0 * x, -Rcp(x + System.Math.Sqrt(Fma(x, x, -1.0))), out double vl);
        bool huge = x > 268435456.0;
        double r = LogOfSum(huge ? x : vh, huge ? 0.0 : vl, huge ? Ln2Hi53 : 0.0, huge ? Ln2Lo53 : 0.0);
        r = x < 2.0 ? small : r;
        r = x == double.PositiveInfinity ? x : r;
        return x < 1.0 ? double.NaN : r; // NaN stays NaN (comparisons are false)
    }

    /// <summary>Inverse hyperbolic tangent (f64), ≤ 1 ulp; ±∞ at ±1, NaN beyond.</summary>
    public static double Atanh(double x)
    {
        double a = System.Math.Abs(x);
        // ½·log1p(2a/(1 − a)): 1 − a is exact for a ≥ ½; below, ½·log1p(2a + 2a²/(1 − a)) keeps the rounding small.
        double oneMinus = 1.0 - a;
        double inverse = Rcp(oneMinus);
        double q = Divide(2.0 * a, oneMinus, inverse, out double ql);
        double w = 2.0 * a * a * inverse;
        double sum = TwoSum(2.0 * a, w, out double sumLo);
        double uh = a < 0.5 ? sum : q;
        double ul = a < 0.5 ? sumLo : ql;
        double r = 0.5 * (Log1PCore(uh, ul, out double lo) + lo);
        r = a == 1.0 ? double.PositiveInfinity : r;
        r = a > 1.0 ? double.NaN : r;
        r = CopySign(r, x);
        return a < 7.450580596923828e-09 ? x : r; // atanh x = x below 2⁻²⁷ (keeps −0); NaN stays NaN
    }

    /// <summary>e^a − 1 as mh + ml and e^a as hi + lo (f32, both normalized), with 1/e^a in <paramref name="inverse"/>,
    /// for 0 ≤ a ≤ 10.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float ExpPartsSingle(float a, out float ml, out float hi, out float lo, out float inverse)
    {
        float mh = ExpM1CoreSingle(a, out ml);
        hi = TwoSum(1f, mh, out float e);
        lo = e + ml;
        inverse = DivideSingle(1f, 0f, hi, lo);
        return mh;
    }

    /// <summary>e^a/2 (f32) for 10 ≤ a ≤ 90, rounded once (∞ past the overflow threshold).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float HalfExpSingle(float a)
    {
        float r = ReduceExpSingle(a, out int n, out _);
        return ScaleB(1f + Fma(r * r, ExpTailSingle(r), r), n - 1);
    }

    /// <summary>Hyperbolic sine (f32), in single precision: (m + m/e^a)/2 with m = e^a − 1 (all terms positive, so no
    /// cancellation near 0), e^a/2 from 10 on.</summary>
    public static float Sinh(float x)
    {
        float a = System.MathF.Abs(x);
        float mh = ExpPartsSingle(a, out float ml, out float hi, out float lo, out _);
        float r = 0.5f * (mh + (ml + DivideSingle(mh, ml, hi, lo)));
        r = a > 10.0f ? HalfExpSingle(a) : r;
        r = a > 90.0f ? float.PositiveInfinity : r;
        r = CopySign(r, x);
        return a < 2.44140625e-4f ? x : r; // sinh x = x below 2⁻¹² (keeps −0); NaN stays NaN
    }

    /// <summary>Hyperbolic cosine (f32), in single precision: (e^a + 1/e^a)/2, e^a/2 from 10 on.</summary>
    public static float Cosh(float x)
    {
        float a = System.MathF.Abs(x);
        ExpPartsSingle(a, out _, out float hi, out float lo, out float inverse);
        float r = 0.5f * (hi + (lo + inverse));
        r = a > 10.0f ? HalfExpSingle(a) : r;
        return a > 90.0f ? float.PositiveInfinity : r; // NaN stays NaN
    }

    /// <summary>Hyperbolic tangent (f32), in single precision: e/(e + 2) with e = expm1(2|x|) as hi + lo and one
    /// residual step in the division.</summary>
    public static float Tanh(float x)
    {
        float a = System.MathF.Abs(x);
        float eh = ExpM1CoreSingle(2f * a, out float el);
        float dh = TwoSum(eh, 2f, out float dl);
        float t = DivideSingle(eh, el, dh, dl + el);
        t = a > 10.0f ? 1.0f : t;
        float f = CopySign(t, x);
        return a < 1.220703125e-4f ? x : f; // tanh x = x below 2⁻¹³ (keeps −0); NaN stays NaN
    }

    /// <summary>Inverse hyperbolic sine (f32), computed in f64 and rounded once.</summary>
    public static float Asinh(float x) => (float)Asinh((double)x);

    /// <summary>Inverse hyperbolic cosine (f32), computed in f64 and rounded once.</summary>
    public static float Acosh(float x) => (float)Acosh((double)x);

    /// <summary>Inverse hyperbolic tangent (f32), computed in f64 and rounded once.</summary>
    public static float Atanh(float x) => (float)Atanh((double)x);
}
