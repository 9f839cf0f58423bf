namespace Dual.Gpu;

/// <summary>
/// Conversions that kernel code may use to build generic-math values from integers without
/// <c>TNum.CreateChecked</c> (which ILGPU rejects): only <c>TNum.One</c>, addition, negation and multiplication by
/// powers of two. The kernels that the generator emits for <c>[Differentiable(Gpu = true)]</c> methods build their
/// constants through these.
/// </summary>
public static class KernelMath
{
    /// <summary>
    /// The value <paramref name="mantissa"/> · 2^<paramref name="exponent"/>. Exact for a <see cref="double"/> number
    /// type when |mantissa| &lt; 2⁵³ and the result is normal (the generator passes the exact bits of a literal); for
    /// <see cref="float"/>, exact when |mantissa| &lt; 2²⁴, else within an ulp or so.
    /// </summary>
    /// <typeparam name="TNum">The number type.</typeparam>
    /// <param name="mantissa">The integer significand (negative for negative values).</param>
    /// <param name="exponent">The power of two to scale by.</param>
    /// <returns>The value.</returns>
    public static TNum Constant<TNum>(long mantissa, int exponent) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum value = FromInteger<TNum>(mantissa);
        TNum two = TNum.One + TNum.One;
        TNum half = TNum.One / two;
        if (exponent > 0)
        {
            TNum big = PowerOfTwo(two, 32);
            for (; exponent >= 32; exponent -= 32) value *= big;
            for (; exponent > 0; exponent--) value *= two;
        }
        else if (exponent < 0)
        {
            TNum small = PowerOfTwo(half, 32);
            for (; exponent <= -32; exponent += 32) value *= small;
            for (; exponent < 0; exponent++) value *= half;
        }
        return value;
    }

    /// <summary>The integer <paramref name="value"/> as a <typeparamref name="TNum"/> (exact when representable).</summary>
    /// <typeparam name="TNum">The number type.</typeparam>
    /// <param name="value">The integer.</param>
    /// <returns>The value.</returns>
    public static TNum FromInteger<TNum>(long value) where TNum : IFloatingPointIeee754<TNum>
    {
        bool negative = value < 0;
        ulong magnitude = negative ? (ulong)(-(value + 1)) + 1UL : (ulong)value;
        TNum result = TNum.Zero;
        int bit = 63;
        while (bit >= 0 && ((magnitude >> bit) & 1UL) == 0) bit--;
        for (; bit >= 0; bit--)
        {
            result += result;
            if (((magnitude >> bit) & 1UL) != 0) result += TNum.One;
        }
        return negative ? -result : result;
    }

    private static TNum PowerOfTwo<TNum>(TNum factor, int count) where TNum : IFloatingPointIeee754<TNum>
    {
        TNum result = TNum.One;
        for (int k = 0; k < count; k++) result *= factor;
        return result;
    }
}
