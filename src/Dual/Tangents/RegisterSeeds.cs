using System.Runtime.Intrinsics;

namespace Dual;

/// <summary>
/// Seed vectors built in registers for the SIMD tangent blocks: <c>value</c> in lane <c>index</c> and +0 elsewhere,
/// as (lane numbers == index) AND value. Writing one lane of a zeroed block in memory and reloading the whole block
/// (the scalar way) fails store-to-load forwarding on every seed, about 10 ns per lane on AVX-512.
/// </summary>
/// <remarks>Only for <see cref="double"/> and <see cref="float"/> (callers test <see cref="Supported"/>, a JIT-time
/// constant); an index outside the vector's lanes (negative, or past the end) gives all zeros. The lane numbers are
/// integers of T's width, so the comparison needs no conversion.</remarks>
internal static class RegisterSeeds<T> where T : IFloatingPointIeee754<T>
{
    public static bool Supported
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => typeof(T) == typeof(double) || typeof(T) == typeof(float);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Unit512(int index, T value)
    {
        Vector512<T> mask = typeof(T) == typeof(double)
            ? Vector512.Equals(Vector512.Create(0L, 1, 2, 3, 4, 5, 6, 7), Vector512.Create((long)index)).As<long, T>()
            : Vector512.Equals(Vector512.Create(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15), Vector512.Create(index)).As<int, T>();
        return mask & Vector512.Create(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Unit256(int index, T value)
    {
        Vector256<T> mask = typeof(T) == typeof(double)
            ? Vector256.Equals(Vector256.Create(0L, 1, 2, 3), Vector256.Create((long)index)).As<long, T>()
            : Vector256.Equals(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(index)).As<int, T>();
        return mask & Vector256.Create(value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Unit128(int index, T value)
    {
        Vector128<T> mask = typeof(T) == typeof(double)
            ? Vector128.Equals(Vector128.Create(0L, 1), Vector128.Create((long)index)).As<long, T>()
            : Vector128.Equals(Vector128.Create(0, 1, 2, 3), Vector128.Create(index)).As<int, T>();
        return mask & Vector128.Create(value);
    }
}
