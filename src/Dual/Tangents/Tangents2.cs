using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dual;

// Generated from tools/TangentBlocks/TangentBlockTemplate.cs (one template for Tangents2 and Tangents4): edit the
// template, then run `dotnet run --project tools/TangentBlocks`; a test fails while this file differs from its output.

/// <summary>A block of 2 tangents: 2 directional derivatives carried through one pass.</summary>
/// <typeparam name="T">The scalar type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/> or another IEEE type
/// of at most 8 bytes (for nested duals the library uses its own wide blocks).</typeparam>
/// <remarks>The lanes live in one <c>Vector128&lt;T&gt;</c> field, so a <c>Dual&lt;T, Tangents2&lt;T&gt;&gt;</c> stays in registers
/// across operations; every lane performs exactly the IEEE operations of <see cref="Dual{T}"/>'s single tangent.</remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Tangents2<T> : ITangents<Tangents2<T>, T> where T : IFloatingPointIeee754<T>
{
    private readonly Vector128<T> _v0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Tangents2(Vector128<T> v0)
    {
        _v0 = v0;
    }

    /// <summary>2.</summary>
    public static int Count => 2;

    // Vector field k holds lanes [k·W, (k+1)·W) and is needed only while k·W < 8; all of these fold at JIT time.
    private static bool Simd
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector128.IsHardwareAccelerated && Vector128<T>.IsSupported;
    }

    /// <summary>All lanes zero.</summary>
    public static Tangents2<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            CheckWidth();
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            {
                return default; // +0 is the all-zero bit pattern
            }
            return BlockFallback<Tangents2<T>, T>.Zero(2);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckWidth()
    {
        // A JIT-time constant: vanishes for every supported T.
        if (Unsafe.SizeOf<T>() * 2 > Unsafe.SizeOf<Tangents2<T>>())
        {
            throw new NotSupportedException(
                $"{TypeNames.Of(typeof(Tangents2<T>))} holds scalars of at most 8 bytes; {TypeNames.Of(typeof(T))} has {Unsafe.SizeOf<T>()}. " +
                "Use Tangents1 for a wider scalar; AutoDiff's chunked passes pick a block that holds any scalar by themselves.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Lane(ref Tangents2<T> block, int index) => ref BlockFallback<Tangents2<T>, T>.Lane(ref block, index);

    /// <inheritdoc/>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= 2) throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 2).");
            Tangents2<T> copy = this;
            return Lane(ref copy, index);
        }
    }

    /// <inheritdoc/>
    public static Tangents2<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 2) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 2.", nameof(values));
        Tangents2<T> r = Zero;
        for (int i = 0; i < values.Length; i++) Lane(ref r, i) = values[i];
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Unit(int index, T value)
    {
        if (Simd && RegisterSeeds<T>.Supported)
        {
            // Built in registers (no store and reload of a block in memory).
            return (uint)index < 2 ? new(RegisterSeeds<T>.Unit128(index, value)) : Zero;
        }
        Tangents2<T> r = Zero;
        if ((uint)index < 2) Lane(ref r, index) = value;
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyTo(Span<T> destination)
    {
        if (Simd && RegisterSeeds<T>.Supported && destination.Length >= 2)
        {
            // A full block is stored straight from the register: all of it for double, its lower 64 bits for float.
            ref T d = ref MemoryMarshal.GetReference(destination);
            if (Vector128<T>.Count == 2) _v0.StoreUnsafe(ref d);
            else Unsafe.WriteUnaligned(ref Unsafe.As<T, byte>(ref d), _v0.AsUInt64().ToScalar());
            return;
        }
        Tangents2<T> copy = this;
        int n = Math.Min(2, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Lane(ref copy, i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Add(Tangents2<T> a, Tangents2<T> b)
    {
        if (Simd) return new(a._v0 + b._v0);
        return BlockFallback<Tangents2<T>, T>.Add(a, b, 2);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Subtract(Tangents2<T> a, Tangents2<T> b)
    {
        if (Simd) return new(a._v0 - b._v0);
        return BlockFallback<Tangents2<T>, T>.Subtract(a, b, 2);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Negate(Tangents2<T> a)
    {
        if (Simd) return new(-a._v0);
        return BlockFallback<Tangents2<T>, T>.Negate(a, 2);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Multiply(Tangents2<T> a, T s)
    {
        if (Simd)
        {
            Vector128<T> vs = Vector128.Create(s);
            return new(a._v0 * vs);
        }
        return BlockFallback<Tangents2<T>, T>.Multiply(a, s, 2);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Divide(Tangents2<T> a, T s)
    {
        if (Simd)
        {
            Vector128<T> vs = Vector128.Create(s);
            return new(a._v0 / vs);
        }
        return BlockFallback<Tangents2<T>, T>.Divide(a, s, 2);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> MultiplyAdd(Tangents2<T> a, T s, Tangents2<T> b, T t)
    {
        if (Simd)
        {
            Vector128<T> vs = Vector128.Create(s), vt = Vector128.Create(t);
            return new(a._v0 * vs + b._v0 * vt);
        }
        return BlockFallback<Tangents2<T>, T>.MultiplyAdd(a, s, b, t, 2);
    }

    /// <inheritdoc/>
    public static Tangents2<T> MultiplyAddSkippingZeros(Tangents2<T> a, T s, Tangents2<T> b, T t) => BlockFallback<Tangents2<T>, T>.MultiplyAddSkippingZeros(Zero, a, s, b, t, 2);

    /// <inheritdoc/>
    public static bool Equal(Tangents2<T> a, Tangents2<T> b) => BlockFallback<Tangents2<T>, T>.Equal(a, b, 2);

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override string ToString()
    {
        var parts = new string[2];
        for (int i = 0; i < 2; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
