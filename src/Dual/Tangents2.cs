using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dual;

// Tangents2/4/8/16 share one shape (SIMD-register fields, lane-wise ops by value); keep them in step.

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
            return ZeroScalar();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckWidth()
    {
        // A JIT-time constant: vanishes for every supported T.
        if (Unsafe.SizeOf<T>() * 2 > Unsafe.SizeOf<Tangents2<T>>())
        {
            throw new NotSupportedException($"Tangents2<{typeof(T).Name}> holds scalars of at most 8 bytes; {typeof(T).Name} has {Unsafe.SizeOf<T>()}.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Lane(ref Tangents2<T> block, int index) => ref Unsafe.Add(ref Unsafe.As<Tangents2<T>, T>(ref block), index);

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
        Tangents2<T> r = Zero;
        if ((uint)index < 2) Lane(ref r, index) = value;
        return r;
    }

    /// <inheritdoc/>
    public void CopyTo(Span<T> destination)
    {
        Tangents2<T> copy = this;
        int n = Math.Min(2, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Lane(ref copy, i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Add(Tangents2<T> a, Tangents2<T> b)
    {
        if (Simd) return new(a._v0 + b._v0);
        return AddScalar(a, b);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Subtract(Tangents2<T> a, Tangents2<T> b)
    {
        if (Simd) return new(a._v0 - b._v0);
        return SubtractScalar(a, b);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents2<T> Negate(Tangents2<T> a)
    {
        if (Simd) return new(-a._v0);
        return NegateScalar(a);
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
        return MultiplyScalar(a, s);
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
        return DivideScalar(a, s);
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
        return MultiplyAddScalar(a, s, b, t);
    }

    /// <inheritdoc/>
    public static Tangents2<T> MultiplyAddSkippingZeros(Tangents2<T> a, T s, Tangents2<T> b, T t)
    {
        Tangents2<T> r = Zero;
        for (int i = 0; i < 2; i++)
        {
            Lane(ref r, i) = Lanes<T>.ProductSkippingZero(Lane(ref a, i), s) + Lanes<T>.ProductSkippingZero(Lane(ref b, i), t);
        }
        return r;
    }

    /// <inheritdoc/>
    public static bool Equal(Tangents2<T> a, Tangents2<T> b) => Lanes<T>.Equal(ref Lane(ref a, 0), ref Lane(ref b, 0), 2);

    // The scalar fallbacks (types without SIMD support, e.g. Half) take addresses; kept out of line so that the
    // address-taking never reaches the SIMD callers, whose blocks must stay promotable to registers.

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tangents2<T> AddScalar(Tangents2<T> a, Tangents2<T> b)
    {
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.Add(ref Lane(ref r, 0), ref Lane(ref a, 0), ref Lane(ref b, 0), 2);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tangents2<T> SubtractScalar(Tangents2<T> a, Tangents2<T> b)
    {
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.Subtract(ref Lane(ref r, 0), ref Lane(ref a, 0), ref Lane(ref b, 0), 2);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tangents2<T> NegateScalar(Tangents2<T> a)
    {
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.Negate(ref Lane(ref r, 0), ref Lane(ref a, 0), 2);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tangents2<T> MultiplyScalar(Tangents2<T> a, T s)
    {
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.Multiply(ref Lane(ref r, 0), ref Lane(ref a, 0), s, 2);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tangents2<T> DivideScalar(Tangents2<T> a, T s)
    {
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.Divide(ref Lane(ref r, 0), ref Lane(ref a, 0), s, 2);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tangents2<T> MultiplyAddScalar(Tangents2<T> a, T s, Tangents2<T> b, T t)
    {
        Unsafe.SkipInit(out Tangents2<T> r);
        Lanes<T>.MultiplyAdd(ref Lane(ref r, 0), ref Lane(ref a, 0), s, ref Lane(ref b, 0), t, 2);
        return r;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tangents2<T> ZeroScalar()
    {
        Tangents2<T> r = default;
        for (int i = 0; i < 2; i++) Lane(ref r, i) = T.Zero;
        return r;
    }

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override string ToString()
    {
        var parts = new string[2];
        for (int i = 0; i < 2; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
