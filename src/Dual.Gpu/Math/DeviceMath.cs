using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using ILGPU;
using ILGPU.Runtime;

namespace Dual.Gpu;

/// <summary>
/// The library's own transcendental functions for kernels, in f64 and f32: range reduction plus minimax polynomials
/// evaluated as fused multiply-adds, so that ILGPU compiles each one to straight-line PTX with no call into
/// ILGPU.Algorithms' CORDIC routines, no CUDA library call and no division (reciprocals come from a polynomial seed
/// refined by Newton steps). Accurate to ≤ 2 ulp against <see cref="Math"/>/<see cref="MathF"/> over the whole range
/// (see tests/Dual.Gpu.Tests/DeviceMath*Tests.cs); ±0, subnormals, ±∞, NaN, overflow and underflow follow IEEE 754 and
/// C99 as <see cref="Math"/> does.
/// </summary>
/// <remarks>
/// <para><b>f32.</b> The float overloads compute in f64 with polynomials of lower degree and round once at the end
/// (as glibc and ARM's optimized routines do for <c>sinf</c>, <c>expf</c>, <c>powf</c>), so they are within an ulp of
/// the correctly rounded result.</para>
/// <para><b>FMA.</b> ILGPU 1.5.3 has no FMA intrinsic: <see cref="Math.FusedMultiplyAdd(double, double, double)"/> is an
/// unresolved extern on CUDA, and inline PTX (<c>CudaAsm.Emit</c>) passes its result through a local-memory slot that
/// ptxas keeps (one dead STL per use). <see cref="Fma(double, double, double)"/> therefore fuses on the CPU and emits
/// <c>a·b + c</c> on CUDA, which ptxas contracts to DFMA/FFMA (its default). Every step whose rounding matters is
/// written so that fused and unfused evaluation give the same value: the products it relies on are exact (constants
/// split into 33-bit parts, integer arithmetic for the huge-argument reduction), and error-free sums use additions
/// only.</para>
/// <para><b>ILGPU rules.</b> Bits only through <see cref="Interop"/>; no <c>Math.Sin/Exp/…</c> (they map to XMath), no
/// <c>Math.Min/Max</c> on values that may be NaN (PTX min/max drop NaNs), no loops with runtime trip counts, no
/// exceptions. ILGPU's IR folds <c>(a ⊕ c₁) ⊕ c₂</c> into <c>a ⊕ (c₁ ⊕ c₂)</c> for constants c₁, c₂ and the same
/// ⊕ ∈ {+, −, ×}: no sequence whose rounding matters has that shape.</para>
/// </remarks>
internal static partial class DeviceMath
{
    /// <summary>a·b + c: one rounding on the CPU; on CUDA <c>mul.f64</c> + <c>add.f64</c>, contracted by ptxas.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Fma(double a, double b, double c)
    {
        // A switch on the accelerator type (not an if): ILGPU folds it once the type is known, so the PTX holds only
        // the CUDA arm (an if keeps both arms, and Math.FusedMultiplyAdd would be an unresolved extern there).
        switch (Accelerator.CurrentType)
        {
            case AcceleratorType.CPU:
                return Math.FusedMultiplyAdd(a, b, c);
            case AcceleratorType.Cuda:
                return a * b + c;
            case AcceleratorType.OpenCL:
                return a * b + c;
            default:
                return Math.FusedMultiplyAdd(a, b, c);
        }
    }

    /// <summary>The bits of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Bits(double x) => Interop.FloatAsInt(x);

    /// <summary>The double with bits <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double FromBits(ulong bits) => Interop.IntAsFloat(bits);

    /// <summary>2ⁿ for −1022 ≤ n ≤ 1023 (exact; built from the exponent field).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Pow2(int n) => FromBits((ulong)(long)(n + 1023) << 52);

    /// <summary>x·2ⁿ for −2044 ≤ n ≤ 2046 and normal x, rounded once (the first factor is exact, so a subnormal result
    /// rounds once and an overflow gives ∞).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ScaleB(double x, int n)
    {
        int n1 = n >> 1;
        return x * Pow2(n1) * Pow2(n - n1);
    }

    /// <summary>The magnitude of <paramref name="magnitude"/> with the sign bit of <paramref name="sign"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double CopySign(double magnitude, double sign) =>
        FromBits((Bits(magnitude) & 0x7FFF_FFFF_FFFF_FFFFUL) | (Bits(sign) & 0x8000_0000_0000_0000UL));

    /// <summary>Flips the sign of <paramref name="x"/> when <paramref name="negate"/> (exact, NaN and ±0 included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double NegateIf(double x, bool negate) => FromBits(Bits(x) ^ (negate ? 0x8000_0000_0000_0000UL : 0UL));

    /// <summary>Round to the nearest integer (ties to even) of x·scale, for |x·scale| &lt; 2⁵¹, through the 1.5·2⁵²
    /// shifter. Returns the integer as a double; <paramref name="n"/> gets its low 32 bits as an int.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double RoundToInt(double x, double scale, out int n)
    {
        const double Shifter = 6755399441055744.0; // 1.5·2⁵²
        double t = Fma(x, scale, Shifter);
        n = (int)(uint)Bits(t);
        return t - Shifter;
    }

    /// <summary>s + e = a + b exactly (Knuth's TwoSum; additions only, so ptxas cannot fuse it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double TwoSum(double a, double b, out double e)
    {
        double s = a + b;
        double bb = s - a;
        e = (a - (s - bb)) + (b - bb);
        return s;
    }

    /// <summary>s + e = a + b exactly when |a| ≥ |b| or a = 0 (Dekker's Fast2Sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double FastTwoSum(double a, double b, out double e)
    {
        double s = a + b;
        e = b - (s - a);
        return s;
    }

    /// <summary>The high 64 bits of the 128-bit product a·b, from four 32×32-bit products.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MulHigh(ulong a, ulong b)
    {
        ulong aLo = a & 0xFFFF_FFFFUL, aHi = a >> 32, bLo = b & 0xFFFF_FFFFUL, bHi = b >> 32;
        ulong ll = aLo * bLo, lh = aLo * bHi, hl = aHi * bLo, hh = aHi * bHi;
        ulong mid = (ll >> 32) + (lh & 0xFFFF_FFFFUL) + (hl & 0xFFFF_FFFFUL);
        return hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
    }

    /// <summary>The number of leading zero bits of <paramref name="x"/> (64 for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int LeadingZeros(ulong x) => BitOperations.LeadingZeroCount(x);

    /// <summary>hi + lo = a·b to about 2⁻⁷⁸ relative, for normal a, b, whether or not ptxas fuses: a and b are split
    /// by masking into 26- and 27-bit halves, every partial product that the sum relies on is exact, and the
    /// partial products are combined with additions (Fast2Sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double MulExact(double a, double b, out double lo)
    {
        double aTop = FromBits(Bits(a) & 0xFFFF_FFFF_F800_0000UL);
        double aBottom = a - aTop;
        double bTop = FromBits(Bits(b) & 0xFFFF_FFFF_F800_0000UL);
        double bBottom = b - bTop;
        double p1 = aTop * bTop;
        double p2 = aTop * bBottom + aBottom * bTop;
        double hi = p1 + p2;
        lo = (p2 - (hi - p1)) + aBottom * bBottom;
        return hi;
    }
}
