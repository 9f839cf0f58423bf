using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dual;

// Tangents2/4/8/16 share one shape (SIMD-register fields, lane-wise ops by value); keep them in step.

/// <summary>A block of 8 tangents: 8 directional derivatives carried through one pass.</summary>
/// <typeparam name="T">The scalar type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/> or another IEEE type
/// of at most 8 bytes (for nested duals the library uses its own wide blocks).</typeparam>
/// <remarks>The lanes live in one <c>Vector512&lt;T&gt;</c> field, so a <c>Dual&lt;T, Tangents8&lt;T&gt;&gt;</c> stays in registers
/// across operations; every lane performs exactly the IEEE operations of <see cref="Dual{T}"/>'s single tangent.</remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Tangents8<T> : ITangents<Tangents8<T>, T> where T : IFloatingPointIeee754<T>
{
    private readonly Vector512<T> _v0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Tangents8(Vector512<T> v0)
    {
        _v0 = v0;
    }

    /// <summary>8.</summary>
    public static int Count => 8;

    // Vector512 lanes: native where AVX-512 is, else each half as a Vector256; field k holds lanes [k·8, (k+1)·8)
    // of doubles and is needed only while k·W < 8. All of these fold at JIT time.
    private static bool Simd
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported) || (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported);
    }

    private static bool Native
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector512.IsHardwareAccelerated && Vector512<T>.IsSupported;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Add(Vector512<T> a, Vector512<T> b) => Native ? a + b : Vector512.Create(a.GetLower() + b.GetLower(), a.GetUpper() + b.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Sub(Vector512<T> a, Vector512<T> b) => Native ? a - b : Vector512.Create(a.GetLower() - b.GetLower(), a.GetUpper() - b.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Neg(Vector512<T> a) => Native ? -a : Vector512.Create(-a.GetLower(), -a.GetUpper());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Mul(Vector512<T> a, T s) => Native ? a * Vector512.Create(s) : Vector512.Create(a.GetLower() * Vector256.Create(s), a.GetUpper() * Vector256.Create(s));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Div(Vector512<T> a, T s) => Native ? a / Vector512.Create(s) : Vector512.Create(a.GetLower() / Vector256.Create(s), a.GetUpper() / Vector256.Create(s));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> Mad(Vector512<T> a, T s, Vector512<T> b, T t)
        => Native
            ? a * Vector512.Create(s) + b * Vector512.Create(t)
            : Vector512.Create(a.GetLower() * Vector256.Create(s) + b.GetLower() * Vector256.Create(t), a.GetUpper() * Vector256.Create(s) + b.GetUpper() * Vector256.Create(t));

    /// <summary>All lanes zero.</summary>
    public static Tangents8<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            CheckWidth();
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            {
                return default; // +0 is the all-zero bit pattern
            }
            return BlockFallback<Tangents8<T>, T>.Zero(8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckWidth()
    {
        // A JIT-time constant: vanishes for every supported T.
        if (Unsafe.SizeOf<T>() * 8 > Unsafe.SizeOf<Tangents8<T>>())
        {
            throw new NotSupportedException(
                $"{TypeNames.Of(typeof(Tangents8<T>))} holds scalars of at most 8 bytes; {TypeNames.Of(typeof(T))} has {Unsafe.SizeOf<T>()}. " +
                "Use Tangents1 for a wider scalar; AutoDiff's chunked passes pick a block that holds any scalar by themselves.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Lane(ref Tangents8<T> block, int index) => ref BlockFallback<Tangents8<T>, T>.Lane(ref block, index);

    /// <inheritdoc/>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= 8) throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 8).");
            Tangents8<T> copy = this;
            return Lane(ref copy, index);
        }
    }

    /// <inheritdoc/>
    public static Tangents8<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 8) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 8.", nameof(values));
        Tangents8<T> r = Zero;
        for (int i = 0; i < values.Length; i++) Lane(ref r, i) = values[i];
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents8<T> Unit(int index, T value)
    {
        if (Simd && RegisterSeeds<T>.Supported)
        {
            // Built in registers (no store and reload of a block in memory).
            if ((uint)index >= 8) return Zero;
            if (Native) return new(RegisterSeeds<T>.Unit512(index, value));
            return new(Vector512.Create(RegisterSeeds<T>.Unit256(index, value), RegisterSeeds<T>.Unit256(index - Vector256<T>.Count, value)));
        }
        Tangents8<T> r = Zero;
        if ((uint)index < 8) Lane(ref r, index) = value;
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyTo(Span<T> destination)
    {
        if (Simd && RegisterSeeds<T>.Supported && destination.Length >= 8)
        {
            // A full block is stored straight from the register: all of it for double, its lower half for float.
            ref T d = ref MemoryMarshal.GetReference(destination);
            if (Vector512<T>.Count == 8) _v0.StoreUnsafe(ref d);
            else _v0.GetLower().StoreUnsafe(ref d);
            return;
        }
        Tangents8<T> copy = this;
        int n = Math.Min(8, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Lane(ref copy, i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents8<T> Add(Tangents8<T> a, Tangents8<T> b)
    {
        if (Simd) return new(Add(a._v0, b._v0));
        return BlockFallback<Tangents8<T>, T>.Add(a, b, 8);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents8<T> Subtract(Tangents8<T> a, Tangents8<T> b)
    {
        if (Simd) return new(Sub(a._v0, b._v0));
        return BlockFallback<Tangents8<T>, T>.Subtract(a, b, 8);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents8<T> Negate(Tangents8<T> a)
    {
        if (Simd) return new(Neg(a._v0));
        return BlockFallback<Tangents8<T>, T>.Negate(a, 8);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents8<T> Multiply(Tangents8<T> a, T s)
    {
        if (Simd)
        {
            return new(Mul(a._v0, s));
        }
        return BlockFallback<Tangents8<T>, T>.Multiply(a, s, 8);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents8<T> Divide(Tangents8<T> a, T s)
    {
        if (Simd)
        {
            return new(Div(a._v0, s));
        }
        return BlockFallback<Tangents8<T>, T>.Divide(a, s, 8);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents8<T> MultiplyAdd(Tangents8<T> a, T s, Tangents8<T> b, T t)
    {
        if (Simd)
        {
            return new(Mad(a._v0, s, b._v0, t));
        }
        return BlockFallback<Tangents8<T>, T>.MultiplyAdd(a, s, b, t, 8);
    }

    /// <inheritdoc/>
    public static Tangents8<T> MultiplyAddSkippingZeros(Tangents8<T> a, T s, Tangents8<T> b, T t) => BlockFallback<Tangents8<T>, T>.MultiplyAddSkippingZeros(Zero, a, s, b, t, 8);

    /// <inheritdoc/>
    public static bool Equal(Tangents8<T> a, Tangents8<T> b) => BlockFallback<Tangents8<T>, T>.Equal(a, b, 8);

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override string ToString()
    {
        var parts = new string[8];
        for (int i = 0; i < 8; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
