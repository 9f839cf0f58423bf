using System.Numerics;

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

    /// <summary>The smallest positive normal number, 2^emin (Epsilon is the smallest subnormal, 2^(emin−p+1)).</summary>
    public static readonly T SmallestNormal = T.ScaleB(T.Epsilon, T.Epsilon.GetSignificandBitLength() - 1);

    /// <summary>The largest finite number.</summary>
    public static readonly T MaxFinite = T.BitDecrement(T.PositiveInfinity);

    /// <summary>IsNormal by comparisons only (T.IsNormal reinterprets bits, which ILGPU kernels cannot); false for NaN.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool IsNormal(T value)
    {
        T magnitude = T.Abs(value);
        return magnitude >= SmallestNormal && magnitude <= MaxFinite;
    }
}
