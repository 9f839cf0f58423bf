namespace Dual;

/// <summary>
/// The scalar fallbacks of the SIMD tangent blocks (for <typeparamref name="T"/> without SIMD support, e.g.
/// <see cref="System.Half"/>), treating a block as its lane count of contiguous <typeparamref name="T"/>s.
/// They take addresses, so they are kept out of line: the address-taking must never reach the SIMD callers, whose
/// blocks stay promotable to registers only while no address of them is taken.
/// </summary>
/// <typeparam name="TBlock">The block type.</typeparam>
/// <typeparam name="T">The scalar type.</typeparam>
internal static class BlockFallback<TBlock, T>
    where TBlock : struct
    where T : IFloatingPointIeee754<T>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref T Lane(ref TBlock block, int index) => ref Unsafe.Add(ref Unsafe.As<TBlock, T>(ref block), index);

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TBlock Zero(int lanes)
    {
        TBlock r = default;
        for (int i = 0; i < lanes; i++) Lane(ref r, i) = T.Zero;
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TBlock Add(TBlock a, TBlock b, int lanes)
    {
        TBlock r = default;
        Lanes<T>.Add(ref Lane(ref r, 0), ref Lane(ref a, 0), ref Lane(ref b, 0), lanes);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TBlock Subtract(TBlock a, TBlock b, int lanes)
    {
        TBlock r = default;
        Lanes<T>.Subtract(ref Lane(ref r, 0), ref Lane(ref a, 0), ref Lane(ref b, 0), lanes);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TBlock Negate(TBlock a, int lanes)
    {
        TBlock r = default;
        Lanes<T>.Negate(ref Lane(ref r, 0), ref Lane(ref a, 0), lanes);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TBlock Multiply(TBlock a, T s, int lanes)
    {
        TBlock r = default;
        Lanes<T>.Multiply(ref Lane(ref r, 0), ref Lane(ref a, 0), s, lanes);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TBlock Divide(TBlock a, T s, int lanes)
    {
        TBlock r = default;
        Lanes<T>.Divide(ref Lane(ref r, 0), ref Lane(ref a, 0), s, lanes);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static TBlock MultiplyAdd(TBlock a, T s, TBlock b, T t, int lanes)
    {
        TBlock r = default;
        Lanes<T>.MultiplyAdd(ref Lane(ref r, 0), ref Lane(ref a, 0), s, ref Lane(ref b, 0), t, lanes);
        return r;
    }

    /// <summary>a·s + b·t lane by lane, a zero lane contributing exactly zero (only at singular points).</summary>
    public static TBlock MultiplyAddSkippingZeros(TBlock zero, TBlock a, T s, TBlock b, T t, int lanes)
    {
        TBlock r = zero;
        for (int i = 0; i < lanes; i++)
        {
            Lane(ref r, i) = Lanes<T>.ProductSkippingZero(Lane(ref a, i), s) + Lanes<T>.ProductSkippingZero(Lane(ref b, i), t);
        }
        return r;
    }

    public static bool Equal(TBlock a, TBlock b, int lanes) => Lanes<T>.Equal(ref Lane(ref a, 0), ref Lane(ref b, 0), lanes);
}
