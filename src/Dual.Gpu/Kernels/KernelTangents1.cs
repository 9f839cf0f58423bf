using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using ILGPU;

namespace Dual.Gpu;

// Generated shape shared by KernelTangents1/8/16 (plain fields, one per lane; keep the three in step).

/// <summary>A kernel-safe block of 1 tangent lane: plain fields, no <c>Unsafe</c>, no SIMD types, so ILGPU
/// compiles <c>Dual&lt;T, KernelTangents1&lt;T&gt;&gt;</c> for CUDA, and every lane performs exactly the IEEE operations
/// of <see cref="Dual{T}"/>'s single tangent (bit-identical to the library's SIMD blocks on the CPU).</summary>
/// <typeparam name="T"><see cref="double"/> or <see cref="float"/>.</typeparam>
internal readonly struct KernelTangents1<T> : IKernelTangents<KernelTangents1<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private KernelTangents1(T t0)
    {
        _0 = t0;
    }

    public static int Count => 1;

    public static KernelTangents1<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(T.Zero);
    }

    public T this[int index] => index switch
    {
        0 => _0,
        _ => throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be in [0, 1).")
    };

    public static KernelTangents1<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 1) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 1.", nameof(values));
        return new(values.Length > 0 ? values[0] : T.Zero);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents1<T> Unit(int index, T value) => new(index == 0 ? value : T.Zero);

    public void CopyTo(Span<T> destination)
    {
        int count = Math.Min(destination.Length, 1);
        for (int lane = 0; lane < count; lane++) destination[lane] = this[lane];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents1<T> Add(KernelTangents1<T> a, KernelTangents1<T> b) => new(a._0 + b._0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents1<T> Subtract(KernelTangents1<T> a, KernelTangents1<T> b) => new(a._0 - b._0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents1<T> Negate(KernelTangents1<T> a) => new(-a._0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents1<T> Multiply(KernelTangents1<T> a, T s) => new(a._0 * s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents1<T> Divide(KernelTangents1<T> a, T s) => new(a._0 / s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents1<T> MultiplyAdd(KernelTangents1<T> a, T s, KernelTangents1<T> b, T t) => new(a._0 * s + b._0 * t);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents1<T> MultiplyAddSkippingZeros(KernelTangents1<T> a, T s, KernelTangents1<T> b, T t) =>
        new(Skip(a._0, s) + Skip(b._0, t));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static T Skip(T tangent, T scale) => T.IsZero(tangent) ? T.Zero : tangent * scale;

    public static bool Equal(KernelTangents1<T> a, KernelTangents1<T> b) => a._0 == b._0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents1<T> Strided(int offset, int stride, T one)
    {
        T t0 = offset == 0 * stride ? one : T.Zero;
        return new(t0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static KernelTangents1<T> Gather(ArrayView<T> source, long start, int first, int stride, int limit)
    {
        T t0 = first + 0 * stride < limit ? source[start + first + 0 * stride] : T.Zero;
        return new(t0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Scatter(ArrayView<T> destination, long start, int first, int stride, int limit)
    {
        if (first + 0 * stride < limit) destination[start + first + 0 * stride] = _0;
    }

    public override string ToString() => "[" + _0.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + "]";
}
