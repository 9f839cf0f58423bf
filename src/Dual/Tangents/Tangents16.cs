using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Dual;

// Tangents2/4/8/16 share one shape (SIMD-register fields, lane-wise ops by value); keep them in step.

/// <summary>A block of 16 tangents: 16 directional derivatives carried through one pass.</summary>
/// <typeparam name="T">The scalar type: <see cref="double"/>, <see cref="float"/>, <see cref="Half"/> or another IEEE type
/// of at most 8 bytes (for nested duals the library uses its own wide blocks).</typeparam>
/// <remarks>The lanes live in 2 <c>Vector512&lt;T&gt;</c> fields, so a <c>Dual&lt;T, Tangents16&lt;T&gt;&gt;</c> stays in registers
/// across operations; every lane performs exactly the IEEE operations of <see cref="Dual{T}"/>'s single tangent.</remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Tangents16<T> : ITangents<Tangents16<T>, T> where T : IFloatingPointIeee754<T>
{
    private readonly Vector512<T> _v0, _v1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Tangents16(Vector512<T> v0, Vector512<T> v1)
    {
        _v0 = v0;
        _v1 = v1;
    }

    /// <summary>16.</summary>
    public static int Count => 16;

    // Vector512 lanes: native where AVX-512 is, else each half as a Vector256; field k holds lanes [k·8, (k+1)·8)
    // of doubles and is needed only while k·W < 16. All of these fold at JIT time.
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

    private static bool Uses1
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => 1 * Vector512<T>.Count < 16;
    }

    /// <summary>All lanes zero.</summary>
    public static Tangents16<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            CheckWidth();
            if (typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half))
            {
                return default; // +0 is the all-zero bit pattern
            }
            return BlockFallback<Tangents16<T>, T>.Zero(16);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckWidth()
    {
        // A JIT-time constant: vanishes for every supported T.
        if (Unsafe.SizeOf<T>() * 16 > Unsafe.SizeOf<Tangents16<T>>())
        {
            throw new NotSupportedException(
                $"{TypeNames.Of(typeof(Tangents16<T>))} holds scalars of at most 8 bytes; {TypeNames.Of(typeof(T))} has {Unsafe.SizeOf<T>()}. " +
                "Use Tangents1 for a wider scalar; AutoDiff's chunked passes pick a block that holds any scalar by themselves.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Lane(ref Tangents16<T> block, int index) => ref BlockFallback<Tangents16<T>, T>.Lane(ref block, index);

    /// <inheritdoc/>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= 16) throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 16).");
            Tangents16<T> copy = this;
            return Lane(ref copy, index);
        }
    }

    /// <inheritdoc/>
    public static Tangents16<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 16) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 16.", nameof(values));
        Tangents16<T> r = Zero;
        for (int i = 0; i < values.Length; i++) Lane(ref r, i) = values[i];
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Unit(int index, T value)
    {
        if (Simd && RegisterSeeds<T>.Supported)
        {
            // Built in registers (no store and reload of a block in memory); field k holds lanes [k·W, (k+1)·W).
            if ((uint)index >= 16) return Zero;
            if (Native) return new(RegisterSeeds<T>.Unit512(index, value), Uses1 ? RegisterSeeds<T>.Unit512(index - Vector512<T>.Count, value) : default);
            int h = Vector256<T>.Count;
            return new(
                Vector512.Create(RegisterSeeds<T>.Unit256(index, value), RegisterSeeds<T>.Unit256(index - h, value)),
                Uses1 ? Vector512.Create(RegisterSeeds<T>.Unit256(index - 2 * h, value), RegisterSeeds<T>.Unit256(index - 3 * h, value)) : default);
        }
        Tangents16<T> r = Zero;
        if ((uint)index < 16) Lane(ref r, index) = value;
        return r;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyTo(Span<T> destination)
    {
        if (Simd && RegisterSeeds<T>.Supported && destination.Length >= 16)
        {
            // A full block is stored straight from the registers (16 lanes fill the fields exactly for double and float).
            ref T d = ref MemoryMarshal.GetReference(destination);
            _v0.StoreUnsafe(ref d);
            if (Uses1) _v1.StoreUnsafe(ref d, (nuint)Vector512<T>.Count);
            return;
        }
        Tangents16<T> copy = this;
        int n = Math.Min(16, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Lane(ref copy, i);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Add(Tangents16<T> a, Tangents16<T> b)
    {
        if (Simd) return new(Add(a._v0, b._v0), Uses1 ? Add(a._v1, b._v1) : default);
        return BlockFallback<Tangents16<T>, T>.Add(a, b, 16);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Subtract(Tangents16<T> a, Tangents16<T> b)
    {
        if (Simd) return new(Sub(a._v0, b._v0), Uses1 ? Sub(a._v1, b._v1) : default);
        return BlockFallback<Tangents16<T>, T>.Subtract(a, b, 16);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Negate(Tangents16<T> a)
    {
        if (Simd) return new(Neg(a._v0), Uses1 ? Neg(a._v1) : default);
        return BlockFallback<Tangents16<T>, T>.Negate(a, 16);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Multiply(Tangents16<T> a, T s)
    {
        if (Simd)
        {
            return new(Mul(a._v0, s), Uses1 ? Mul(a._v1, s) : default);
        }
        return BlockFallback<Tangents16<T>, T>.Multiply(a, s, 16);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> Divide(Tangents16<T> a, T s)
    {
        if (Simd)
        {
            return new(Div(a._v0, s), Uses1 ? Div(a._v1, s) : default);
        }
        return BlockFallback<Tangents16<T>, T>.Divide(a, s, 16);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents16<T> MultiplyAdd(Tangents16<T> a, T s, Tangents16<T> b, T t)
    {
        if (Simd)
        {
            return new(Mad(a._v0, s, b._v0, t), Uses1 ? Mad(a._v1, s, b._v1, t) : default);
        }
        return BlockFallback<Tangents16<T>, T>.MultiplyAdd(a, s, b, t, 16);
    }

    /// <inheritdoc/>
    public static Tangents16<T> MultiplyAddSkippingZeros(Tangents16<T> a, T s, Tangents16<T> b, T t) => BlockFallback<Tangents16<T>, T>.MultiplyAddSkippingZeros(Zero, a, s, b, t, 16);

    /// <inheritdoc/>
    public static bool Equal(Tangents16<T> a, Tangents16<T> b) => BlockFallback<Tangents16<T>, T>.Equal(a, b, 16);

    /// <summary>The lanes as text, e.g. <c>[1, 0, 0, 0]</c>.</summary>
    public override string ToString()
    {
        var parts = new string[16];
        for (int i = 0; i < 16; i++) parts[i] = this[i].ToString(null, System.Globalization.CultureInfo.InvariantCulture);
        return "[" + string.Join(", ", parts) + "]";
    }
}
