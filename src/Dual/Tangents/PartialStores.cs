using System.Runtime.Intrinsics;

namespace Dual;

/// <summary>
/// The first lanes of a <see cref="Vector512{T}"/> stored straight from the register, for the SIMD tangent blocks'
/// partial copies (the last block of a chunk loop, or a block wider than its inputs: Rosenbrock at n = 10 in one
/// 16-lane pass). Copying lane by lane read each lane back from the block spilled to the stack, one store-forwarding
/// wait per lane: 15 % of the samples of a 50 ns gradient at n = 10, of which these stores save 2–4 ns.
/// </summary>
/// <remarks>Only for <see cref="double"/> and <see cref="float"/> (callers test <c>RegisterSeeds&lt;T&gt;.Supported</c>,
/// a JIT-time constant). Halving stores — 256-, 128-, 64-bit, then one lane — whose branches are the bits of the count, so nothing
/// past the count is written. Not AVX-512's masked store: it takes a pinned pointer, and a pinned local inlined into a
/// chunk loop made the JIT zero its whole frame, the stack work buffer included, on every call (+35 ns at n = 10), while
/// out of line it still cost a call.</remarks>
internal static class PartialStores<T> where T : IFloatingPointIeee754<T>
{
    /// <summary>Lanes [0, <paramref name="count"/>) of <paramref name="value"/> to <paramref name="destination"/>
    /// (0 ≤ count &lt; the vector's lane count; the caller guarantees that many elements there).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(ref T destination, Vector512<T> value, int count)
    {
        nuint at = 0;
        Vector256<T> half = value.GetLower();
        if (count >= Vector256<T>.Count)
        {
            half.StoreUnsafe(ref destination);
            half = value.GetUpper();
            at = (nuint)Vector256<T>.Count;
            count -= Vector256<T>.Count;
        }
        Vector128<T> quarter = half.GetLower();
        if (count >= Vector128<T>.Count)
        {
            quarter.StoreUnsafe(ref destination, at);
            quarter = half.GetUpper();
            at += (nuint)Vector128<T>.Count;
            count -= Vector128<T>.Count;
        }
        if (typeof(T) == typeof(float) && count >= 2)
        {
            // Two floats as one 64-bit store; the upper two move down.
            Vector128<ulong> pairs = quarter.AsUInt64();
            Unsafe.WriteUnaligned(ref Unsafe.As<T, byte>(ref Unsafe.Add(ref destination, at)), pairs.ToScalar());
            quarter = Vector128.Create(pairs.GetElement(1)).As<ulong, T>();
            at += 2;
            count -= 2;
        }
        if (count > 0)
        {
            Unsafe.Add(ref destination, at) = quarter.ToScalar();
        }
    }
}
