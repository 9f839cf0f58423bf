using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dual;

/// <summary>A block of 16 tangents: 16 directional derivatives carried through one pass.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
[StructLayout(LayoutKind.Sequential)]
public struct Tangents16<T> : ITangents<Tangents16<T>, T> where T : IFloatingPointIeee754<T>
{
    private Storage _l;

    // One inline-array field rather than 16 scalar fields, like the narrower blocks: a block that is one
    // SIMD register wide can then stay in that register between operations.
    [InlineArray(16)]
    private struct Storage
    {
        public T _0;
    }

    /// <summary>16.</summary>
    public static int Count => 16;

    /// <summary>All lanes zero.</summary>
    public static Tangents16<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            {
                return default; // +0 is the all-zero bit pattern: one wide store, no per-lane loop
            }
            Unsafe.SkipInit(out Tangents16<T> r);
            for (int i = 0; i < 16; i++) Unsafe.Add(ref r._l._0, i) = T.Zero;
            return r;
        }
    }

    /// <inheritdoc/>
    public readonly T this[int index]
    {
        get
        {
            if ((uint)index >= 16) throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 16).");
            return Unsafe.Add(ref Unsafe.AsRef(in _l._0), index);
        }
    }

    /// <inheritdoc/>
    public static Tangents16<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 16) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 16.", nameof(values));
        Tangents16<T> r = Zero;
        for (int i = 0; i < values.Length; i++) Unsafe.Add(ref r._l._0, i) = values[i];
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Unit(int index, T value)
    {
        Tangents16<T> r = Zero;
        if ((uint)index < 16) Unsafe.Add(ref r._l._0, index) = value;
        return r;
    }

    /// <inheritdoc/>
    public readonly void CopyTo(Span<T> destination)
    {
        int n = Math.Min(16, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Unsafe.Add(ref Unsafe.AsRef(in _l._0), i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Add(in Tangents16<T> a, in Tangents16<T> b)
    {
        Unsafe.SkipInit(out Tangents16<T> r);
        Lanes<T>.Add(ref r._l._0, ref Unsafe.AsRef(in a._l._0), ref Unsafe.AsRef(in b._l._0), 16);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Subtract(in Tangents16<T> a, in Tangents16<T> b)
    {
        Unsafe.SkipInit(out Tangents16<T> r);
        Lanes<T>.Subtract(ref r._l._0, ref Unsafe.AsRef(in a._l._0), ref Unsafe.AsRef(in b._l._0), 16);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Negate(in Tangents16<T> a)
    {
        Unsafe.SkipInit(out Tangents16<T> r);
        Lanes<T>.Negate(ref r._l._0, ref Unsafe.AsRef(in a._l._0), 16);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Multiply(in Tangents16<T> a, T s)
    {
        Unsafe.SkipInit(out Tangents16<T> r);
        Lanes<T>.Multiply(ref r._l._0, ref Unsafe.AsRef(in a._l._0), s, 16);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Divide(in Tangents16<T> a, T s)
    {
        Unsafe.SkipInit(out Tangents16<T> r);
        Lanes<T>.Divide(ref r._l._0, ref Unsafe.AsRef(in a._l._0), s, 16);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> MultiplyAdd(in Tangents16<T> a, T s, in Tangents16<T> b, T t)
    {
        Unsafe.SkipInit(out Tangents16<T> r);
        Lanes<T>.MultiplyAdd(ref r._l._0, ref Unsafe.AsRef(in a._l._0), s, ref Unsafe.AsRef(in b._l._0), t, 16);
        return r;
    }

    /// <inheritdoc/>
    public static Tangents16<T> MultiplyAddSkippingZeros(in Tangents16<T> a, T s, in Tangents16<T> b, T t)
    {
        Unsafe.SkipInit(out Tangents16<T> r);
        for (int i = 0; i < 16; i++)
        {
            Unsafe.Add(ref r._l._0, i) = Lanes<T>.ProductSkippingZero(Unsafe.Add(ref Unsafe.AsRef(in a._l._0), i), s)
                + Lanes<T>.ProductSkippingZero(Unsafe.Add(ref Unsafe.AsRef(in b._l._0), i), t);
        }
        return r;
    }

    /// <inheritdoc/>
    public static bool Equal(in Tangents16<T> a, in Tangents16<T> b) => Lanes<T>.Equal(ref Unsafe.AsRef(in a._l._0), ref Unsafe.AsRef(in b._l._0), 16);

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override readonly string ToString()
    {
        var parts = new string[16];
        for (int i = 0; i < 16; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
