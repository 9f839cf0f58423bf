namespace Dual.Gpu;

// sin, cos, sincos and tan: reduce to |r| ≤ π/4 (one reduction for sincos), evaluate the sine and cosine kernels,
// pick by quadrant. Kernels after fdlibm's __kernel_sin/__kernel_cos (the low part of r enters to first order),
// with minimax coefficients computed for this file (Sollya fpminimax, relative error 2⁻⁵⁷·⁸ for sin and 2⁻⁶³·⁸ for
// cos on [0, π/4 + 2⁻⁸]).
internal static partial class DeviceMath
{
    private const double SinC3 = -0.1666666666666663;

    /// <summary>sin(hi + lo) for |hi| ≤ π/4 + 2⁻⁸, |lo| ≤ ulp(hi); <paramref name="error"/> gets the rounding error
    /// of the last addition (for tan).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SinKernel(double hi, double lo, out double error)
    {
        double z = hi * hi;
        double v = z * hi;
        double r = Horner(z, 0.008333333333321752, -0.00019841269829245947, 2.75573134895452e-06,
            -2.505072556204785e-08, 1.589486840409485e-10);
        return FastTwoSum(hi, -((z * (0.5 * lo - v * r) - lo) - v * SinC3), out error);
    }

    /// <summary>cos(hi + lo) for |hi| ≤ π/4 + 2⁻⁸, |lo| ≤ ulp(hi); <paramref name="error"/> gets the rounding error
    /// of the last addition (for tan).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CosKernel(double hi, double lo, out double error)
    {
        double z = hi * hi;
        double r = z * Horner(z, 0.04166666666666659, -0.0013888888888872197, 2.4801587288306916e-05,
            -2.755731401948285e-07, 2.087567878750305e-09, -1.1357377726781016e-11);
        double hz = 0.5 * z;
        // w = 1 − hz and (1 − w) − hz its exact rounding error. Written −hz + 1: ILGPU rewrites c − (c − a) to a.
        double w = -hz + 1.0;
        return FastTwoSum(w, ((1.0 - w) - hz) + (z * r - hi * lo), out error);
    }

    /// <summary>Sine (f64), ≤ 1 ulp.</summary>
    public static double Sin(double x)
    {
        int q = ReduceTrig(x, out double hi, out double lo);
        double s = SinKernel(hi, lo, out _);
        double c = CosKernel(hi, lo, out _);
        double result = (q & 1) == 0 ? s : c;
        result = NegateIf(result, (q & 2) != 0);
        return System.Math.Abs(x) < 1.4901161193847656e-08 ? x : result; // sin x = x there (and keeps the sign of −0)
    }

    /// <summary>Cosine (f64), ≤ 1 ulp.</summary>
    public static double Cos(double x)
    {
        int q = ReduceTrig(x, out double hi, out double lo);
        double s = SinKernel(hi, lo, out _);
        double c = CosKernel(hi, lo, out _);
        double result = (q & 1) == 0 ? c : s;
        return NegateIf(result, ((q + 1) & 2) != 0);
    }

    /// <summary>Sine and cosine (f64) from one range reduction, each ≤ 1 ulp.</summary>
    public static void SinCos(double x, out double sin, out double cos)
    {
        int q = ReduceTrig(x, out double hi, out double lo);
        double s = SinKernel(hi, lo, out _);
        double c = CosKernel(hi, lo, out _);
        bool odd = (q & 1) != 0;
        double sinValue = NegateIf(odd ? c : s, (q & 2) != 0);
        sin = System.Math.Abs(x) < 1.4901161193847656e-08 ? x : sinValue;
        cos = NegateIf(odd ? s : c, ((q + 1) & 2) != 0);
    }

    /// <summary><see cref="SinCos(double, out double, out double)"/> in the shape of <see cref="Math.SinCos(double)"/>, which
    /// the kernel context remaps to it (.NET's own reads a JIT intrinsic that ILGPU rejects).</summary>
    public static (double Sin, double Cos) SinCosPair(double x)
    {
        SinCos(x, out double sin, out double cos);
        return (sin, cos);
    }

    /// <summary>Tangent (f64), ≤ 1 ulp: sin/cos of the reduced argument as double-doubles, divided with one residual
    /// step (−cos/sin in odd quadrants).</summary>
    public static double Tan(double x)
    {
        int q = ReduceTrig(x, out double hi, out double lo);
        double sh = SinKernel(hi, lo, out double sl);
        double ch = CosKernel(hi, lo, out double cl);
        bool odd = (q & 1) != 0;
        double nh = odd ? ch : sh, nl = odd ? cl : sl;
        double dh = odd ? sh : ch, dl = odd ? sl : cl;
        double inverse = Rcp(dh);
        double t = Divide(nh, dh, inverse, out double tl);
        double result = NegateIf(t + (tl + (nl - t * dl) * inverse), odd);
        return System.Math.Abs(x) < 7.450580596923828e-09 ? x : result; // tan x = x below 2⁻²⁷ (keeps −0)
    }

    // f32, all in single precision: sin r = r + r·z·S(z) and cos r = 1 + z·(−½ + z·C(z)) (z = r², |r| ≤ π/4 + 2⁻⁸) with
    // the coefficients of Cephes' sinf/cosf (S. L. Moshier, Cephes Math Library 2.2; the same ones CUDA's sinf kernel
    // uses), and tan r = r + r·z·T(z) with Cephes' tanf coefficients (cot r as −1/tan r with a residual step, the
    // polynomial's small part carried as a second float).

    /// <summary>Below this |x|, sin x and tan x round to x (f32; keeps the sign of −0, which r + r·z·S would lose).</summary>
    private const float SinSingleIdentityLimit = 2.44140625e-4f; // 2⁻¹²

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float SinKernelSingle(float r)
    {
        float z = r * r;
        return Fma(Horner(z, -1.6666654611e-1f, 8.3321608736e-3f, -1.9515295891e-4f) * z, r, r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float CosKernelSingle(float r)
    {
        float z = r * r;
        return Horner(z, 1f, -0.5f, 4.166664568298827e-2f, -1.388731625493765e-3f, 2.443315711809948e-5f);
    }

    /// <summary>Sine (f32), in single precision.</summary>
    public static float Sin(float x)
    {
        int q = ReduceTrigSingle(x, out float r);
        float result = (q & 1) == 0 ? SinKernelSingle(r) : CosKernelSingle(r);
        result = NegateIf(result, (q & 2) != 0);
        return System.MathF.Abs(x) < SinSingleIdentityLimit ? x : result;
    }

    /// <summary>Cosine (f32), in single precision.</summary>
    public static float Cos(float x)
    {
        int q = ReduceTrigSingle(x, out float r);
        float result = (q & 1) == 0 ? CosKernelSingle(r) : SinKernelSingle(r);
        return NegateIf(result, ((q + 1) & 2) != 0);
    }

    /// <summary>Sine and cosine (f32) from one range reduction, in single precision.</summary>
    public static void SinCos(float x, out float sin, out float cos)
    {
        int q = ReduceTrigSingle(x, out float r);
        float s = SinKernelSingle(r);
        float c = CosKernelSingle(r);
        bool odd = (q & 1) != 0;
        float sinValue = NegateIf(odd ? c : s, (q & 2) != 0);
        sin = System.MathF.Abs(x) < SinSingleIdentityLimit ? x : sinValue;
        cos = NegateIf(odd ? s : c, ((q + 1) & 2) != 0);
    }

    /// <summary><see cref="SinCos(float, out float, out float)"/> in the shape of <see cref="MathF.SinCos(float)"/>.</summary>
    public static (float Sin, float Cos) SinCosPair(float x)
    {
        SinCos(x, out float sin, out float cos);
        return (sin, cos);
    }

    /// <summary>Tangent (f32), in single precision: tan r for even quadrants, −1/tan r (with a residual step on
    /// tan r = hi + lo) for odd ones.</summary>
    public static float Tan(float x)
    {
        int q = ReduceTrigSingle(x, out float r);
        float z = r * r;
        float p = Horner(z, 3.33331568548e-1f, 1.33387994085e-1f, 5.34112807005e-2f, 2.44301354525e-2f,
            3.11992232697e-3f, 9.38540185543e-3f);
        float tail = p * z * r;
        float hi = r + tail;
        float lo = tail - (hi - r); // exact: |tail| < |r|
        float cot = DivideSingle(-1f, 0f, hi, lo);
        float result = (q & 1) == 0 ? hi : cot;
        return System.MathF.Abs(x) < SinSingleIdentityLimit ? x : result;
    }
}
