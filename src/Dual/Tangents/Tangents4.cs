using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dual;

// Generated from tools/TangentBlocks/TangentBlockTemplate.cs (one template for Tangents2 and Tangents4): edit the
// template, then run `dotnet run --project tools/TangentBlocks`; a test fails while this file differs from its output.

/// <summary>A block of 4 tangents: 4 directional derivatives carried through one pass.</summary>
/// <typeparam name="T">The scalar type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/> or another IEEE type
/// of at most 8 bytes (for nested duals the library uses its own wide blocks).</typeparam>
/// <remarks>The lanes live in one <c>Vector256&lt;T&gt;</c> field, so a <c>Dual&lt;T, Tangents4&lt;T&gt;&gt;</c> stays in registers
/// across operations; every lane performs exactly the IEEE operations of <see cref="Dual{T}"/>'s single tangent.</remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Tangents4<T> : ITangents<Tangents4<T>, T> where T : IFloatingPointIeee754<T>
{
    private readonly Vector256<T> _v0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Tangents4(Vector256<T> v0)
    {
        _v0 = v0;
    }

    /// <summary>4.</summary>
    public static int Count => 4;

    // Vector field k holds lanes [k·W, (k+1)·W) and is needed only while k·W < 8; all of these fold at JIT time.
    private static bool Simd
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported;
    }

    /// <summary>All lanes zero.</summary>
    public static Tangents4<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            CheckWidth();
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            {
                return default; // +0 is the all-zero bit pattern
            }
            return BlockFallback<Tangents4<T>, T>.Zero(4);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckWidth()
    {
        // A JIT-time constant: vanishes for every supported T.
        if (Unsafe.SizeOf<T>() * 4 > Unsafe.SizeOf<Tangents4<T>>())
        {
            throw new NotSupportedException(
                $"{TypeNames.Of(typeof(Tangents4<T>))} holds scalars of at most 8 bytes; {TypeNames.Of(typeof(T))} has {Unsafe.SizeOf<T>()}. " +
                "Use Tangents1 for a wider scalar; AutoDiff's chunked passes pick a block that holds any scalar by themselves.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Lane(ref Tangents4<T> block, int index) => ref BlockFallback<Tangents4<T>, T>.Lane(ref block, index);

    /// <inheritdoc/>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= 4) throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 4).");
            Tangents4<T> copy = this;
            return Lane(ref copy, index);
        }
    }

    /// <inheritdoc/>
    public static Tangents4<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 4) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 4.", nameof(values));
        Tangents4<T> r = Zero;
        for (int i = 0; i < values.Length; i++) Lane(ref r, i) = values[i];
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Unit(int index, T value)
    {
        if (Simd && RegisterSeeds<T>.Supported)
        {
            // Built in registers (no store and reload of a block in memory).
            return (uint)index < 4 ? new(RegisterSeeds<T>.Unit256(index, value)) : Zero;
        }
        Tangents4<T> r = Zero;
        if ((uint)index < 4) Lane(ref r, index) = value;
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyTo(Span<T> destination)
    {
        if (Simd && RegisterSeeds<T>.Supported && destination.Length >= 4)
        {
            // A full block is stored straight from the register: all of it for double, its lower half for float.
            ref T d = ref MemoryMarshal.GetReference(destination);
            if (Vector256<T>.Count == 4) _v0.StoreUnsafe(ref d);
            else _v0.GetLower().StoreUnsafe(ref d);
            return;
        }
        Tangents4<T> copy = this;
        int n = Math.Min(4, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Lane(ref copy, i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Add(Tangents4<T> a, Tangents4<T> b)
    {
        if (Simd) return new(a._v0 + b._v0);
        return BlockFallback<Tangents4<T>, T>.Add(a, b, 4);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Subtract(Tangents4<T> a, Tangents4<T> b)
    {
        if (Simd) return new(a._v0 - b._v0);
        return BlockFallback<Tangents4<T>, T>.Subtract(a, b, 4);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Negate(Tangents4<T> a)
    {
        if (Simd) return new(-a._v0);
        return BlockFallback<Tangents4<T>, T>.Negate(a, 4);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Multiply(Tangents4<T> a, T s)
    {
        if (Simd)
        {
            Vector256<T> vs = Vector256.Create(s);
            return new(a._v0 * vs);
        }
        return BlockFallback<Tangents4<T>, T>.Multiply(a, s, 4);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Divide(Tangents4<T> a, T s)
    {
        if (Simd)
        {
            Vector256<T> vs = Vector256.Create(s);
            return new(a._v0 / vs);
        }
        return BlockFallback<Tangents4<T>, T>.Divide(a, s, 4);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> MultiplyAdd(Tangents4<T> a, T s, Tangents4<T> b, T t)
    {
        if (Simd)
        {
            Vector256<T> vs = Vector256.Create(s), vt = Vector256.Create(t);
            return new(a._v0 * vs + b._v0 * vt);
        }
        return BlockFallback<Tangents4<T>, T>.MultiplyAdd(a, s, b, t, 4);
    }

    /// <inheritdoc/>
    public static Tangents4<T> MultiplyAddSkippingZeros(Tangents4<T> a, T s, Tangents4<T> b, T t) => BlockFallback<Tangents4<T>, T>.MultiplyAddSkippingZeros(Zero, a, s, b, t, 4);

    /// <inheritdoc/>
    public static bool Equal(Tangents4<T> a, Tangents4<T> b) => BlockFallback<Tangents4<T>, T>.Equal(a, b, 4);

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override string ToString()
    {
        var parts = new string[4];
        for (int i = 0; i < 4; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
