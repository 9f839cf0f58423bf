using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dual;

/// <summary>A block of 4 tangents: 4 directional derivatives carried through one pass.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
[StructLayout(LayoutKind.Sequential)]
public struct Tangents4<T> : ITangents<Tangents4<T>, T> where T : IFloatingPointIeee754<T>
{
#pragma warning disable CS0169, CS0649 // lanes are reached through First (contiguous, sequential layout)
    private Storage _l;

    // One inline-array field rather than 4 scalar fields: the JIT would promote 4 fields into 4 scalar
    // registers and rebuild the SIMD vector through the stack around every lane-wise operation (a failed
    // store-to-load forwarding each time); an inline array stays one block.
    [InlineArray(4)]
    private struct Storage
    {
        public T _0;
    }
#pragma warning restore CS0169, CS0649

    /// <summary>4.</summary>
    public static int Count => 4;

    /// <summary>All lanes zero.</summary>
    public static Tangents4<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            {
                return default; // +0 is the all-zero bit pattern: one wide store, no per-lane loop
            }
            Unsafe.SkipInit(out Tangents4<T> r);
            for (int i = 0; i < 4; i++) Unsafe.Add(ref r._l._0, i) = T.Zero;
            return r;
        }
    }

    /// <inheritdoc/>
    public readonly T this[int index]
    {
        get
        {
            if ((uint)index >= 4) throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 4).");
            return Unsafe.Add(ref Unsafe.AsRef(in _l._0), index);
        }
    }

    /// <inheritdoc/>
    public static Tangents4<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 4) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 4.", nameof(values));
        Tangents4<T> r = Zero;
        for (int i = 0; i < values.Length; i++) Unsafe.Add(ref r._l._0, i) = values[i];
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Unit(int index, T value)
    {
        Tangents4<T> r = Zero;
        if ((uint)index < 4) Unsafe.Add(ref r._l._0, index) = value;
        return r;
    }

    /// <inheritdoc/>
    public readonly void CopyTo(Span<T> destination)
    {
        int n = Math.Min(4, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Unsafe.Add(ref Unsafe.AsRef(in _l._0), i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Add(in Tangents4<T> a, in Tangents4<T> b)
    {
        if (Block<T, Tangents4<T>>.IsRegister) return Block<T, Tangents4<T>>.Add(a, b);
        Unsafe.SkipInit(out Tangents4<T> r);
        Lanes<T>.Add(ref r._l._0, ref Unsafe.AsRef(in a._l._0), ref Unsafe.AsRef(in b._l._0), 4);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Subtract(in Tangents4<T> a, in Tangents4<T> b)
    {
        if (Block<T, Tangents4<T>>.IsRegister) return Block<T, Tangents4<T>>.Subtract(a, b);
        Unsafe.SkipInit(out Tangents4<T> r);
        Lanes<T>.Subtract(ref r._l._0, ref Unsafe.AsRef(in a._l._0), ref Unsafe.AsRef(in b._l._0), 4);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Negate(in Tangents4<T> a)
    {
        if (Block<T, Tangents4<T>>.IsRegister) return Block<T, Tangents4<T>>.Negate(a);
        Unsafe.SkipInit(out Tangents4<T> r);
        Lanes<T>.Negate(ref r._l._0, ref Unsafe.AsRef(in a._l._0), 4);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Multiply(in Tangents4<T> a, T s)
    {
        if (Block<T, Tangents4<T>>.IsRegister) return Block<T, Tangents4<T>>.Multiply(a, s);
        Unsafe.SkipInit(out Tangents4<T> r);
        Lanes<T>.Multiply(ref r._l._0, ref Unsafe.AsRef(in a._l._0), s, 4);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> Divide(in Tangents4<T> a, T s)
    {
        if (Block<T, Tangents4<T>>.IsRegister) return Block<T, Tangents4<T>>.Divide(a, s);
        Unsafe.SkipInit(out Tangents4<T> r);
        Lanes<T>.Divide(ref r._l._0, ref Unsafe.AsRef(in a._l._0), s, 4);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents4<T> MultiplyAdd(in Tangents4<T> a, T s, in Tangents4<T> b, T t)
    {
        if (Block<T, Tangents4<T>>.IsRegister) return Block<T, Tangents4<T>>.MultiplyAdd(a, s, b, t);
        Unsafe.SkipInit(out Tangents4<T> r);
        Lanes<T>.MultiplyAdd(ref r._l._0, ref Unsafe.AsRef(in a._l._0), s, ref Unsafe.AsRef(in b._l._0), t, 4);
        return r;
    }

    /// <inheritdoc/>
    public static Tangents4<T> MultiplyAddSkippingZeros(in Tangents4<T> a, T s, in Tangents4<T> b, T t)
    {
        Unsafe.SkipInit(out Tangents4<T> r);
        for (int i = 0; i < 4; i++)
        {
            Unsafe.Add(ref r._l._0, i) = Lanes<T>.ProductSkippingZero(Unsafe.Add(ref Unsafe.AsRef(in a._l._0), i), s)
                + Lanes<T>.ProductSkippingZero(Unsafe.Add(ref Unsafe.AsRef(in b._l._0), i), t);
        }
        return r;
    }

    /// <inheritdoc/>
    public static bool Equal(in Tangents4<T> a, in Tangents4<T> b) => Lanes<T>.Equal(ref Unsafe.AsRef(in a._l._0), ref Unsafe.AsRef(in b._l._0), 4);

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override readonly string ToString()
    {
        var parts = new string[4];
        for (int i = 0; i < 4; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
