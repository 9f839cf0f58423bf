using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dual;

/// <summary>
/// A block of 16 tangents of any scalar type, nested duals included (the public <see cref="Tangents16{T}"/> holds
/// only scalars of at most 8 bytes in SIMD registers). Used by the chunked Hessian, whose outer tangents are duals.
/// </summary>
internal struct WideTangents16<T> : ITangents<WideTangents16<T>, T> where T : IFloatingPointIeee754<T>
{
    private Storage _l;

    [InlineArray(16)]
    private struct Storage
    {
        public T _0;
    }

    public static int Count => 16;

    public static WideTangents16<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Unsafe.SkipInit(out WideTangents16<T> r);
            for (int i = 0; i < 16; i++) r._l[i] = T.Zero;
            return r;
        }
    }

    public readonly T this[int index] => (uint)index < 16 ? _l[index] : throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 16).");

    public static WideTangents16<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 16) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 16.", nameof(values));
        WideTangents16<T> r = Zero;
        for (int i = 0; i < values.Length; i++) r._l[i] = values[i];
        return r;
    }

    public static WideTangents16<T> Unit(int index, T value)
    {
        WideTangents16<T> r = Zero;
        if ((uint)index < 16) r._l[index] = value;
        return r;
    }

    public readonly void CopyTo(Span<T> destination)
    {
        int n = Math.Min(16, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = _l[i];
    }

    public static WideTangents16<T> Add(WideTangents16<T> a, WideTangents16<T> b)
    {
        Unsafe.SkipInit(out WideTangents16<T> r);
        Lanes<T>.Add(ref r._l[0], ref a._l[0], ref b._l[0], 16);
        return r;
    }

    public static WideTangents16<T> Subtract(WideTangents16<T> a, WideTangents16<T> b)
    {
        Unsafe.SkipInit(out WideTangents16<T> r);
        Lanes<T>.Subtract(ref r._l[0], ref a._l[0], ref b._l[0], 16);
        return r;
    }

    public static WideTangents16<T> Negate(WideTangents16<T> a)
    {
        Unsafe.SkipInit(out WideTangents16<T> r);
        Lanes<T>.Negate(ref r._l[0], ref a._l[0], 16);
        return r;
    }

    public static WideTangents16<T> Multiply(WideTangents16<T> a, T s)
    {
        Unsafe.SkipInit(out WideTangents16<T> r);
        Lanes<T>.Multiply(ref r._l[0], ref a._l[0], s, 16);
        return r;
    }

    public static WideTangents16<T> Divide(WideTangents16<T> a, T s)
    {
        Unsafe.SkipInit(out WideTangents16<T> r);
        Lanes<T>.Divide(ref r._l[0], ref a._l[0], s, 16);
        return r;
    }

    public static WideTangents16<T> MultiplyAdd(WideTangents16<T> a, T s, WideTangents16<T> b, T t)
    {
        Unsafe.SkipInit(out WideTangents16<T> r);
        Lanes<T>.MultiplyAdd(ref r._l[0], ref a._l[0], s, ref b._l[0], t, 16);
        return r;
    }

    public static WideTangents16<T> MultiplyAddSkippingZeros(WideTangents16<T> a, T s, WideTangents16<T> b, T t)
    {
        Unsafe.SkipInit(out WideTangents16<T> r);
        for (int i = 0; i < 16; i++) r._l[i] = Lanes<T>.ProductSkippingZero(a._l[i], s) + Lanes<T>.ProductSkippingZero(b._l[i], t);
        return r;
    }

    public static bool Equal(WideTangents16<T> a, WideTangents16<T> b) => Lanes<T>.Equal(ref a._l[0], ref b._l[0], 16);
}
