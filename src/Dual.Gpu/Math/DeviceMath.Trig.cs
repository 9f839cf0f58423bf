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

    /// <summary>sin(hi + lo) for |hi| ≤ π/4 + 2⁻⁸, |lo| ≤ ulp(hi).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SinKernel(double hi, double lo)
    {
        double z = hi * hi;
        double v = z * hi;
        double r = Fma(z, Fma(z, Fma(z, Fma(z, SinC13, SinC11), SinC9), SinC7), SinC5);
        return hi - ((z * (0.5 * lo - v * r) - lo) - v * SinC3);
    }

    /// <summary>cos(hi + lo) for |hi| ≤ π/4 + 2⁻⁸, |lo| ≤ ulp(hi).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CosKernel(double hi, double lo)
    {
        double z = hi * hi;
        double r = z * Fma(z, Fma(z, Fma(z, Fma(z, Fma(z, CosC14, CosC12), CosC10), CosC8), CosC6), CosC4);
        double hz = 0.5 * z;
        // w = 1 − hz and (1 − w) − hz its exact rounding error. Written −hz + 1: ILGPU rewrites c − (c − a) to a.
        double w = -hz + 1.0;
        return w + (((1.0 - w) - hz) + (z * r - hi * lo));
    }

    /// <summary>Sine (f64), ≤ 1 ulp.</summary>
    public static double Sin(double x)
    {
        int q = ReduceTrig(x, out double hi, out double lo);
        double s = SinKernel(hi, lo);
        double c = CosKernel(hi, lo);
        double result = (q & 1) == 0 ? s : c;
        result = NegateIf(result, (q & 2) != 0);
        return System.Math.Abs(x) < 1.4901161193847656e-08 ? x : result; // sin x = x there (and keeps the sign of −0)
    }

    /// <summary>Cosine (f64), ≤ 1 ulp.</summary>
    public static double Cos(double x)
    {
        int q = ReduceTrig(x, out double hi, out double lo);
        double s = SinKernel(hi, lo);
        double c = CosKernel(hi, lo);
        double result = (q & 1) == 0 ? c : s;
        return NegateIf(result, ((q + 1) & 2) != 0);
    }

    /// <summary>Sine and cosine (f64) from one range reduction, each ≤ 1 ulp.</summary>
    public static void SinCos(double x, out double sin, out double cos)
    {
        int q = ReduceTrig(x, out double hi, out double lo);
        double s = SinKernel(hi, lo);
        double c = CosKernel(hi, lo);
        bool odd = (q & 1) != 0;
        double sinValue = NegateIf(odd ? c : s, (q & 2) != 0);
        sin = System.Math.Abs(x) < 1.4901161193847656e-08 ? x : sinValue;
        cos = NegateIf(odd ? s : c, ((q + 1) & 2) != 0);
    }

    // f32: |x| < 2²⁰ reduces in f64 with a two-part constant (the float's 24 bits times k < 2²⁰ leave ample room);
    // larger |x| go through the f64 Payne–Hanek path. Kernels of degree 9/8 (relative error 2⁻³⁷·⁴ and 2⁻³³·⁸ on [0, π/4 + 2⁻⁸]).
    private const double SinFC3 = -0.16666666639743666;
    private const double SinFC5 = 0.008333329182680652;
    private const double SinFC7 = -0.0001983927297319218;
    private const double SinFC9 = 2.7177470958203972e-06;
    private const double CosFC2 = -0.49999999681776525;
    private const double CosFC4 = 0.041666618928514434;
    private const double CosFC6 = -0.0013886636690700336;
    private const double CosFC8 = 2.437935308818761e-05;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ReduceTrigSingle(float x, out double r)
    {
        double xd = x;
        if (System.Math.Abs(xd) < TrigMediumLimit)
        {
            double k = RoundToInt(xd, TwoOverPi, out int n);
            // x − k·A is exact (33-bit A); the remaining error k·(π/2 − A − B) ≈ 2²⁰·2⁻⁸⁷ is far below a float ulp of r.
            r = (xd - k * PiO2A) - k * (PiO2B + PiO2C);
            return n & 3;
        }
        TrigReduction t = ReduceTrigHuge(xd);
        r = IsFiniteBits(xd) ? t.Hi + t.Lo : xd - xd;
        return t.Quadrant;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double SinKernelSingle(double r)
    {
        double z = r * r;
        return Fma(r * z, Fma(z, Fma(z, Fma(z, SinFC9, SinFC7), SinFC5), SinFC3), r);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double CosKernelSingle(double r)
    {
        double z = r * r;
        return Fma(z, Fma(z, Fma(z, Fma(z, CosFC8, CosFC6), CosFC4), CosFC2), 1.0);
    }

    /// <summary>Sine (f32), computed in f64 and rounded once.</summary>
    public static float Sin(float x)
    {
        int q = ReduceTrigSingle(x, out double r);
        double result = (q & 1) == 0 ? SinKernelSingle(r) : CosKernelSingle(r);
        float f = (float)NegateIf(result, (q & 2) != 0);
        return System.Math.Abs(x) < 1.220703125e-4f ? x : f;
    }

    /// <summary>Cosine (f32), computed in f64 and rounded once.</summary>
    public static float Cos(float x)
    {
        int q = ReduceTrigSingle(x, out double r);
        double result = (q & 1) == 0 ? CosKernelSingle(r) : SinKernelSingle(r);
        return (float)NegateIf(result, ((q + 1) & 2) != 0);
    }

    /// <summary>Sine and cosine (f32) from one range reduction.</summary>
    public static void SinCos(float x, out float sin, out float cos)
    {
        int q = ReduceTrigSingle(x, out double r);
        double s = SinKernelSingle(r);
        double c = CosKernelSingle(r);
        bool odd = (q & 1) != 0;
        float sinValue = (float)NegateIf(odd ? c : s, (q & 2) != 0);
        sin = System.Math.Abs(x) < 1.220703125e-4f ? x : sinValue;
        cos = (float)NegateIf(odd ? s : c, ((q + 1) & 2) != 0);
    }
}
