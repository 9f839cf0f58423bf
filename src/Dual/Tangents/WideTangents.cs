namespace Dual;

/// <summary>
/// A block of <c>TWidth.Count</c> tangents of any scalar type, nested duals included (the public
/// <see cref="Tangents8{T}"/> and its siblings hold only scalars of at most 8 bytes in SIMD registers). Used by the
/// chunked Hessian, whose outer tangents are duals, and by the chunked passes for scalars without SIMD support.
/// </summary>
/// <typeparam name="T">The scalar type.</typeparam>
/// <typeparam name="TWidth">The lane storage, an inline array of <typeparamref name="T"/>: <see cref="Width2{T}"/>,
/// <see cref="Width4{T}"/>, <see cref="Width8{T}"/>, <see cref="Width16{T}"/> or <see cref="Width32{T}"/>. Its count is a JIT-time constant, so
/// each width specialises to the same code a hand-written block of that width would give.</typeparam>
internal struct WideTangents<T, TWidth> : ITangents<WideTangents<T, TWidth>, T>, IContiguousLanes
    where T : IFloatingPointIeee754<T>
    where TWidth : struct, ILaneWidth
{
    private TWidth _l;

    public static int Count => TWidth.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref T Lane(ref WideTangents<T, TWidth> block, int index) => ref Unsafe.Add(ref Unsafe.As<TWidth, T>(ref block._l), index);

    public static WideTangents<T, TWidth> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            Unsafe.SkipInit(out WideTangents<T, TWidth> r);
            for (int i = 0; i < Count; i++) Lane(ref r, i) = T.Zero;
            return r;
        }
    }

    public readonly T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index), index, $"The lane must be in [0, {Count}).");
            WideTangents<T, TWidth> copy = this;
            return Lane(ref copy, index);
        }
    }

    public static WideTangents<T, TWidth> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > Count) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most {Count}.", nameof(values));
        WideTangents<T, TWidth> r = Zero;
        for (int i = 0; i < values.Length; i++) Lane(ref r, i) = values[i];
        return r;
    }

    public static WideTangents<T, TWidth> Unit(int index, T value)
    {
        WideTangents<T, TWidth> r = Zero;
        if ((uint)index < (uint)Count) Lane(ref r, index) = value;
        return r;
    }

    public readonly void CopyTo(Span<T> destination)
    {
        WideTangents<T, TWidth> copy = this;
        int n = Math.Min(Count, destination.Length);
        for (int i = 0; i < n; i++) destination[i] = Lane(ref copy, i);
    }

    public static WideTangents<T, TWidth> Add(WideTangents<T, TWidth> a, WideTangents<T, TWidth> b)
    {
        Unsafe.SkipInit(out WideTangents<T, TWidth> r);
        Lanes<T>.Add(ref Lane(ref r, 0), ref Lane(ref a, 0), ref Lane(ref b, 0), Count);
        return r;
    }

    public static WideTangents<T, TWidth> Subtract(WideTangents<T, TWidth> a, WideTangents<T, TWidth> b)
    {
        Unsafe.SkipInit(out WideTangents<T, TWidth> r);
        Lanes<T>.Subtract(ref Lane(ref r, 0), ref Lane(ref a, 0), ref Lane(ref b, 0), Count);
        return r;
    }

    public static WideTangents<T, TWidth> Negate(WideTangents<T, TWidth> a)
    {
        Unsafe.SkipInit(out WideTangents<T, TWidth> r);
        Lanes<T>.Negate(ref Lane(ref r, 0), ref Lane(ref a, 0), Count);
        return r;
    }

    public static WideTangents<T, TWidth> Multiply(WideTangents<T, TWidth> a, T s)
    {
        Unsafe.SkipInit(out WideTangents<T, TWidth> r);
        Lanes<T>.Multiply(ref Lane(ref r, 0), ref Lane(ref a, 0), s, Count);
        return r;
    }

    public static WideTangents<T, TWidth> Divide(WideTangents<T, TWidth> a, T s)
    {
        Unsafe.SkipInit(out WideTangents<T, TWidth> r);
        Lanes<T>.Divide(ref Lane(ref r, 0), ref Lane(ref a, 0), s, Count);
        return r;
    }

    public static WideTangents<T, TWidth> MultiplyAdd(WideTangents<T, TWidth> a, T s, WideTangents<T, TWidth> b, T t)
    {
        Unsafe.SkipInit(out WideTangents<T, TWidth> r);
        Lanes<T>.MultiplyAdd(ref Lane(ref r, 0), ref Lane(ref a, 0), s, ref Lane(ref b, 0), t, Count);
        return r;
    }

    public static WideTangents<T, TWidth> MultiplyAddSkippingZeros(WideTangents<T, TWidth> a, T s, WideTangents<T, TWidth> b, T t)
    {
        Unsafe.SkipInit(out WideTangents<T, TWidth> r);
        for (int i = 0; i < Count; i++) Lane(ref r, i) = Lanes<T>.ProductSkippingZero(Lane(ref a, i), s) + Lanes<T>.ProductSkippingZero(Lane(ref b, i), t);
        return r;
    }

    public static bool Equal(WideTangents<T, TWidth> a, WideTangents<T, TWidth> b) => Lanes<T>.Equal(ref Lane(ref a, 0), ref Lane(ref b, 0), Count);
}

/// <summary>The lane storage of a <see cref="WideTangents{T, TWidth}"/>: an inline array whose length is <see cref="Count"/>.</summary>
internal interface ILaneWidth
{
    /// <summary>The number of lanes, equal to the <see cref="InlineArrayAttribute"/> length.</summary>
    static abstract int Count { get; }
}

/// <summary>Two lanes.</summary>
[InlineArray(2)]
internal struct Width2<T> : ILaneWidth
{
    private T _0;

    public static int Count => 2;
}

/// <summary>Four lanes.</summary>
[InlineArray(4)]
internal struct Width4<T> : ILaneWidth
{
    private T _0;

    public static int Count => 4;
}

/// <summary>Eight lanes.</summary>
[InlineArray(8)]
internal struct Width8<T> : ILaneWidth
{
    private T _0;

    public static int Count => 8;
}

/// <summary>Sixteen lanes.</summary>
[InlineArray(16)]
internal struct Width16<T> : ILaneWidth
{
    private T _0;

    public static int Count => 16;
}

/// <summary>Thirty-two lanes.</summary>
[InlineArray(32)]
internal struct Width32<T> : ILaneWidth
{
    private T _0;

    public static int Count => 32;
}
