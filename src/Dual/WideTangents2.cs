using System;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Dual;

/// <summary>
/// A block of 2 tangents of any scalar type, nested duals included (the public <see cref="Tangents2{T}"/> holds
/// only scalars of at most 8 bytes in SIMD registers). Used by the chunked Hessian, whose outer tangents are duals.
/// </summary>
internal struct WideTangents2<T> : ITangents<WideTangents2<T>, T> where T : IFloatingPointIeee754<T>
{
    private Storage _l;

    [InlineArray(2)]
    private struct Storage
    {
        public T _0;
    }

    public static int Count => 2;

    public static WideTangents2<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Unsafe.SkipInit(out WideTangents2<T> r);
            for (int i = 0; i < 2; i++) r._l[i] = T.Zero;
            return r;
        }
    }

    public readonly T this[int index] => (uint)index < 2 ? _l[index] : throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 2).");

    public static WideTangents2<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 2) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 2.", nameof(values));
        WideTangents2<T> r = Zero;
        for (int i = 0; i < values.Length; i++) r._l[i] = values[i];
        return r;
    }

    public static WideTangents2<T> Unit(int index, T value)
    {
        WideTangents2<T> r = Zero;
        if ((uint)index < 2) r._l[index] = value;
        return r;
    }

    public readonly void CopyTo(Span<T> destination)
    {
        int n = Math.Min(2, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = _l[i];
    }

    public static WideTangents2<T> Add(WideTangents2<T> a, WideTangents2<T> b)
    {
        Unsafe.SkipInit(out WideTangents2<T> r);
        Lanes<T>.Add(ref r._l[0], ref a._l[0], ref b._l[0], 2);
        return r;
    }

    public static WideTangents2<T> Subtract(WideTangents2<T> a, WideTangents2<T> b)
    {
        Unsafe.SkipInit(out WideTangents2<T> r);
        Lanes<T>.Subtract(ref r._l[0], ref a._l[0], ref b._l[0], 2);
        return r;
    }

    public static WideTangents2<T> Negate(WideTangents2<T> a)
    {
        Unsafe.SkipInit(out WideTangents2<T> r);
        Lanes<T>.Negate(ref r._l[0], ref a._l[0], 2);
        return r;
    }

    public static WideTangents2<T> Multiply(WideTangents2<T> a, T s)
    {
        Unsafe.SkipInit(out WideTangents2<T> r);
        Lanes<T>.Multiply(ref r._l[0], ref a._l[0], s, 2);
        return r;
    }

    public static WideTangents2<T> Divide(WideTangents2<T> a, T s)
    {
        Unsafe.SkipInit(out WideTangents2<T> r);
        Lanes<T>.Divide(ref r._l[0], ref a._l[0], s, 2);
        return r;
    }

    public static WideTangents2<T> MultiplyAdd(WideTangents2<T> a, T s, WideTangents2<T> b, T t)
    {
        Unsafe.SkipInit(out WideTangents2<T> r);
        Lanes<T>.MultiplyAdd(ref r._l[0], ref a._l[0], s, ref b._l[0], t, 2);
        return r;
    }

    public static WideTangents2<T> MultiplyAddSkippingZeros(WideTangents2<T> a, T s, WideTangents2<T> b, T t)
    {
        Unsafe.SkipInit(out WideTangents2<T> r);
        for (int i = 0; i < 2; i++) r._l[i] = Lanes<T>.ProductSkippingZero(a._l[i], s) + Lanes<T>.ProductSkippingZero(b._l[i], t);
        return r;
    }

    public static bool Equal(WideTangents2<T> a, WideTangents2<T> b) => Lanes<T>.Equal(ref a._l[0], ref b._l[0], 2);
}
