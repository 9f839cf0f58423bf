using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace Dual.Gpu.Tests;

/// <summary>Ulp distances and argument generators for the DeviceMath accuracy tests.</summary>
internal static class DeviceMathTestSupport
{
    /// <summary>The number of doubles between a and b (0 when both are NaN; ∞ when only one is).</summary>
    public static double UlpDistance(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b))
            return double.IsNaN(a) && double.IsNaN(b) ? 0 : double.PositiveInfinity;
        return Math.Abs((double)(Ordered(a) - Ordered(b)));
    }

    /// <summary>The number of floats between a and b (0 when both are NaN; ∞ when only one is).</summary>
    public static double UlpDistance(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b))
            return float.IsNaN(a) && float.IsNaN(b) ? 0 : double.PositiveInfinity;
        return Math.Abs((double)(Ordered(a) - (long)Ordered(b)));
    }

    private static long Ordered(double x)
    {
        long i = BitConverter.DoubleToInt64Bits(x);
        return i < 0 ? long.MinValue - i : i;
    }

    private static long Ordered(float x)
    {
        int i = BitConverter.SingleToInt32Bits(x);
        return i < 0 ? int.MinValue - (long)i : i;
    }

    /// <summary>Doubles whose exponents are uniform over the whole range (subnormals included), random sign and
    /// mantissa: the log-uniform sample over [2⁻¹⁰⁷⁴, 2¹⁰²⁴).</summary>
    public static IEnumerable<double> LogUniform(Random random, int count, bool positiveOnly = false)
    {
        for (int k = 0; k < count; k++)
        {
            ulong mantissa = (ulong)random.NextInt64() & 0x000F_FFFF_FFFF_FFFFUL;
            ulong exponent = (ulong)random.Next(0, 2047);
            ulong sign = !positiveOnly && random.Next(2) == 1 ? 0x8000_0000_0000_0000UL : 0UL;
            yield return BitConverter.Int64BitsToDouble((long)(sign | (exponent << 52) | mantissa));
        }
    }

    /// <summary>Doubles with |x| log-uniform in [lo, hi) and random sign (or positive).</summary>
    public static IEnumerable<double> LogUniform(Random random, int count, double lo, double hi, bool positiveOnly = false)
    {
        double a = Math.Log(lo), b = Math.Log(hi);
        for (int k = 0; k < count; k++)
        {
            double x = Math.Exp(a + (b - a) * random.NextDouble());
            yield return !positiveOnly && random.Next(2) == 1 ? -x : x;
        }
    }

    /// <summary>Doubles uniform in [lo, hi).</summary>
    public static IEnumerable<double> Uniform(Random random, int count, double lo, double hi)
    {
        for (int k = 0; k < count; k++)
            yield return lo + (hi - lo) * random.NextDouble();
    }

    /// <summary>Floats whose exponents are uniform over the whole range (subnormals included).</summary>
    public static IEnumerable<float> LogUniformSingle(Random random, int count, bool positiveOnly = false)
    {
        for (int k = 0; k < count; k++)
        {
            uint mantissa = (uint)random.Next() & 0x007F_FFFFu;
            uint exponent = (uint)random.Next(0, 255);
            uint sign = !positiveOnly && random.Next(2) == 1 ? 0x8000_0000u : 0u;
            yield return BitConverter.Int32BitsToSingle((int)(sign | (exponent << 23) | mantissa));
        }
    }

    /// <summary>The special values every function is checked at.</summary>
    public static readonly double[] SpecialDoubles =
    {
        0.0, -0.0, double.Epsilon, -double.Epsilon, 2.2250738585072009e-308, -2.2250738585072009e-308,
        2.2250738585072014e-308, 1e-300, -1e-300, 1e-20, -1e-20, 1.4901161193847656e-08, 0.5, -0.5, 1.0, -1.0, 2.0, -2.0,
        Math.PI / 4, Math.PI / 2, -Math.PI / 2, Math.PI, -Math.PI, 3.0, 10.0, -10.0, 20.0, 22.0, 40.0, 100.0, -100.0,
        700.0, 709.78, 709.79, 710.0, -708.0, -745.0, -745.14, -746.0, 1023.0, 1024.0, -1074.0, -1075.0, -1076.0,
        1048575.0, 1048577.0, 1e10, -1e10, 1e22, 1e300, -1e300,
        double.MaxValue, -double.MaxValue, double.PositiveInfinity, double.NegativeInfinity, double.NaN,
    };

    /// <summary>The special values every f32 function is checked at.</summary>
    public static readonly float[] SpecialSingles =
    {
        0.0f, -0.0f, float.Epsilon, -float.Epsilon, 1.1754942e-38f, -1.1754942e-38f, 1.17549435e-38f, 1e-20f, -1e-20f,
        1.220703125e-4f, 0.5f, -0.5f, 1.0f, -1.0f, 2.0f, -2.0f, MathF.PI / 4, MathF.PI / 2, MathF.PI, -MathF.PI, 3.0f,
        10.0f, -10.0f, 20.0f, 88.0f, 88.72f, 88.73f, 89.0f, -87.0f, -103.0f, -104.0f, -150.0f, 127.0f, 128.0f, -149.0f,
        -150.0f, 1048575.0f, 1048577.0f, 1e10f, -1e10f, 1e30f, float.MaxValue, -float.MaxValue,
        float.PositiveInfinity, float.NegativeInfinity, float.NaN,
    };

    /// <summary>
    /// The double nearest to ∛x, by exact arithmetic: among Math.Cbrt(x) and its neighbours within 4 ulp, the one whose
    /// cube is closest to x (dyadic rationals cubed in BigInteger). glibc's cbrt is up to 3 ulp off, so it cannot be
    /// the oracle.
    /// </summary>
    public static double CbrtExact(double x)
    {
        double c0 = Math.Cbrt(x);
        if (x == 0 || double.IsNaN(x) || double.IsInfinity(x))
            return c0;
        var candidates = new double[9];
        candidates[4] = c0;
        for (int k = 1; k <= 4; k++)
        {
            candidates[4 + k] = Math.BitIncrement(candidates[3 + k]);
            candidates[4 - k] = Math.BitDecrement(candidates[5 - k]);
        }
        (BigInteger mx, int ex) = Dyadic(x);
        var dyadic = candidates.Select(Dyadic).ToArray();
        int common = Math.Min(ex, dyadic.Min(d => 3 * d.E));
        BigInteger target = mx << (ex - common);
        double best = c0;
        BigInteger bestDistance = -1;
        for (int k = 0; k < candidates.Length; k++)
        {
            BigInteger d = BigInteger.Abs((BigInteger.Pow(dyadic[k].M, 3) << (3 * dyadic[k].E - common)) - target);
            if (bestDistance < 0 || d < bestDistance)
                (best, bestDistance) = (candidates[k], d);
        }
        return best;
    }

    /// <summary>x = m·2ᵉ exactly (m a signed integer).</summary>
    private static (BigInteger M, int E) Dyadic(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int field = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0x000F_FFFF_FFFF_FFFFL;
        int e = field == 0 ? -1074 : field - 1075;
        if (field != 0)
            mantissa |= 1L << 52;
        return (x < 0 ? -mantissa : mantissa, e);
    }
}
