using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using ILGPU;

namespace Dual.Gpu;

// Generated shape shared by KernelTangents1/8/16 (plain fields, one per lane; keep the three in step).

/// <summary>A kernel-safe block of 8 tangent lanes: plain fields, no <c>Unsafe</c>, no SIMD types, so ILGPU
/// compiles <c>Dual&lt;T, KernelTangents8&lt;T&gt;&gt;</c> for CUDA, and every lane performs exactly the IEEE operations
/// of <see cref="Dual{T}"/>'s single tangent (bit-identical to the library's SIMD blocks on the CPU).</summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal readonly struct KernelTangents8<T> : IKernelTangents<KernelTangents8<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _0;
    private readonly T _1;
    private readonly T _2;
    private readonly T _3;
    private readonly T _4;
    private readonly T _5;
    private readonly T _6;
    private readonly T _7;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private KernelTangents8(T t0, T t1, T t2, T t3, T t4, T t5, T t6, T t7)
    {
        _0 = t0;
        _1 = t1;
        _2 = t2;
        _3 = t3;
        _4 = t4;
        _5 = t5;
        _6 = t6;
        _7 = t7;
    }

    public static int Count => 8;

    public static KernelTangents8<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(T.Zero, T.Zero, T.Zero, T.Zero, T.Zero, T.Zero, T.Zero, T.Zero);
    }

    public T this[int index] => index switch
    {
        0 => _0,
        1 => _1,
        2 => _2,
        3 => _3,
        4 => _4,
        5 => _5,
        6 => _6,
        7 => _7,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 8).")
    };

    public static KernelTangents8<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 8) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 8.", nameof(values));
        return new(values.Length > 0 ? values[0] : T.Zero, values.Length > 1 ? values[1] : T.Zero, values.Length > 2 ? values[2] : T.Zero, values.Length > 3 ? values[3] : T.Zero, values.Length > 4 ? values[4] : T.Zero, values.Length > 5 ? values[5] : T.Zero, values.Length > 6 ? values[6] : T.Zero, values.Length > 7 ? values[7] : T.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents8<T> Unit(int index, T value) => new(index == 0 ? value : T.Zero, index == 1 ? value : T.Zero, index == 2 ? value : T.Zero, index == 3 ? value : T.Zero, index == 4 ? value : T.Zero, index == 5 ? value : T.Zero, index == 6 ? value : T.Zero, index == 7 ? value : T.Zero);

    public void CopyTo(Span<T> destination)
    {
        int count = Math.Min(destination.Length, 8);
        for (int lane = 0; lane < count; lane++) destination[lane] = this[lane];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents8<T> Add(KernelTangents8<T> a, KernelTangents8<T> b) => new(a._0 + b._0, a._1 + b._1, a._2 + b._2, a._3 + b._3, a._4 + b._4, a._5 + b._5, a._6 + b._6, a._7 + b._7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents8<T> Subtract(KernelTangents8<T> a, KernelTangents8<T> b) => new(a._0 - b._0, a._1 - b._1, a._2 - b._2, a._3 - b._3, a._4 - b._4, a._5 - b._5, a._6 - b._6, a._7 - b._7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents8<T> Negate(KernelTangents8<T> a) => new(-a._0, -a._1, -a._2, -a._3, -a._4, -a._5, -a._6, -a._7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents8<T> Multiply(KernelTangents8<T> a, T s) => new(a._0 * s, a._1 * s, a._2 * s, a._3 * s, a._4 * s, a._5 * s, a._6 * s, a._7 * s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents8<T> Divide(KernelTangents8<T> a, T s) => new(a._0 / s, a._1 / s, a._2 / s, a._3 / s, a._4 / s, a._5 / s, a._6 / s, a._7 / s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents8<T> MultiplyAdd(KernelTangents8<T> a, T s, KernelTangents8<T> b, T t) => new(a._0 * s + b._0 * t, a._1 * s + b._1 * t, a._2 * s + b._2 * t, a._3 * s + b._3 * t, a._4 * s + b._4 * t, a._5 * s + b._5 * t, a._6 * s + b._6 * t, a._7 * s + b._7 * t);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents8<T> MultiplyAddSkippingZeros(KernelTangents8<T> a, T s, KernelTangents8<T> b, T t) =>
        new(Skip(a._0, s) + Skip(b._0, t), Skip(a._1, s) + Skip(b._1, t), Skip(a._2, s) + Skip(b._2, t), Skip(a._3, s) + Skip(b._3, t), Skip(a._4, s) + Skip(b._4, t), Skip(a._5, s) + Skip(b._5, t), Skip(a._6, s) + Skip(b._6, t), Skip(a._7, s) + Skip(b._7, t));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Skip(T tangent, T scale) => T.IsZero(tangent) ? T.Zero : tangent * scale;

    public static bool Equal(KernelTangents8<T> a, KernelTangents8<T> b) => a._0 == b._0 && a._1 == b._1 && a._2 == b._2 && a._3 == b._3 && a._4 == b._4 && a._5 == b._5 && a._6 == b._6 && a._7 == b._7;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents8<T> Strided(int offset, int stride, T one)
    {
        T t0 = offset == 0 * stride ? one : T.Zero;
        T t1 = offset == 1 * stride ? one : T.Zero;
        T t2 = offset == 2 * stride ? one : T.Zero;
        T t3 = offset == 3 * stride ? one : T.Zero;
        T t4 = offset == 4 * stride ? one : T.Zero;
        T t5 = offset == 5 * stride ? one : T.Zero;
        T t6 = offset == 6 * stride ? one : T.Zero;
        T t7 = offset == 7 * stride ? one : T.Zero;
        return new(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents8<T> Gather(ArrayView<T> source, long start, int first, int stride, int limit)
    {
        T t0 = first + 0 * stride < limit ? source[start + first + 0 * stride] : T.Zero;
        T t1 = first + 1 * stride < limit ? source[start + first + 1 * stride] : T.Zero;
        T t2 = first + 2 * stride < limit ? source[start + first + 2 * stride] : T.Zero;
        T t3 = first + 3 * stride < limit ? source[start + first + 3 * stride] : T.Zero;
        T t4 = first + 4 * stride < limit ? source[start + first + 4 * stride] : T.Zero;
        T t5 = first + 5 * stride < limit ? source[start + first + 5 * stride] : T.Zero;
        T t6 = first + 6 * stride < limit ? source[start + first + 6 * stride] : T.Zero;
        T t7 = first + 7 * stride < limit ? source[start + first + 7 * stride] : T.Zero;
        return new(t0, t1, t2, t3, t4, t5, t6, t7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Scatter(ArrayView<T> destination, long start, int first, int stride, int limit)
    {
        if (first + 0 * stride < limit) destination[start + first + 0 * stride] = _0;
        if (first + 1 * stride < limit) destination[start + first + 1 * stride] = _1;
        if (first + 2 * stride < limit) destination[start + first + 2 * stride] = _2;
        if (first + 3 * stride < limit) destination[start + first + 3 * stride] = _3;
        if (first + 4 * stride < limit) destination[start + first + 4 * stride] = _4;
        if (first + 5 * stride < limit) destination[start + first + 5 * stride] = _5;
        if (first + 6 * stride < limit) destination[start + first + 6 * stride] = _6;
        if (first + 7 * stride < limit) destination[start + first + 7 * stride] = _7;
    }

    public override string ToString() => "[" + _0.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + ", " + _1.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + ", " + _2.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + ", " + _3.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + ", " + _4.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + ", " + _5.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + ", " + _6.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + ", " + _7.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + "]";
}
