using ILGPU;

namespace Dual.Gpu.Tests;

/// <summary>
/// Kernels calling DeviceMath: one per function and precision (what ../shared/gpu/sass-report.sh measures; the
/// Identity kernels are the load/store baseline to subtract), and one that calls every function (PTX and CPU
/// accelerator tests). Unary kernels read x and write y; binary ones read x and x2.
/// </summary>
public static class DeviceMathKernels
{
    public static void IdentityF64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y) => y[i] = x[i];
    public static void SinF64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y) => y[i] = DeviceMath.Sin(x[i]);
    public static void CosF64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y) => y[i] = DeviceMath.Cos(x[i]);
    public static void SinCosF64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y)
    {
        DeviceMath.SinCos(x[i], out double s, out double c);
        y[i] = s;
        x2[i] = c;
    }
    public static void ExpF64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y) => y[i] = DeviceMath.Exp(x[i]);
    public static void Exp2F64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y) => y[i] = DeviceMath.Exp2(x[i]);
    public static void ExpM1F64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y) => y[i] = DeviceMath.ExpM1(x[i]);
    public static void LogF64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y) => y[i] = DeviceMath.Log(x[i]);
    public static void Log2F64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y) => y[i] = DeviceMath.Log2(x[i]);
    public static void Log10F64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y) => y[i] = DeviceMath.Log10(x[i]);
    public static void Log1PF64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y) => y[i] = DeviceMath.Log1P(x[i]);

    public static void IdentityF32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y) => y[i] = x[i];
    public static void SinF32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y) => y[i] = DeviceMath.Sin(x[i]);
    public static void CosF32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y) => y[i] = DeviceMath.Cos(x[i]);
    public static void SinCosF32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y)
    {
        DeviceMath.SinCos(x[i], out float s, out float c);
        y[i] = s;
        x2[i] = c;
    }
    public static void ExpF32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y) => y[i] = DeviceMath.Exp(x[i]);
    public static void Exp2F32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y) => y[i] = DeviceMath.Exp2(x[i]);
    public static void ExpM1F32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y) => y[i] = DeviceMath.ExpM1(x[i]);
    public static void LogF32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y) => y[i] = DeviceMath.Log(x[i]);
    public static void Log2F32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y) => y[i] = DeviceMath.Log2(x[i]);
    public static void Log10F32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y) => y[i] = DeviceMath.Log10(x[i]);
    public static void Log1PF32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y) => y[i] = DeviceMath.Log1P(x[i]);

    /// <summary>The functions of <see cref="AllF64"/>, in order, as the host calls them.</summary>
    public static double[] HostAll(double a, double b)
    {
        DeviceMath.SinCos(a, out double s, out double c);
        return new[]
        {
            DeviceMath.Sin(a), DeviceMath.Cos(a), s, c, DeviceMath.Exp(a), DeviceMath.Exp2(a), DeviceMath.ExpM1(a),
            DeviceMath.Log(a), DeviceMath.Log2(a), DeviceMath.Log10(a), DeviceMath.Log1P(a),
        };
    }

    /// <summary>The functions of <see cref="AllF32"/>, in order, as the host calls them.</summary>
    public static float[] HostAll(float a, float b)
    {
        DeviceMath.SinCos(a, out float s, out float c);
        return new[]
        {
            DeviceMath.Sin(a), DeviceMath.Cos(a), s, c, DeviceMath.Exp(a), DeviceMath.Exp2(a), DeviceMath.ExpM1(a),
            DeviceMath.Log(a), DeviceMath.Log2(a), DeviceMath.Log10(a), DeviceMath.Log1P(a),
        };
    }

    public const int AllCount = 11;

    /// <summary>Every DeviceMath function (f64) of x[i] (and x2[i]) into y[i·AllCount …].</summary>
    public static void AllF64(Index1D i, ArrayView<double> x, ArrayView<double> x2, ArrayView<double> y)
    {
        double a = x[i];
        long o = (long)(int)i * AllCount;
        DeviceMath.SinCos(a, out double s, out double c);
        y[o] = DeviceMath.Sin(a);
        y[o + 1] = DeviceMath.Cos(a);
        y[o + 2] = s;
        y[o + 3] = c;
        y[o + 4] = DeviceMath.Exp(a);
        y[o + 5] = DeviceMath.Exp2(a);
        y[o + 6] = DeviceMath.ExpM1(a);
        y[o + 7] = DeviceMath.Log(a);
        y[o + 8] = DeviceMath.Log2(a);
        y[o + 9] = DeviceMath.Log10(a);
        y[o + 10] = DeviceMath.Log1P(a);
    }

    /// <summary>Every DeviceMath function (f32) of x[i] (and x2[i]) into y[i·AllCount …].</summary>
    public static void AllF32(Index1D i, ArrayView<float> x, ArrayView<float> x2, ArrayView<float> y)
    {
        float a = x[i];
        long o = (long)(int)i * AllCount;
        DeviceMath.SinCos(a, out float s, out float c);
        y[o] = DeviceMath.Sin(a);
        y[o + 1] = DeviceMath.Cos(a);
        y[o + 2] = s;
        y[o + 3] = c;
        y[o + 4] = DeviceMath.Exp(a);
        y[o + 5] = DeviceMath.Exp2(a);
        y[o + 6] = DeviceMath.ExpM1(a);
        y[o + 7] = DeviceMath.Log(a);
        y[o + 8] = DeviceMath.Log2(a);
        y[o + 9] = DeviceMath.Log10(a);
        y[o + 10] = DeviceMath.Log1P(a);
    }
}
