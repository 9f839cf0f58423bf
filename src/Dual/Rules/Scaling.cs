namespace Dual;

/// <summary>
/// Exact power-of-two rescaling for the derivative rules whose plain formula over- or underflows at the ends of
/// the range (x² + y², 1/c): comparisons and multiplications by constants only, so it compiles in ILGPU kernels too.
/// </summary>
internal static class Scaling<T> where T : IFloatingPointIeee754<T>
{
    /// <summary>
    /// For a finite non-zero <paramref name="magnitude"/> m, an exact power of two s = <paramref name="s1"/>·<paramref name="s2"/>
    /// (each factor representable, both on the same side of 1) such that m·s1·s2 lies in [2^−h, 2^h], h = ⌊emax/2⌋:
    /// squares of such numbers, and the sum of two, are normal, and so is their reciprocal.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Factors(T magnitude, out T s1, out T s2)
    {
        s2 = T.One;
        if (magnitude > Constants<T>.ScaleHi)
        {
            s1 = Constants<T>.ScaleDown;
        }
        else
        {
            s1 = Constants<T>.ScaleUp;
            if (magnitude * s1 < Constants<T>.ScaleLo)
            {
                s2 = Constants<T>.ScaleUp;
            }
        }
    }
}
