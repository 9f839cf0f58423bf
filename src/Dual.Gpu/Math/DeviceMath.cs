using ILGPU.IR.Intrinsics;

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
/// <para><b>f32.</b> sin, cos, sincos, tan, exp, exp2, expm1, sinh, cosh, tanh, atan, log, log2, log10 and log1p for
/// float are f32-native: f32 range reduction (Cody–Waite with FMA; integer Payne–Hanek for huge trig arguments) and f32
/// polynomials, so an f32 kernel that uses them issues no f64 instruction and no f32↔f64 conversion (FP64 runs at half
/// rate or less on data-centre GPUs, far less on consumer ones). The rest (asin, acos, atan2, the inverse hyperbolic
/// functions, pow, cbrt, hypot) compute in f64 and round once at the end. Both kinds are within 2 ulp of the correctly
/// rounded result.</para>
/// <para><b>FMA.</b> ILGPU 1.5.3 has no FMA intrinsic: <see cref="Math.FusedMultiplyAdd(double, double, double)"/> is an
/// unresolved extern on CUDA, and inline PTX (<c>CudaAsm.Emit</c>) passes its result through a local-memory slot that
/// ptxas keeps (one dead STL per use). <see cref="Fma{T}(T, T, T)"/> therefore fuses on the CPU and emits
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
    /// <summary>a·b + c with one rounding, for double and float: <see cref="IFloatingPointIeee754{TSelf}.FusedMultiplyAdd"/>
    /// on the CPU; on CUDA one <c>fma.rn.f64</c>/<c>fma.rn.f32</c> (an ILGPU intrinsic that <see cref="KernelContext"/>
    /// implements for both instantiations).</summary>
    [IntrinsicImplementation]
    internal static T Fma<T>(T a, T b, T c) where T : IFloatingPointIeee754<T> => T.FusedMultiplyAdd(a, b, c);

    /// <summary>The bits of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Bits(double x) => Interop.FloatAsInt(x);

    /// <summary>The double with bits <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double FromBits(ulong bits) => Interop.IntAsFloat(bits);

    /// <summary>The bits of <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Bits(float x) => Interop.FloatAsInt(x);

    /// <summary>The float with bits <paramref name="bits"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float FromBits(uint bits) => Interop.IntAsFloat(bits);

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

    /// <summary>Flips the sign of <paramref name="x"/> when <paramref name="negate"/> (exact, NaN and ±0 included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float NegateIf(float x, bool negate) => FromBits(Bits(x) ^ (negate ? 0x8000_0000u : 0u));

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

    /// <summary>s + e = a + b exactly (Knuth's TwoSum, f64 and f32; additions only, so ptxas cannot fuse it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static T TwoSum<T>(T a, T b, out T e) where T : IFloatingPointIeee754<T>
    {
        T s = a + b;
        T bb = s - a;
        e = (a - (s - bb)) + (b - bb);
        return s;
    }

    /// <summary>big·2⁻ᴱ, and small·2⁻ᴱ in <paramref name="smallScaled"/>, with E (in <paramref name="exponent"/>) such that
    /// big·2⁻ᴱ ∈ [1, 2), or [2, 4) for big ≥ 2¹⁰²³ (whose 2⁻ᴱ would not be normal). Subnormal operands are lifted by 2⁵⁴
    /// first (E accounts for it), so both scalings are exact. For finite 0 ≤ small ≤ big, the larger and smaller
    /// magnitudes of a pair (atan2, hypot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double ScaleToUnit(double big, double small, out double smallScaled, out int exponent)
    {
        bool tiny = big < SmallestNormal;
        double bigLifted = tiny ? big * TwoPow54 : big;
        int e = (int)((Bits(bigLifted) >> 52) & 0x7FF) - 1023;
        e = e > 1022 ? 1022 : e;
        double down = Pow2(-e);
        double bigScaled = bigLifted * down;
        smallScaled = (tiny ? small * TwoPow54 : small) * down;
        exponent = e - (tiny ? 54 : 0);
        return bigScaled;
    }

    /// <summary>s + e = a + b exactly when |a| ≥ |b| or a = 0 (Dekker's Fast2Sum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double FastTwoSum(double a, double b, out double e)
    {
        double s = a + b;
        e = b - (s - a);
        return s;
    }

    /// <summary>The high 64 bits of the 128-bit product a·b: <see cref="Math.BigMul(ulong, ulong, out ulong)"/> on the CPU;
    /// on CUDA one <c>mul.hi.u64</c> (an ILGPU intrinsic that <see cref="KernelContext"/> implements; ptxas makes it a
    /// short IMAD.WIDE chain where the four 32×32-bit products written out in C# cost about twice as much).</summary>
    [IntrinsicImplementation]
    internal static ulong MulHigh(ulong a, ulong b) => Math.BigMul(a, b, out _);

    /// <summary>The number of leading zero bits of <paramref name="x"/> (64 for 0): <see cref="BitOperations.LeadingZeroCount(ulong)"/>
    /// on the CPU; on CUDA one <c>clz.b64</c> (an ILGPU intrinsic that <see cref="KernelContext"/> implements; ILGPU's own
    /// LeadingZeroCount is a software bit count of about 50 instructions).</summary>
    [IntrinsicImplementation]
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

    /// <summary>
    /// 1/a without a division (an f64 division on CUDA expands to a Newton sequence plus a slow-path call): a cubic
    /// seed on the mantissa, two third-order Newton steps (2⁻⁹ → 2⁻²⁷ → below 2⁻⁵³·⁵ before the last rounding), and the
    /// exponent negated in the bits. For normal |a| &lt; 2¹⁰²³; the caller handles 0, ±∞, NaN and subnormals.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Rcp(double a)
    {
        ulong bits = Bits(a);
        double m = FromBits((bits & 0x000F_FFFF_FFFF_FFFFUL) | 0x3FF0_0000_0000_0000UL);
        // Minimax cubic for 1/m on [1, 2] (relative error 2⁻⁹·²; Sollya).
        double y = Horner(m, 2.8284228769981157, -2.939341421241587, 1.3310225303925265, -0.22183708840140265);
        double e = Fma(-m, y, 1.0);
        y = Fma(y, Fma(e, e, e), y);
        e = Fma(-m, y, 1.0);
        y = Fma(y, Fma(e, e, e), y);
        // 2^−E with the sign of a: exponent field 2046 − (1023 + E).
        double scale = FromBits((0x7FE0_0000_0000_0000UL - (bits & 0x7FF0_0000_0000_0000UL)) | (bits & 0x8000_0000_0000_0000UL));
        return y * scale;
    }

    /// <summary>q + lo = n/d to about 2⁻¹⁰⁰ relative given 1/d ≈ <paramref name="inverse"/> (one residual step; the
    /// residual n − q·d is formed from an exact product, so it does not depend on fusion).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static double Divide(double n, double d, double inverse, out double lo)
    {
        double q = n * inverse;
        double p = MulExact(q, d, out double pLo);
        lo = ((n - p) - pLo) * inverse;
        return q;
    }
}
