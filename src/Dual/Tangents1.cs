using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Dual;

/// <summary>A block of one tangent: one directional derivative carried through one pass.</summary>
/// <typeparam name="T">The scalar type.</typeparam>
[StructLayout(LayoutKind.Sequential)]
public struct Tangents1<T> : ITangents<Tangents1<T>, T> where T : IFloatingPointIeee754<T>
{
#pragma warning disable CS0169, CS0649 // lanes are reached through First (contiguous, sequential layout)
    private T _0;
#pragma warning restore CS0169, CS0649

    /// <summary>1.</summary>
    public static int Count => 1;

    /// <summary>All lanes zero.</summary>
    public static Tangents1<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            {
                return default; // +0 is the all-zero bit pattern: one wide store, no per-lane loop
            }
            Unsafe.SkipInit(out Tangents1<T> r);
            for (int i = 0; i < 1; i++) Unsafe.Add(ref r._0, i) = T.Zero;
            return r;
        }
    }

    /// <inheritdoc/>
    public readonly T this[int index]
    {
        get
        {
            if ((uint)index >= 1) throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 1).");
            return Unsafe.Add(ref Unsafe.AsRef(in _0), index);
        }
    }

    /// <inheritdoc/>
    public static Tangents1<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 1) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 1.", nameof(values));
        Tangents1<T> r = Zero;
        for (int i = 0; i < values.Length; i++) Unsafe.Add(ref r._0, i) = values[i];
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Unit(int index, T value)
    {
        Tangents1<T> r = Zero;
        if ((uint)index < 1) Unsafe.Add(ref r._0, index) = value;
        return r;
    }

    /// <inheritdoc/>
    public readonly void CopyTo(Span<T> destination)
    {
        int n = Math.Min(1, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Unsafe.Add(ref Unsafe.AsRef(in _0), i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Add(in Tangents1<T> a, in Tangents1<T> b)
    {
        Unsafe.SkipInit(out Tangents1<T> r);
        Lanes<T>.Add(ref r._0, ref Unsafe.AsRef(in a._0), ref Unsafe.AsRef(in b._0), 1);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Subtract(in Tangents1<T> a, in Tangents1<T> b)
    {
        Unsafe.SkipInit(out Tangents1<T> r);
        Lanes<T>.Subtract(ref r._0, ref Unsafe.AsRef(in a._0), ref Unsafe.AsRef(in b._0), 1);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Negate(in Tangents1<T> a)
    {
        Unsafe.SkipInit(out Tangents1<T> r);
        Lanes<T>.Negate(ref r._0, ref Unsafe.AsRef(in a._0), 1);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Multiply(in Tangents1<T> a, T s)
    {
        Unsafe.SkipInit(out Tangents1<T> r);
        Lanes<T>.Multiply(ref r._0, ref Unsafe.AsRef(in a._0), s, 1);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Divide(in Tangents1<T> a, T s)
    {
        Unsafe.SkipInit(out Tangents1<T> r);
        Lanes<T>.Divide(ref r._0, ref Unsafe.AsRef(in a._0), s, 1);
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> MultiplyAdd(in Tangents1<T> a, T s, in Tangents1<T> b, T t)
    {
        Unsafe.SkipInit(out Tangents1<T> r);
        Lanes<T>.MultiplyAdd(ref r._0, ref Unsafe.AsRef(in a._0), s, ref Unsafe.AsRef(in b._0), t, 1);
        return r;
    }

    /// <inheritdoc/>
    public static Tangents1<T> MultiplyAddSkippingZeros(in Tangents1<T> a, T s, in Tangents1<T> b, T t)
    {
        Unsafe.SkipInit(out Tangents1<T> r);
        for (int i = 0; i < 1; i++)
        {
            Unsafe.Add(ref r._0, i) = Lanes<T>.ProductSkippingZero(Unsafe.Add(ref Unsafe.AsRef(in a._0), i), s)
                + Lanes<T>.ProductSkippingZero(Unsafe.Add(ref Unsafe.AsRef(in b._0), i), t);
        }
        return r;
    }

    /// <inheritdoc/>
    public static bool Equal(in Tangents1<T> a, in Tangents1<T> b) => Lanes<T>.Equal(ref Unsafe.AsRef(in a._0), ref Unsafe.AsRef(in b._0), 1);

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override readonly string ToString()
    {
        var parts = new string[1];
        for (int i = 0; i < 1; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
