using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Dual;

/// <summary>
/// By-value lane-wise kernels for a tangent block that is exactly one SIMD register wide (a block of 8 doubles is
/// one <see cref="Vector512{T}"/>, a block of 4 doubles one <see cref="Vector256{T}"/>). The block is reinterpreted
/// with <see cref="Unsafe.BitCast{TFrom, TTo}"/>, which takes no address, so the JIT can keep the tangents of a dual
/// in a register across operations instead of copying them through the stack (the ref-based <see cref="Lanes{T}"/>
/// kernels address-expose the block). Same IEEE operations in the same order as <see cref="Lanes{T}"/> (no FMA).
/// </summary>
internal static class Block<T, TBlock>
    where T : IFloatingPointIeee754<T>
    where TBlock : struct
{
    private static bool Use512
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported && Unsafe.SizeOf<TBlock>() == Unsafe.SizeOf<Vector512<T>>();
    }

    private static bool Use256
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported && Unsafe.SizeOf<TBlock>() == Unsafe.SizeOf<Vector256<T>>();
    }

    private static bool Use128
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported && Unsafe.SizeOf<TBlock>() == Unsafe.SizeOf<Vector128<T>>();
    }

    /// <summary>True when the block is one SIMD register and these kernels apply.</summary>
    public static bool IsRegister
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Use512 || Use256 || Use128;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> V512(TBlock a) => Unsafe.BitCast<TBlock, Vector512<T>>(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> V256(TBlock a) => Unsafe.BitCast<TBlock, Vector256<T>>(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> V128(TBlock a) => Unsafe.BitCast<TBlock, Vector128<T>>(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TBlock B(Vector128<T> v) => Unsafe.BitCast<Vector128<T>, TBlock>(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TBlock B(Vector512<T> v) => Unsafe.BitCast<Vector512<T>, TBlock>(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TBlock B(Vector256<T> v) => Unsafe.BitCast<Vector256<T>, TBlock>(v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TBlock Add(TBlock a, TBlock b) => Use512 ? B(V512(a) + V512(b)) : Use256 ? B(V256(a) + V256(b)) : B(V128(a) + V128(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TBlock Subtract(TBlock a, TBlock b) => Use512 ? B(V512(a) - V512(b)) : Use256 ? B(V256(a) - V256(b)) : B(V128(a) - V128(b));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TBlock Negate(TBlock a) => Use512 ? B(-V512(a)) : Use256 ? B(-V256(a)) : B(-V128(a));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TBlock Multiply(TBlock a, T s) => Use512 ? B(V512(a) * Vector512.Create(s)) : Use256 ? B(V256(a) * Vector256.Create(s)) : B(V128(a) * Vector128.Create(s));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TBlock Divide(TBlock a, T s) => Use512 ? B(V512(a) / Vector512.Create(s)) : Use256 ? B(V256(a) / Vector256.Create(s)) : B(V128(a) / Vector128.Create(s));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TBlock MultiplyAdd(TBlock a, T s, TBlock b, T t)
        => Use512
            ? B(V512(a) * Vector512.Create(s) + V512(b) * Vector512.Create(t))
            : Use256
                ? B(V256(a) * Vector256.Create(s) + V256(b) * Vector256.Create(t))
                : B(V128(a) * Vector128.Create(s) + V128(b) * Vector128.Create(t));
}
