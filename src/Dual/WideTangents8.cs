using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dual;

/// <summary>
/// A block of 8 tangents of any scalar type, nested duals included (the public <see cref="Tangents8{T}"/> holds
/// only scalars of at most 8 bytes in SIMD registers). Used by the chunked Hessian, whose outer tangents are duals.
/// </summary>
internal struct WideTangents8<T> : ITangents<WideTangents8<T>, T> where T : IFloatingPointIeee754<T>
{
    private Storage _l;

    [InlineArray(8)]
    private struct Storage
    {
        public T _0;
    }

    public static int Count => 8;

    public static WideTangents8<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Unsafe.SkipInit(out WideTangents8<T> r);
            for (int i = 0; i < 8; i++) r._l[i] = T.Zero;
            return r;
        }
    }

    public readonly T this[int index] => (uint)index < 8 ? _l[index] : throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 8).");

    public static WideTangents8<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 8) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 8.", nameof(values));
        WideTangents8<T> r = Zero;
        for (int i = 0; i < values.Length; i++) r._l[i] = values[i];
        return r;
    }

    public static WideTangents8<T> Unit(int index, T value)
    {
        WideTangents8<T> r = Zero;
        if ((uint)index < 8) r._l[index] = value;
        return r;
    }

    public readonly void CopyTo(Span<T> destination)
    {
        int n = Math.Min(8, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = _l[i];
    }

    public static WideTangents8<T> Add(WideTangents8<T> a, WideTangents8<T> b)
    {
        Unsafe.SkipInit(out WideTangents8<T> r);
        Lanes<T>.Add(ref r._l[0], ref a._l[0], ref b._l[0], 8);
        return r;
    }

    public static WideTangents8<T> Subtract(WideTangents8<T> a, WideTangents8<T> b)
    {
        Unsafe.SkipInit(out WideTangents8<T> r);
        Lanes<T>.Subtract(ref r._l[0], ref a._l[0], ref b._l[0], 8);
        return r;
    }

    public static WideTangents8<T> Negate(WideTangents8<T> a)
    {
        Unsafe.SkipInit(out WideTangents8<T> r);
        Lanes<T>.Negate(ref r._l[0], ref a._l[0], 8);
        return r;
    }

    public static WideTangents8<T> Multiply(WideTangents8<T> a, T s)
    {
        Unsafe.SkipInit(out WideTangents8<T> r);
        Lanes<T>.Multiply(ref r._l[0], ref a._l[0], s, 8);
        return r;
    }

    public static WideTangents8<T> Divide(WideTangents8<T> a, T s)
    {
        Unsafe.SkipInit(out WideTangents8<T> r);
        Lanes<T>.Divide(ref r._l[0], ref a._l[0], s, 8);
        return r;
    }

    public static WideTangents8<T> MultiplyAdd(WideTangents8<T> a, T s, WideTangents8<T> b, T t)
    {
        Unsafe.SkipInit(out WideTangents8<T> r);
        Lanes<T>.MultiplyAdd(ref r._l[0], ref a._l[0], s, ref b._l[0], t, 8);
        return r;
    }

    public static WideTangents8<T> MultiplyAddSkippingZeros(WideTangents8<T> a, T s, WideTangents8<T> b, T t)
    {
        Unsafe.SkipInit(out WideTangents8<T> r);
        for (int i = 0; i < 8; i++) r._l[i] = Lanes<T>.ProductSkippingZero(a._l[i], s) + Lanes<T>.ProductSkippingZero(b._l[i], t);
        return r;
    }

    public static bool Equal(WideTangents8<T> a, WideTangents8<T> b) => Lanes<T>.Equal(ref a._l[0], ref b._l[0], 8);
}
