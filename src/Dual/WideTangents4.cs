using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dual;

/// <summary>
/// A block of 4 tangents of any scalar type, nested duals included (the public <see cref="Tangents4{T}"/> holds
/// only scalars of at most 8 bytes in SIMD registers). Used by the chunked Hessian, whose outer tangents are duals.
/// </summary>
internal struct WideTangents4<T> : ITangents<WideTangents4<T>, T> where T : IFloatingPointIeee754<T>
{
    private Storage _l;

    [InlineArray(4)]
    private struct Storage
    {
        public T _0;
    }

    public static int Count => 4;

    public static WideTangents4<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Unsafe.SkipInit(out WideTangents4<T> r);
            for (int i = 0; i < 4; i++) r._l[i] = T.Zero;
            return r;
        }
    }

    public readonly T this[int index] => (uint)index < 4 ? _l[index] : throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 4).");

    public static WideTangents4<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 4) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 4.", nameof(values));
        WideTangents4<T> r = Zero;
        for (int i = 0; i < values.Length; i++) r._l[i] = values[i];
        return r;
    }

    public static WideTangents4<T> Unit(int index, T value)
    {
        WideTangents4<T> r = Zero;
        if ((uint)index < 4) r._l[index] = value;
        return r;
    }

    public readonly void CopyTo(Span<T> destination)
    {
        int n = Math.Min(4, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = _l[i];
    }

    public static WideTangents4<T> Add(WideTangents4<T> a, WideTangents4<T> b)
    {
        Unsafe.SkipInit(out WideTangents4<T> r);
        Lanes<T>.Add(ref r._l[0], ref a._l[0], ref b._l[0], 4);
        return r;
    }

    public static WideTangents4<T> Subtract(WideTangents4<T> a, WideTangents4<T> b)
    {
        Unsafe.SkipInit(out WideTangents4<T> r);
        Lanes<T>.Subtract(ref r._l[0], ref a._l[0], ref b._l[0], 4);
        return r;
    }

    public static WideTangents4<T> Negate(WideTangents4<T> a)
    {
        Unsafe.SkipInit(out WideTangents4<T> r);
        Lanes<T>.Negate(ref r._l[0], ref a._l[0], 4);
        return r;
    }

    public static WideTangents4<T> Multiply(WideTangents4<T> a, T s)
    {
        Unsafe.SkipInit(out WideTangents4<T> r);
        Lanes<T>.Multiply(ref r._l[0], ref a._l[0], s, 4);
        return r;
    }

    public static WideTangents4<T> Divide(WideTangents4<T> a, T s)
    {
        Unsafe.SkipInit(out WideTangents4<T> r);
        Lanes<T>.Divide(ref r._l[0], ref a._l[0], s, 4);
        return r;
    }

    public static WideTangents4<T> MultiplyAdd(WideTangents4<T> a, T s, WideTangents4<T> b, T t)
    {
        Unsafe.SkipInit(out WideTangents4<T> r);
        Lanes<T>.MultiplyAdd(ref r._l[0], ref a._l[0], s, ref b._l[0], t, 4);
        return r;
    }

    public static WideTangents4<T> MultiplyAddSkippingZeros(WideTangents4<T> a, T s, WideTangents4<T> b, T t)
    {
        Unsafe.SkipInit(out WideTangents4<T> r);
        for (int i = 0; i < 4; i++) r._l[i] = Lanes<T>.ProductSkippingZero(a._l[i], s) + Lanes<T>.ProductSkippingZero(b._l[i], t);
        return r;
    }

    public static bool Equal(WideTangents4<T> a, WideTangents4<T> b) => Lanes<T>.Equal(ref a._l[0], ref b._l[0], 4);
}
