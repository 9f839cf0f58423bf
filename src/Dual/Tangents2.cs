using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dual;

/// <summary>A block of 2 tangents: 2 directional derivatives carried through one pass.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
[StructLayout(LayoutKind.Sequential)]
public struct Tangents2<T> : ITangents<Tangents2<T>, T> where T : IFloatingPointIeee754<T>
{
#pragma warning disable CS0169, CS0649 // lanes are reached through First (contiguous, sequential layout)
    private Storage _l;

    // One inline-array field rather than 2 scalar fields: the JIT would promote 2 fields into 2 scalar
    // registers and rebuild the SIMD vector through the stack around every lane-wise operation (a failed
    // store-to-load forwarding each time); an inline array stays one block.
    [InlineArray(2)]
    private struct Storage
    {
        public T _0;
    }
#pragma warning restore CS0169, CS0649

    /// <summary>2.</summary>
    public static int Count => 2;

    /// <summary>All lanes zero.</summary>
    public static Tangents2<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            {
                return default; // +0 is the all-zero bit pattern: one wide store, no per-lane loop
            }
            Unsafe.SkipInit(out Tangents2<T> r);
            for (int i = 0; i < 2; i++) Unsafe.Add(ref r._l._0, i) = T.Zero;
            return r;
        }
    }

    /// <inheritdoc/>
    public readonly T this[int index]
    {
        get
        {
            if ((uint)index >= 2) throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 2).");
            return Unsafe.Add(ref Unsafe.AsRef(in _l._0), index);
        }
    }

    /// <inheritdoc/>
    public static Tangents2<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 2) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 2.", nameof(values));
        Tangents2<T> r = Zero;
        for (int i = 0; i < values.Length; i++) Unsafe.Add(ref r._l._0, i) = values[i];
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Unit(int index, T value)
    {
        Tangents2<T> r = Zero;
        if ((uint)index < 2) Unsafe.Add(ref r._l._0, index) = value;
        return r;
    }

    /// <inheritdoc/>
    public readonly void CopyTo(Span<T> destination)
    {
        int n = Math.Min(2, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Unsafe.Add(ref Unsafe.AsRef(in _l._0), i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Add(in Tangents2<T> a, in Tangents2<T> b)
    {
        if (Block<T, Tangents2<T>>.IsRegister) return Block<T, Tangents2<T>>.Add(a, b);
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.Add(ref r._l._0, ref Unsafe.AsRef(in a._l._0), ref Unsafe.AsRef(in b._l._0), 2);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Subtract(in Tangents2<T> a, in Tangents2<T> b)
    {
        if (Block<T, Tangents2<T>>.IsRegister) return Block<T, Tangents2<T>>.Subtract(a, b);
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.Subtract(ref r._l._0, ref Unsafe.AsRef(in a._l._0), ref Unsafe.AsRef(in b._l._0), 2);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Negate(in Tangents2<T> a)
    {
        if (Block<T, Tangents2<T>>.IsRegister) return Block<T, Tangents2<T>>.Negate(a);
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.Negate(ref r._l._0, ref Unsafe.AsRef(in a._l._0), 2);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Multiply(in Tangents2<T> a, T s)
    {
        if (Block<T, Tangents2<T>>.IsRegister) return Block<T, Tangents2<T>>.Multiply(a, s);
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.Multiply(ref r._l._0, ref Unsafe.AsRef(in a._l._0), s, 2);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Divide(in Tangents2<T> a, T s)
    {
        if (Block<T, Tangents2<T>>.IsRegister) return Block<T, Tangents2<T>>.Divide(a, s);
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.Divide(ref r._l._0, ref Unsafe.AsRef(in a._l._0), s, 2);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> MultiplyAdd(in Tangents2<T> a, T s, in Tangents2<T> b, T t)
    {
        if (Block<T, Tangents2<T>>.IsRegister) return Block<T, Tangents2<T>>.MultiplyAdd(a, s, b, t);
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.MultiplyAdd(ref r._l._0, ref Unsafe.AsRef(in a._l._0), s, ref Unsafe.AsRef(in b._l._0), t, 2);
        return r;
    }

    /// <inheritdoc/>
    public static Tangents2<T> MultiplyAddSkippingZeros(in Tangents2<T> a, T s, in Tangents2<T> b, T t)
    {
        Unsafe.SkipInit(out Tangents2<T> r);
        for (int i = 0; i < 2; i++)
        {
            Unsafe.Add(ref r._l._0, i) = Lanes<T>.ProductSkippingZero(Unsafe.Add(ref Unsafe.AsRef(in a._l._0), i), s)
                + Lanes<T>.ProductSkippingZero(Unsafe.Add(ref Unsafe.AsRef(in b._l._0), i), t);
        }
        return r;
    }

    /// <inheritdoc/>
    public static bool Equal(in Tangents2<T> a, in Tangents2<T> b) => Lanes<T>.Equal(ref Unsafe.AsRef(in a._l._0), ref Unsafe.AsRef(in b._l._0), 2);

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override readonly string ToString()
    {
        var parts = new string[2];
        for (int i = 0; i < 2; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
