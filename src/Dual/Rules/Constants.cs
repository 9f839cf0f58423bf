namespace Dual;

/// <summary>
/// Constants of <typeparamref name="T"/> used by the derivative rules, computed once per type.
/// Built from <c>T.One</c> where possible so that the common ones need no numeric conversion.
/// </summary>
internal static class Constants<T> where T : IFloatingPointIeee754<T>
{
    public static readonly T Two = T.One + T.One;
    public static readonly T Three = Two + T.One;
    public static readonly T Half = T.One / Two;
    public static readonly T Ln2 = T.Log(Two);
    public static readonly T Ln10 = T.Log(T.CreateTruncating(10));
    public static readonly T InvLn2 = T.One / Ln2;
    public static readonly T InvLn10 = T.One / Ln10;

    /// <summary>The smallest positive normal number, 2^emin (Epsilon is the smallest subnormal, 2^(emin−p+1)).</summary>
    public static readonly T SmallestNormal = T.ScaleB(T.Epsilon, T.Epsilon.GetSignificandBitLength() - 1);

    /// <summary>The largest finite number.</summary>
    public static readonly T MaxFinite = T.BitDecrement(T.PositiveInfinity);

    /// <summary>Half the largest binary exponent, h = ⌊emax/2⌋ (511 for double, 63 for float, 7 for Half): a magnitude in
    /// [2^−h, 2^h] can be squared, and two such squares added, without overflow or loss to underflow.</summary>
    private static readonly int HalfExponent = T.ILogB(MaxFinite) / 2;

    /// <summary>2^h: above it a square may overflow.</summary>
    public static readonly T ScaleHi = T.ScaleB(T.One, HalfExponent);

    /// <summary>2^−h: below it a square may fall into the subnormal range.</summary>
    public static readonly T ScaleLo = T.ScaleB(T.One, -HalfExponent);

    /// <summary>2^−(h+2): brings any finite magnitude above 2^h into (2^−2, 2^h].</summary>
    public static readonly T ScaleDown = T.ScaleB(T.One, -(HalfExponent + 2));

    /// <summary>2^(h+2): brings a magnitude below 2^−h up; applied at most twice, any non-zero magnitude lands in [2^−h, 2^2).</summary>
    public static readonly T ScaleUp = T.ScaleB(T.One, HalfExponent + 2);

    /// <summary>IsNormal by comparisons only (T.IsNormal reinterprets bits, which ILGPU kernels cannot); false for NaN.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsNormal(T value)
    {
        T magnitude = T.Abs(value);
        return magnitude >= SmallestNormal && magnitude <= MaxFinite;
    }
}
