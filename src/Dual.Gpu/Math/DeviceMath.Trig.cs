using System;
using System.Runtime.CompilerServices;

namespace Dual.Gpu;

// sin, cos, sincos and tan: reduce to |r| ≤ π/4 (one reduction for sincos), evaluate the sine and cosine kernels,
// pick by quadrant. Kernels after fdlibm's __kernel_sin/__kernel_cos (the low part of r enters to first order),
// with minimax coefficients computed for this file (Sollya fpminimax, relative error 2⁻⁵⁷·⁸ for sin and 2⁻⁶³·⁸ for
// cos on [0, π/4 + 2⁻⁸]).
internal static partial class DeviceMath
{
    private const double SinC3 = -0.1666666666666663;
    private const double SinC5 = 0.008333333333321752;
    private const double SinC7 = -0.00019841269829245947;
    private const double SinC9 = 2.75573134895452e-06;
    private const double SinC11 = -2.505072556204785e-08;
    private const double SinC13 = 1.589486840409485e-10;

    private const double CosC4 = 0.04166666666666659;
    private const double CosC6 = -0.0013888888888872197;
    private const double CosC8 = 2.4801587288306916e-05;
    private const double CosC10 = -2.755731401948285e-07;
    private const double CosC12 = 2.087567878750305e-09;
    private const double CosC14 = -1.1357377726781016e-11;

    /// <summary>sin(hi + lo) for |hi| ≤ π/4 + 2⁻⁸, |lo| ≤ ulp(hi); <paramref name="error"/> gets the rounding error
    /// of the last addition (for tan).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SinKernel(double hi, double lo, out double error)
    {
        double z = hi * hi;
        double v = z * hi;
        double r = Fma(z, Fma(z, Fma(z, Fma(z, SinC13, SinC11), SinC9), SinC7), SinC5);
        return FastTwoSum(hi, -((z * (0.5 * lo - v * r) - lo) - v * SinC3), out error);
    }

    /// <summary>cos(hi + lo) for |hi| ≤ π/4 + 2⁻⁸, |lo| ≤ ulp(hi); <paramref name="error"/> gets the rounding error
    /// of the last addition (for tan).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CosKernel(double hi, double lo, out double error)
    {
        double z = hi * hi;
        double r = z * Fma(z, Fma(z, Fma(z, Fma(z, Fma(z, CosC14, CosC12), CosC10), CosC8), CosC6), CosC4);
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

    // f32: the reduced argument r (|r| ≤ 0.85, a double) goes through short f64 kernels whose coefficients have 21
    // significant bits, so each fits DFMA's 32-bit immediate (no constant loads): sin r = r·(1 + z·P(z)) (relative
    // error 2⁻²⁷·⁷) and cos r = 1 + z·(−½ + z·Q(z)) (absolute error 2⁻³⁰), z = r²; one rounding to float at the end.
    // Sollya fpminimax on z ∈ [0, 0.85²] with formats [|21, 21, 21, 21|].
    private const double SinFS0 = -0.16666662693023681640625;
    private const double SinFS1 = 8.33289325237274169921875e-3;
    private const double SinFS2 = -1.9718823023140430450439453125e-4;
    private const double SinFS3 = 1.7661359379417262971401214599609375e-6;
    private const double CosFQ0 = 4.16666567325592041015625e-2;
    private const double CosFQ1 = -1.38877145946025848388671875e-3;
    private const double CosFQ2 = 2.4463646695949137210845947265625e-5;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SinKernelSingle(double r)
    {
        double z = r * r;
        return r * Fma(z, Fma(z, Fma(z, Fma(z, SinFS3, SinFS2), SinFS1), SinFS0), 1.0); // r·(…) keeps the sign of ±0
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CosKernelSingle(double r)
    {
        double z = r * r;
        return Fma(z, Fma(z, Fma(z, Fma(z, CosFQ2, CosFQ1), CosFQ0), -0.5), 1.0);
    }

    /// <summary>Sine (f32), computed in f64 and rounded once.</summary>
    public static float Sin(float x)
    {
        int q = ReduceTrigSingle(x, out double r);
        double result = (q & 1) == 0 ? SinKernelSingle(r) : CosKernelSingle(r);
        return NegateIf((float)result, (q & 2) != 0);
    }

    /// <summary>Cosine (f32), computed in f64 and rounded once.</summary>
    public static float Cos(float x)
    {
        int q = ReduceTrigSingle(x, out double r);
        double result = (q & 1) == 0 ? CosKernelSingle(r) : SinKernelSingle(r);
        return NegateIf((float)result, ((q + 1) & 2) != 0);
    }

    /// <summary>Sine and cosine (f32) from one range reduction.</summary>
    public static void SinCos(float x, out float sin, out float cos)
    {
        int q = ReduceTrigSingle(x, out double r);
        float s = (float)SinKernelSingle(r);
        float c = (float)CosKernelSingle(r);
        bool odd = (q & 1) != 0;
        sin = NegateIf(odd ? c : s, (q & 2) != 0);
        cos = NegateIf(odd ? s : c, ((q + 1) & 2) != 0);
    }

    /// <summary><see cref="SinCos(float, out float, out float)"/> in the shape of <see cref="MathF.SinCos(float)"/>.</summary>
    public static (float Sin, float Cos) SinCosPair(float x)
    {
        SinCos(x, out float sin, out float cos);
        return (sin, cos);
    }

    /// <summary>Tangent (f32), computed in f64 (sin/cos of the reduced argument, a 2⁻²⁷ reciprocal) and rounded once.</summary>
    public static float Tan(float x)
    {
        int q = ReduceTrigSingle(x, out double r);
        double s = SinKernelSingle(r);
        double c = CosKernelSingle(r);
        bool odd = (q & 1) != 0;
        double n = odd ? c : s, d = odd ? s : c;
        return NegateIf((float)(n * RcpSingle(d)), odd);
    }
}
