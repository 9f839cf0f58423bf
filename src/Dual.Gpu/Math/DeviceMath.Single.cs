namespace Dual.Gpu;

// f32 building blocks of the f32-native kernel math: everything in single precision, so that an f32 kernel issues no
// double-precision instruction and no f32↔f64 conversion on its common path (FP64 runs at half rate or less and
// conversions on the quarter-rate pipe). The same rounding rules as the f64 blocks: every product whose rounding
// matters sits inside an explicit Fma, so fused (CUDA) and CPU evaluation agree.
internal static partial class DeviceMath
{
    /// <summary>2ⁿ (f32) for −126 ≤ n ≤ 127 (exact; built from the exponent field).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Pow2Single(int n) => FromBits((uint)(n + 127) << 23);

    /// <summary>x·2ⁿ (f32) for −252 ≤ n ≤ 254 and normal x ∈ [½, 2], rounded once (the first factor is exact, so a
    /// subnormal result rounds once and an overflow gives ∞).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float ScaleB(float x, int n)
    {
        int n1 = n >> 1;
        return x * Pow2Single(n1) * Pow2Single(n - n1);
    }

    /// <summary>The magnitude of <paramref name="magnitude"/> with the sign bit of <paramref name="sign"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float CopySign(float magnitude, float sign) =>
        FromBits((Bits(magnitude) & 0x7FFF_FFFFu) | (Bits(sign) & 0x8000_0000u));

    /// <summary>Round to the nearest integer (ties to even) of x·scale, for |x·scale| &lt; 2²², through the 1.5·2²³
    /// shifter (the product is exact inside the FMA). Returns the integer as a float; <paramref name="n"/> gets it as
    /// an int. For x = −0 the result is +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float RoundToInt(float x, float scale, out int n)
    {
        const float Shifter = 12582912f; // 1.5·2²³, bits 0x4B40_0000
        float t = Fma(x, scale, Shifter);
        n = (int)(Bits(t) - 0x4B40_0000u);
        return t - Shifter;
    }

    /// <summary>1/a (f32) to about 1 ulp without a division: a cubic seed on the mantissa (2⁻⁹), one third-order Newton
    /// step (below 2⁻²⁶ before rounding), the exponent negated in the bits. For normal |a| &lt; 2¹²⁶; callers refine
    /// the quotient with a residual step where the last ulp matters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float Rcp(float a)
    {
        uint bits = Bits(a);
        float m = FromBits((bits & 0x007F_FFFFu) | 0x3F80_0000u);
        // The f64 reciprocal seed (minimax cubic for 1/m on [1, 2], 2⁻⁹·²) rounded to f32.
        float y = Horner(m, 2.828422784805298f, -2.9393413066864014f, 1.3310225009918213f, -0.2218370884656906f);
        float e = Fma(-m, y, 1f);
        y = Fma(y, Fma(e, e, e), y);
        float scale = FromBits((0x7F00_0000u - (bits & 0x7F80_0000u)) | (bits & 0x8000_0000u));
        return y * scale;
    }

    /// <summary>(nh + nl)/(dh + dl) (f32) to about half an ulp beyond the operands' own error: q = nh·(1/dh) and one
    /// residual step (the residual nh − q·dh is exact inside the FMA). For normal |dh| &lt; 2¹²⁶, |dl| ≤ ulp(dh).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static float DivideSingle(float nh, float nl, float dh, float dl)
    {
        float y = Rcp(dh);
        float q = nh * y;
        float residual = Fma(-q, dh, nh) + Fma(-q, dl, nl);
        return Fma(residual, y, q);
    }
}
