namespace Dual;

/// <summary>A block of one tangent (the multi-tangent form of <see cref="Dual{T}"/>, for chunk size 1).</summary>
/// <typeparam name="T">The scalar type (any IEEE type, nested duals included).</typeparam>
public readonly struct Tangents1<T> : ITangents<Tangents1<T>, T>, IContiguousLanes where T : IFloatingPointIeee754<T>
{
    private readonly T _0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Tangents1(T value) => _0 = value;

    /// <summary>1.</summary>
    public static int Count => 1;

    /// <summary>The zero tangent.</summary>
    public static Tangents1<T> Zero
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(T.Zero);
    }

    /// <inheritdoc/>
    public T this[int index] => index == 0 ? _0 : throw new ArgumentOutOfRangeException(nameof(index), index, "The lane must be 0.");

    /// <inheritdoc/>
    public static Tangents1<T> Create(ReadOnlySpan<T> values)
    {
        if (values.Length > 1) throw new ArgumentException($"'values' has length {values.Length} but a block holds at most 1.", nameof(values));
        return values.IsEmpty ? Zero : new(values[0]);
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Unit(int index, T value) => index == 0 ? new(value) : Zero;

    /// <inheritdoc/>
    public void CopyTo(Span<T> destination)
    {
        if (!destination.IsEmpty) destination[0] = _0;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Add(Tangents1<T> a, Tangents1<T> b) => new(a._0 + b._0);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Subtract(Tangents1<T> a, Tangents1<T> b) => new(a._0 - b._0);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Negate(Tangents1<T> a) => new(-a._0);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Multiply(Tangents1<T> a, T s) => new(a._0 * s);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> Divide(Tangents1<T> a, T s) => new(a._0 / s);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Tangents1<T> MultiplyAdd(Tangents1<T> a, T s, Tangents1<T> b, T t) => new(a._0 * s + b._0 * t);

    /// <inheritdoc/>
    public static Tangents1<T> MultiplyAddSkippingZeros(Tangents1<T> a, T s, Tangents1<T> b, T t)
        => new(Lanes<T>.ProductSkippingZero(a._0, s) + Lanes<T>.ProductSkippingZero(b._0, t));

    /// <inheritdoc/>
    public static bool Equal(Tangents1<T> a, Tangents1<T> b) => a._0 == b._0;

    /// <summary>The lane as text, e.g. <c>[1]</c>.</summary>
    public override string ToString() => "[" + _0.ToString(null, System.Globalization.CultureInfo.InvariantCulture) + "]";
}
